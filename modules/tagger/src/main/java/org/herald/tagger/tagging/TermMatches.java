package org.herald.tagger.tagging;

import java.util.Arrays;

import org.herald.tagger.taxonomy.Field;

/**
 * What was found in one announcement, and the token numbers of the field being read. One
 * per thread, reused: {@link #clear} undoes only what was recorded.
 */
final class TermMatches {

    final PhraseIndex.TokenNumbers tokens = new PhraseIndex.TokenNumbers();

    /** Per term, a bit per field in which it was found. */
    final byte[] fields;

    final boolean[] inContext;

    final boolean[] vetoed;

    /** The scores of the tags given (0 for the others), for the relevance rules. */
    double[] scores;

    /** Terms with a field or context recorded, in the order first recorded. */
    private int[] touched = new int[64];

    private int touchedCount;

    TermMatches(int terms, int tags) {
        this.fields = new byte[terms];
        this.inContext = new boolean[terms];
        this.vetoed = new boolean[tags];
    }

    void record(PhraseIndex.Target target, Field field) {
        int index = target.index();
        switch (target.kind()) {
            case TERM -> {
                touch(index);
                this.fields[index] |= (byte) (1 << field.ordinal());
            }
            case CONTEXT -> {
                touch(index);
                this.inContext[index] = true;
            }
            case VETO -> this.vetoed[index] = true;
        }
    }

    private void touch(int term) {
        if (this.fields[term] == 0 && !this.inContext[term]) {
            if (this.touchedCount == this.touched.length) {
                this.touched = Arrays.copyOf(this.touched, this.touchedCount * 2);
            }
            this.touched[this.touchedCount++] = term;
        }
    }

    /** The terms found in some field, in taxonomy order. */
    int[] foundTerms() {
        int[] found = new int[this.touchedCount];
        int count = 0;
        for (int i = 0; i < this.touchedCount; i++) {
            if (this.fields[this.touched[i]] != 0) {
                found[count++] = this.touched[i];
            }
        }
        found = Arrays.copyOf(found, count);
        Arrays.sort(found);
        return found;
    }

    void clear() {
        for (int i = 0; i < this.touchedCount; i++) {
            this.fields[this.touched[i]] = 0;
            this.inContext[this.touched[i]] = false;
        }
        this.touchedCount = 0;
        Arrays.fill(this.vetoed, false);
    }

}
