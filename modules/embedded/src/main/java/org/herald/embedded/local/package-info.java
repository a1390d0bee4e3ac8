/**
 * What the embedded servers share about the local machine: ports kept across restarts and
 * processes left behind.
 */
@NullMarked
package org.herald.embedded.local;

import org.jspecify.annotations.NullMarked;
