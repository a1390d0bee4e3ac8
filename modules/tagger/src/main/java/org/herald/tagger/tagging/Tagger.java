package org.herald.tagger.tagging;

import org.jspecify.annotations.Nullable;

/**
 * Tags announcements: what the pipeline and the preview endpoint need of a tagger,
 * whether it is one fixed {@link RelevanceTagger} or a {@link ReloadableTagger} whose
 * taxonomy can change.
 */
public interface Tagger {

    /** Tags an announcement; any of the texts may be {@code null}. */
    Tagging tag(@Nullable String title, @Nullable String summary, @Nullable String body);

    /** The version (content hash) of the taxonomy the next call of {@link #tag} uses. */
    String taxonomyVersion();

}
