package org.herald.tagger.reload;

import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.tagger.tagging.RelevanceTagger;
import org.herald.tagger.tagging.ReloadableTagger;
import org.herald.tagger.taxonomy.InvalidTaxonomyException;
import org.herald.tagger.taxonomy.Taxonomy;
import org.herald.tagger.taxonomy.TaxonomyReader;

/**
 * Reads the taxonomy file again and, if its content changed, tags with it from then on. A
 * file that cannot be read or is invalid changes nothing: the tagger keeps the taxonomy
 * it has.
 */
public final class TaxonomyReloading {

    private static final Log logger = LogFactory.getLog(TaxonomyReloading.class);

    private final TaxonomySource source;

    private final ReloadableTagger tagger;

    public TaxonomyReloading(TaxonomySource source, ReloadableTagger tagger) {
        this.source = Objects.requireNonNull(source, "source");
        this.tagger = Objects.requireNonNull(tagger, "tagger");
    }

    /**
     * Reloads the file.
     * @return the version before and after, and whether it changed
     * @throws InvalidTaxonomyException if the file cannot be read or is invalid; the
     * taxonomy in use stays
     */
    public synchronized Reloaded reload() {
        byte[] content = this.source.content();
        String previous = this.tagger.taxonomyVersion();
        if (TaxonomyReader.version(content).equals(previous)) {
            return new Reloaded(previous, previous, false);
        }
        Taxonomy taxonomy = TaxonomyReader.read(content, this.source.description());
        this.tagger.replace(new RelevanceTagger(taxonomy));
        logger.info("Taxonomy " + this.source.description() + " reloaded: version " + previous + " replaced by "
                + taxonomy.version());
        return new Reloaded(previous, taxonomy.version(), true);
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
