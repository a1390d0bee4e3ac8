package org.herald.tagger.tagging;

import org.jspecify.annotations.Nullable;

/**
 * Tags announcements: what the pipeline and the preview endpoint need of a tagger,
 * whether it is one fixed {@link RelevanceTagger} or a {@link ReloadableTagger} whose
 * taxonomy can change.
 * <p>
 * {@link #tag} gives the tags found in the text itself (direct tags); the pipeline and
 * the preview add the tags those imply with {@link Implications#tag}, in one step over
 * the final list of direct tags.
 */
public interface Tagger {

    /**
     * Tags an announcement with its direct tags; any of the texts and the address
     * ({@code url}) may be {@code null}.
     */
    Tagging tag(@Nullable String title, @Nullable String summary, @Nullable String body, @Nullable String url);

    /** Tags an announcement without its address. */
    default Tagging tag(@Nullable String title, @Nullable String summary, @Nullable String body) {
        return tag(title, summary, body, null);
    }

    /** The version (content hash) of the taxonomy the next call of {@link #tag} uses. */
    String taxonomyVersion();

    /**
     * The implications of the taxonomy the next call of {@link #tag} uses (their
     * {@link Implications#taxonomyVersion() version} says which).
     */
    Implications implications();

}
