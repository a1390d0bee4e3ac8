package org.herald.tagger.taxonomy;

import java.util.Objects;

/**
 * One tag carrying relevance to another, as staff state it once in the taxonomy (the
 * {@code implies} key of a tag): an announcement given {@code tag} directly is also given
 * {@code implied}, marked implied, with {@code reason} as the last link of its evidence.
 *
 * @param tag the implying tag, e.g. {@code critical-minerals}
 * @param implied the tag it implies, e.g. {@code aluminium}
 * @param weight how strongly, above 0 and at most 1: the implied tag's score is the
 * implying tag's score times this
 * @param reason the sentence staff wrote, e.g. "Aluminium is on the UK Critical Minerals
 * List"
 */
public record Implication(String tag, String implied, double weight, String reason) {

    public Implication {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(implied, "implied");
        Objects.requireNonNull(reason, "reason");
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be above 0 and at most 1, was " + weight);
        }
    }

}
