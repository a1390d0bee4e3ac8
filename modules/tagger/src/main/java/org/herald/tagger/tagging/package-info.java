/**
 * Tagging an announcement: Lucene text analysis, phrase matching over the analysed
 * tokens, scores, vetoes and context, and the overall relevance. Plain Java: the
 * {@link org.herald.tagger.tagging.RelevanceTagger} knows nothing of Kafka, HTTP or
 * Spring.
 */
@NullMarked
package org.herald.tagger.tagging;

import org.jspecify.annotations.NullMarked;
