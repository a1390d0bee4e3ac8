/**
 * System tests: Herald's delivery guarantees proven by killing and restarting real
 * processes, and its edges fed hostile input.
 */
@NullMarked
package org.herald.systemtests;

import org.jspecify.annotations.NullMarked;
