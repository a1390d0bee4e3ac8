/**
 * Spring plumbing every Herald service shares, applied by auto-configuration: the JSON
 * contract on Kafka, dead-letter handling, bearer keys and RFC 9457 problem details. Not
 * a service of its own.
 */
@NullMarked
package org.herald.support;

import org.jspecify.annotations.NullMarked;
