/**
 * Kafka plumbing: the JSON serialisation of the events with logical type ids, and
 * dead-lettering of records that cannot be processed.
 */
@NullMarked
package org.herald.support.kafka;

import org.jspecify.annotations.NullMarked;
