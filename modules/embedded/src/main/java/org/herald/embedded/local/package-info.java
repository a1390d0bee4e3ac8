/**
 * What the embedded servers share about the local machine: ports kept across restarts and
 * processes left behind.
 */
package org.herald.embedded.local;
