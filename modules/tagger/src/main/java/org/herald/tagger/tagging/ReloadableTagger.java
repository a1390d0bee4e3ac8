package org.herald.tagger.tagging;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * A {@link Tagger} (a {@link CombinedTagger}, or a {@link RelevanceTagger}) that can be
 * replaced while announcements are being tagged: each call of {@link #tag} uses one
 * taxonomy from start to end, the one current when it began.
 * <p>
 * A replaced tagger is not closed, because a call that began before the replacement may
 * still be using it; its Lucene analyzer holds only per-thread token streams, which are
 * freed with it, and the embedding model is shared, not replaced.
 */
public final class ReloadableTagger implements Tagger {

    private final AtomicReference<Tagger> current;

    public ReloadableTagger(Tagger initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    @Override
    public Tagging tag(@Nullable String title, @Nullable String summary, @Nullable String body, @Nullable String url) {
        return this.current.get().tag(title, summary, body, url);
    }

    @Override
    public Implications implications() {
        return this.current.get().implications();
    }

    @Override
    public String taxonomyVersion() {
        return this.current.get().taxonomyVersion();
    }

    /** Tags with {@code next} from now on; returns the tagger it replaces. */
    public Tagger replace(Tagger next) {
        return this.current.getAndSet(Objects.requireNonNull(next, "next"));
    }

}
