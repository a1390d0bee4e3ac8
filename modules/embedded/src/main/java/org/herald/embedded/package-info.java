/**
 * Spring wiring for the all-in-one app: starts the embedded Kafka, PostgreSQL and SMTP
 * servers a standard property does not replace, points those properties at them, and
 * stops them with the application context.
 */
@NullMarked
package org.herald.embedded;

import org.jspecify.annotations.NullMarked;
