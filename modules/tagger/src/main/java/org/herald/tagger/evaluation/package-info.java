/**
 * Measuring the tagger against labelled announcements: per-tag precision, recall and F1,
 * micro and macro F1, relevance accuracy; and the {@code evaluate} command that prints
 * them, run from the jar without a broker, a database or a web server.
 */
@NullMarked
package org.herald.tagger.evaluation;

import org.jspecify.annotations.NullMarked;
