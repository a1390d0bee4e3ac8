/**
 * The publisher service's entry point; each feature lives in a package of its own below
 * it.
 */
@NullMarked
package org.herald.publisher;

import org.jspecify.annotations.NullMarked;
