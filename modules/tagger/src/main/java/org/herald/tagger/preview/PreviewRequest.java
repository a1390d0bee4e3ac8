package org.herald.tagger.preview;

/**
 * The text to tag: the fields of an announcement that the tagger reads.
 *
 * @param title required
 * @param summary optional
 * @param body optional
 * @param url optional: the announcement's address, which the tags' {@code addresses} are
 * looked for in
 */
record PreviewRequest(String title, String summary, String body, String url) {
}
