package org.herald.events;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One piece of evidence for a tag. Three kinds:
 * <ul>
 * <li>{@link Kind#TERM}: a taxonomy term found in a field of the announcement;
 * {@code term} is the term as written in the taxonomy, {@code field} where it was found
 * and {@code weight} what it added to the tag's score; or, with {@code field}
 * {@code address}, a piece of the tag's {@code addresses} found in the announcement's
 * URL, {@code weight} what it added to the tag's log-odds.</li>
 * <li>{@link Kind#SIMILARITY}: the learned signal; {@code sentence} is the announcement's
 * sentence that scored highest, {@code field} where it stands, {@code example} the tag's
 * description or example sentence it resembled, {@code term} a short label of that
 * example and {@code weight} the similarity (cosine, -1 to 1).</li>
 * <li>{@link Kind#IMPLIED}: the tag is implied by another; {@code term} is the implying
 * tag, {@code field} is {@code tag}, {@code sentence} the reason staff wrote for the
 * implication and {@code weight} its weight.</li>
 * </ul>
 * Records written before kinds existed carry no kind and read as {@link Kind#TERM}.
 *
 * @param kind what sort of evidence this is
 * @param term the taxonomy term, the example's label or the implying tag
 * @param field where it was found: {@code title}, {@code summary}, {@code body},
 * {@code address} (the URL), or {@code tag} for an implication
 * @param weight what it added to the tag's score, or the similarity
 * @param sentence the announcement's sentence (similarity) or the reason (implied); null
 * for a term
 * @param example the example or description resembled (similarity); null otherwise
 */
public record Evidence(Kind kind, String term, String field, double weight, @Nullable String sentence,
        @Nullable String example) {

    public Evidence {
        kind = (kind != null) ? kind : Kind.TERM;
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(field, "field");
    }

    /**
     * A taxonomy term found in {@code field}, adding {@code weight} to the tag's score.
     */
    public Evidence(String term, String field, double weight) {
        this(Kind.TERM, term, field, weight, null, null);
    }

    /** The sort of evidence. */
    public enum Kind {

        /** A taxonomy term found in the text. */
        TERM,

        /** A sentence of the text resembling the tag's description or an example. */
        SIMILARITY,

        /** The tag follows from another tag the announcement has. */
        IMPLIED

    }

}
