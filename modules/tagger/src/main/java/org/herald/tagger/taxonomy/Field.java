package org.herald.tagger.taxonomy;

import java.util.Locale;

/**
 * A field of an announcement that terms are looked for in, each with its own weight in
 * the taxonomy.
 */
public enum Field {

    TITLE, SUMMARY, BODY;

    /**
     * The field's name in the taxonomy file and in evidence: {@code title},
     * {@code summary}, {@code body}.
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

}
