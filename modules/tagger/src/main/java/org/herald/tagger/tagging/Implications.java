package org.herald.tagger.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.herald.tagger.taxonomy.Implication;
import org.herald.tagger.taxonomy.Taxonomy;
import org.jspecify.annotations.Nullable;

/**
 * The taxonomy's implications, applied in one step to the tags an announcement was given
 * directly: each direct tag adds the tags it implies, marked implied, with the chain as
 * evidence (the implying tag's own evidence, then an {@link Evidence.Kind#IMPLIED} item
 * naming it, with the reason staff wrote and the implication's weight) and a score of the
 * implying tag's score times the weight.
 * <p>
 * Only direct tags imply: an implied tag implies nothing further. A tag given directly is
 * never added again as implied; a tag implied by several direct tags is added once, from
 * the one that gives it the highest score (the first in order on a tie). The relevance is
 * left as the direct tags made it, so the relevance rules and {@code only-with} never see
 * an implied tag. Implied tags come after the direct ones, highest score first.
 * <p>
 * Immutable, thread-safe and free of Spring: made once per taxonomy.
 */
public final class Implications {

    private static final Comparator<TagMatch> HIGHEST_SCORE_FIRST = Comparator.comparingDouble(TagMatch::score)
        .reversed();

    private static final int ATTEMPTS = 3;

    private final String taxonomyVersion;

    private final Map<String, List<Implication>> byTag;

    private Implications(String taxonomyVersion, List<Implication> implications) {
        this.taxonomyVersion = taxonomyVersion;
        Map<String, List<Implication>> byTag = new LinkedHashMap<>();
        implications.forEach(
                (implication) -> byTag.computeIfAbsent(implication.tag(), (tag) -> new ArrayList<>()).add(implication));
        byTag.replaceAll((tag, list) -> List.copyOf(list));
        this.byTag = Map.copyOf(byTag);
    }

    /** The implications of {@code taxonomy}. */
    public static Implications of(Taxonomy taxonomy) {
        return new Implications(taxonomy.version(), taxonomy.implications());
    }

    /** The version of the taxonomy these implications come from. */
    public String taxonomyVersion() {
        return this.taxonomyVersion;
    }

    /**
     * Tags a text (at {@code url}, which may be {@code null}) with {@code tagger} and
     * applies the implications of the same taxonomy: should the taxonomy be replaced
     * between the two (a reload), the text is tagged again with the new one.
     */
    public static Tagging tag(Tagger tagger, String title, String summary, String body, @Nullable String url) {
        for (int attempt = 1;; attempt++) {
            Implications implications = tagger.implications();
            Tagging direct = tagger.tag(title, summary, body, url);
            if (implications.taxonomyVersion().equals(direct.taxonomyVersion())) {
                return implications.apply(direct);
            }
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("The taxonomy changed " + ATTEMPTS + " times while tagging; version "
                        + direct.taxonomyVersion() + " against implications of " + implications.taxonomyVersion());
            }
        }
    }

    /**
     * The direct tags of {@code direct} followed by the tags they imply, with the same
     * relevance and taxonomy version.
     * @throws IllegalArgumentException if {@code direct} was tagged with another taxonomy
     * or already holds implied tags
     */
    public Tagging apply(Tagging direct) {
        if (!this.taxonomyVersion.equals(direct.taxonomyVersion())) {
            throw new IllegalArgumentException("Tagged with taxonomy " + direct.taxonomyVersion()
                    + ", but these implications are of " + this.taxonomyVersion);
        }
        if (this.byTag.isEmpty()) {
            return direct;
        }
        Set<String> given = new HashSet<>();
        for (TagMatch tag : direct.tags()) {
            if (tag.implied()) {
                throw new IllegalArgumentException("Tag '" + tag.tag() + "' is implied already");
            }
            given.add(tag.tag());
        }
        Map<String, TagMatch> implied = new LinkedHashMap<>();
        for (TagMatch tag : direct.tags()) {
            for (Implication implication : this.byTag.getOrDefault(tag.tag(), List.of())) {
                if (given.contains(implication.implied())) {
                    continue;
                }
                TagMatch candidate = implied(tag, implication);
                implied.merge(implication.implied(), candidate,
                        (first, second) -> (second.score() > first.score()) ? second : first);
            }
        }
        if (implied.isEmpty()) {
            return direct;
        }
        List<TagMatch> tags = new ArrayList<>(direct.tags());
        tags.addAll(implied.values().stream().sorted(HIGHEST_SCORE_FIRST).toList());
        return new Tagging(tags, direct.relevance(), direct.taxonomyVersion());
    }

    private static TagMatch implied(TagMatch tag, Implication implication) {
        List<Evidence> chain = new ArrayList<>(tag.evidence().size() + 1);
        chain.addAll(tag.evidence());
        chain.add(new Evidence(Evidence.Kind.IMPLIED, tag.tag(), "tag", implication.weight(), implication.reason(),
                null));
        return new TagMatch(implication.implied(), round(tag.score() * implication.weight()), chain, true);
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    @Override
    public String toString() {
        return "Implications[taxonomyVersion=" + this.taxonomyVersion + ", tags=" + this.byTag.keySet() + "]";
    }

}
