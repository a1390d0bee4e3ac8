package org.herald.tagger.reload;

import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.tagger.tagging.CombinedTagger;
import org.herald.tagger.tagging.Embedder;
import org.herald.tagger.tagging.ReloadableTagger;
import org.herald.tagger.taxonomy.InvalidTaxonomyException;
import org.herald.tagger.taxonomy.TaxonomyReader;

/**
 * Reads the taxonomy file and the weights beside it again and, if either's content
 * changed, tags with them from then on. A file that cannot be read or is invalid, or
 * weights that do not fit the taxonomy, change nothing: the tagger keeps the taxonomy it
 * has. The embedding model stays the one loaded at start-up.
 */
public final class TaxonomyReloading {

    private static final Log logger = LogFactory.getLog(TaxonomyReloading.class);

    private final TaxonomySource source;

    private final ReloadableTagger tagger;

    private final Embedder embedder;

    public TaxonomyReloading(TaxonomySource source, ReloadableTagger tagger, Embedder embedder) {
        this.source = Objects.requireNonNull(source, "source");
        this.tagger = Objects.requireNonNull(tagger, "tagger");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
    }

    /**
     * The tagger of the taxonomy and weights {@code source} has now.
     * @throws InvalidTaxonomyException if either cannot be read, is invalid, or they do
     * not fit each other
     */
    public static CombinedTagger load(TaxonomySource source, Embedder embedder) {
        return CombinedTagger.load(source.content(), source.description(), source.weightsContent(),
                source.weightsDescription(), embedder);
    }

    /**
     * Reloads the file.
     * @return the version before and after, and whether it changed
     * @throws InvalidTaxonomyException if the file cannot be read or is invalid; the
     * taxonomy in use stays
     */
    public synchronized Reloaded reload() {
        byte[] content = this.source.content();
        byte[] weights = this.source.weightsContent();
        String previous = this.tagger.taxonomyVersion();
        if (TaxonomyReader.version(content, weights).equals(previous)) {
            return new Reloaded(previous, previous, false);
        }
        CombinedTagger next = CombinedTagger.load(content, this.source.description(), weights,
                this.source.weightsDescription(), this.embedder);
        this.tagger.replace(next);
        logger.info("Taxonomy " + this.source.description() + " reloaded: version " + previous + " replaced by "
                + next.taxonomyVersion());
        return new Reloaded(previous, next.taxonomyVersion(), true);
    }

    /** Where the taxonomy is, for messages. */
    String description() {
        return this.source.description();
    }

    /** The version of the taxonomy in use. */
    String version() {
        return this.tagger.taxonomyVersion();
    }

    /**
     * The outcome of a reload.
     *
     * @param previousVersion the version in use before
     * @param version the version in use now
     * @param changed whether the file's content had changed (and so the taxonomy was
     * replaced)
     */
    public record Reloaded(String previousVersion, String version, boolean changed) {
    }

}
