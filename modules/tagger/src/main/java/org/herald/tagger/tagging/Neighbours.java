package org.herald.tagger.tagging;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The labelled announcements the fitted weights remember (their embeddings and tags), and
 * what the nearest of them say of a new announcement: per tag, the similarity-weighted
 * share of its {@value #K} nearest neighbours that have the tag, and the similarity of
 * the nearest neighbour that has it. In cross-validation they come from the training
 * folds only.
 *
 * @param vectors unit-length embeddings, one per labelled announcement
 * @param tags the tags of each
 */
public record Neighbours(List<float[]> vectors, List<Set<String>> tags) {

    /** How many neighbours vote. */
    public static final int K = 5;

    public Neighbours {
        vectors = List.copyOf(vectors);
        tags = List.copyOf(tags);
        if (vectors.size() != tags.size()) {
            throw new IllegalArgumentException("one set of tags per vector");
        }
    }

    /** No neighbours: every vote is 0. */
    public static Neighbours none() {
        return new Neighbours(List.of(), List.of());
    }

    /**
     * What the neighbours say of {@code document} for each of {@code tagNames}, leaving
     * out neighbour number {@code excluded} (-1 for none: when fitting, an announcement
     * is not its own neighbour).
     */
    public Neighbourhood near(float[] document, List<String> tagNames, int excluded) {
        int n = this.vectors.size();
        double[] vote = new double[tagNames.size()];
        double[] nearest = new double[tagNames.size()];
        if (n == 0 || document.length == 0) {
            return new Neighbourhood(vote, nearest);
        }
        double[] similarity = similarities(document, excluded);
        int[] top = nearest(similarity);
        int found = top.length;
        double total = 0;
        for (int j = 0; j < found; j++) {
            total += Math.max(similarity[top[j]], 0);
        }
        for (int t = 0; t < tagNames.size(); t++) {
            String tag = tagNames.get(t);
            double sum = 0;
            for (int j = 0; j < found; j++) {
                if (this.tags.get(top[j]).contains(tag)) {
                    sum += Math.max(similarity[top[j]], 0);
                }
            }
            vote[t] = (total > 0) ? sum / total : 0;
            double best = 0;
            for (int i = 0; i < n; i++) {
                if (similarity[i] > best && this.tags.get(i).contains(tag)) {
                    best = similarity[i];
                }
            }
            nearest[t] = best;
        }
        return new Neighbourhood(vote, nearest);
    }

    /**
     * The similarity-weighted share of the {@value #K} labelled announcements nearest to
     * {@code document} that have any tag, leaving out number {@code excluded} (-1 for
     * none); 0 without neighbours.
     */
    public double relevantVote(float[] document, int excluded) {
        int n = this.vectors.size();
        if (n == 0 || document.length == 0) {
            return 0;
        }
        double[] similarity = similarities(document, excluded);
        double total = 0;
        double sum = 0;
        for (int best : nearest(similarity)) {
            double weight = Math.max(similarity[best], 0);
            total += weight;
            if (!this.tags.get(best).isEmpty()) {
                sum += weight;
            }
        }
        return (total > 0) ? sum / total : 0;
    }

    /**
     * The cosine of {@code document} with each neighbour; -2 for the excluded one and any
     * of another size.
     */
    private double[] similarities(float[] document, int excluded) {
        int n = this.vectors.size();
        double[] similarity = new double[n];
        for (int i = 0; i < n; i++) {
            similarity[i] = (i == excluded || this.vectors.get(i).length != document.length) ? -2
                    : Embedder.cosine(document, this.vectors.get(i));
        }
        return similarity;
    }

    /**
     * The up to {@value #K} most similar neighbours, most similar first (none excluded).
     */
    private static int[] nearest(double[] similarity) {
        int n = similarity.length;
        int[] top = new int[Math.min(K, n)];
        boolean[] taken = new boolean[n];
        int found = 0;
        for (int slot = 0; slot < top.length; slot++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && similarity[i] > -2 && (best < 0 || similarity[i] > similarity[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            top[found++] = best;
        }
        return Arrays.copyOf(top, found);
    }

    /**
     * Per tag, the neighbours' weighted vote (0 to 1) and the similarity of the nearest
     * neighbour with the tag (0 without one).
     */
    public record Neighbourhood(double[] vote, double[] nearest) {
    }

}
