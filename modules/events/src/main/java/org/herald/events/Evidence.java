package org.herald.events;

import java.util.Objects;

/**
 * One piece of evidence for a tag: a taxonomy term found in a field of the announcement.
 *
 * @param term the taxonomy term or phrase as written in the taxonomy
 * @param field where it was found: {@code title}, {@code summary} or {@code body}
 * @param weight what it added to the tag's score (term weight times field weight)
 */
public record Evidence(String term, String field, double weight) {

    public Evidence {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(field, "field");
    }

}
