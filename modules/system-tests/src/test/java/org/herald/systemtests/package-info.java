/**
 * System tests: Herald's delivery guarantees proven by killing and restarting real
 * processes, and its edges fed hostile input.
 */
package org.herald.systemtests;
