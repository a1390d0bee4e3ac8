package org.herald.bench;

import java.nio.charset.StandardCharsets;

/** A text to tag. */
record Announcement(String title, String summary, String body) {

    /** Its size in UTF-8 bytes, all three fields. */
    int bytes() {
        return utf8(this.title) + utf8(this.summary) + utf8(this.body);
    }

    private static int utf8(String text) {
        return (text != null) ? text.getBytes(StandardCharsets.UTF_8).length : 0;
    }

}
