/**
 * The all-in-one app: publisher, tagger and notifier in one JVM behind one port, on
 * embedded Kafka, PostgreSQL and SMTP unless told otherwise — Herald for a newcomer with
 * nothing but Java.
 */
@NullMarked
package org.herald.app;

import org.jspecify.annotations.NullMarked;
