/**
 * The preview endpoint: staff try the taxonomy on a text and see the tags, evidence and
 * relevance that the pipeline would publish, without publishing anything.
 */
@NullMarked
package org.herald.tagger.preview;

import org.jspecify.annotations.NullMarked;
