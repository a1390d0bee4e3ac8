package org.herald.tagger.preview;

/**
 * The text to tag: the fields of an announcement that the tagger reads.
 *
 * @param title required
 * @param summary optional
 * @param body optional
 */
record PreviewRequest(String title, String summary, String body) {
}
