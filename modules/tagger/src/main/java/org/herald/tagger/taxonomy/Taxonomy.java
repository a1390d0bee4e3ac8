package org.herald.tagger.taxonomy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A loaded and validated taxonomy.
 *
 * @param fieldWeights what a match in each field is multiplied by (title above summary
 * above body)
 * @param tags the tags, in file order
 * @param relevanceRules how tags map to the overall relevance
 * @param unstemmed words the analysis must not stem (e.g. "packaging", so that it stays
 * apart from "package")
 * @param version a content hash of the file the taxonomy was read from
 * @param implications the tags that imply other tags, with the reasons, in file order
 * (from the tags' {@code implies} keys)
 */
public record Taxonomy(Map<Field, Double> fieldWeights, List<TagDefinition> tags, List<RelevanceRule> relevanceRules,
        List<String> unstemmed, String version, List<Implication> implications) {

    public Taxonomy {
        fieldWeights = Collections.unmodifiableMap(new EnumMap<>(fieldWeights));
        tags = List.copyOf(tags);
        relevanceRules = List.copyOf(relevanceRules);
        unstemmed = List.copyOf(unstemmed);
        Objects.requireNonNull(version, "version");
        implications = List.copyOf(implications);
    }

    /** A taxonomy without implications. */
    public Taxonomy(Map<Field, Double> fieldWeights, List<TagDefinition> tags, List<RelevanceRule> relevanceRules,
            List<String> unstemmed, String version) {
        this(fieldWeights, tags, relevanceRules, unstemmed, version, List.of());
    }

    /**
     * The same taxonomy under another version: the tagger's version hashes the taxonomy
     * file and the fitted weights beside it.
     */
    public Taxonomy withVersion(String version) {
        return new Taxonomy(this.fieldWeights, this.tags, this.relevanceRules, this.unstemmed, version,
                this.implications);
    }

    /** The weight of {@code field}. */
    public double weight(Field field) {
        return this.fieldWeights.get(field);
    }

}
