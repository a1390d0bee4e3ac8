/**
 * Test plumbing shared by the modules' tests: a real PostgreSQL, with a fresh database
 * per caller.
 */
package org.herald.testsupport;
