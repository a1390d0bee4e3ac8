/**
 * Kafka plumbing: the JSON serialisation of the events with logical type ids, and
 * dead-lettering of records that cannot be processed.
 */
package org.herald.support.kafka;
