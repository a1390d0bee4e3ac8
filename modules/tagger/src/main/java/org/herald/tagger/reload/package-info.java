/**
 * Reloading the taxonomy file while the tagger runs: on demand from an admin endpoint, or
 * by watching the file; a file that fails to load leaves the current taxonomy in place.
 */
@NullMarked
package org.herald.tagger.reload;

import org.jspecify.annotations.NullMarked;
