/**
 * The contract between Herald's services: the event records on the topics, their names
 * and the rule that gives an announcement its id. Plain Java, no Spring and no Kafka.
 */
@NullMarked
package org.herald.events;

import org.jspecify.annotations.NullMarked;
