package org.herald.tagger.tagging;

/**
 * Turns a text into a sentence embedding: a vector of unit length whose dot product with
 * another is their cosine similarity. Implementations are thread-safe.
 */
public interface Embedder {

    /** The embedding of {@code text}, of unit length. */
    float[] embed(String text);

    /**
     * The model's name, recorded in the fitted weights so that weights fitted with one
     * model are not used with another.
     */
    String model();

    /** The length of the embeddings. */
    int dimension();

    /** The cosine similarity of two unit vectors of the same length. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** {@code vector} scaled to unit length (a zero vector stays zero). */
    static float[] normalise(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        if (norm > 0) {
            for (int i = 0; i < vector.length; i++) {
                unit[i] = (float) (vector[i] / norm);
            }
        }
        return unit;
    }

}
