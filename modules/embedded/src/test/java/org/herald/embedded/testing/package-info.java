/**
 * Test plumbing: child JVMs to kill hard, so crash recovery is tested on real processes.
 */
@NullMarked
package org.herald.embedded.testing;

import org.jspecify.annotations.NullMarked;
