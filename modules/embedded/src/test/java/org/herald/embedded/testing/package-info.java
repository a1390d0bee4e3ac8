/**
 * Test plumbing: child JVMs to kill hard, so crash recovery is tested on real processes.
 */
package org.herald.embedded.testing;
