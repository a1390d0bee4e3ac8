/**
 * Test plumbing shared by the modules' tests: a real PostgreSQL, with a fresh database
 * per caller.
 */
@NullMarked
package org.herald.testsupport;

import org.jspecify.annotations.NullMarked;
