/**
 * A Herald deployment of real processes for the system tests: the broker and PostgreSQL
 * in JVMs of their own, each service from its executable jar, an SMTP server in the test
 * JVM that counts what it receives; each part can be killed, stopped and started again.
 */
@NullMarked
package org.herald.systemtests.cluster;

import org.jspecify.annotations.NullMarked;
