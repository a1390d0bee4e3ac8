/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) run inside the
 * app, its log in the data directory.
 */
@NullMarked
package org.herald.embedded.kafka;

import org.jspecify.annotations.NullMarked;
