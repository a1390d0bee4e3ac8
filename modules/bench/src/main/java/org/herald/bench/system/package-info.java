/**
 * The system benchmark: Herald's services, a Kafka broker, PostgreSQL, an SMTP sink and
 * an HTTP receiver, each a process of its own on this machine, and beside each scenario
 * the raw ceiling of the same machine in the same run (docs/performance.md). Nothing here
 * is asserted.
 */
@NullMarked
package org.herald.bench.system;

import org.jspecify.annotations.NullMarked;
