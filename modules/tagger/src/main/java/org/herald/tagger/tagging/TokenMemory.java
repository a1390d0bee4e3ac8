package org.herald.tagger.tagging;

import java.util.Arrays;

/**
 * What surface tokens became: a map from a token's characters to a number, read without
 * making a String of the token. Open addressing with linear probing over a power-of-two
 * table, kept at most half full. Not thread-safe: each thread has its own.
 */
final class TokenMemory {

    /** Answered by {@link #get} for a token not remembered. */
    static final int ABSENT = Integer.MIN_VALUE;

    private char[][] keys;

    private int[] values;

    private int size;

    TokenMemory(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        this.keys = new char[capacity][];
        this.values = new int[capacity];
    }

    int size() {
        return this.size;
    }

    /** The number remembered for {@code buffer[0..length)}, or {@link #ABSENT}. */
    int get(char[] buffer, int length) {
        int mask = this.keys.length - 1;
        for (int slot = hash(buffer, length) & mask;; slot = (slot + 1) & mask) {
            char[] key = this.keys[slot];
            if (key == null) {
                return ABSENT;
            }
            if (key.length == length && Arrays.equals(key, 0, length, buffer, 0, length)) {
                return this.values[slot];
            }
        }
    }

    void put(char[] buffer, int length, int value) {
        if (2 * (this.size + 1) > this.keys.length) {
            grow();
        }
        int mask = this.keys.length - 1;
        int slot = hash(buffer, length) & mask;
        while (this.keys[slot] != null) {
            if (this.keys[slot].length == length && Arrays.equals(this.keys[slot], 0, length, buffer, 0, length)) {
                this.values[slot] = value;
                return;
            }
            slot = (slot + 1) & mask;
        }
        this.keys[slot] = Arrays.copyOf(buffer, length);
        this.values[slot] = value;
        this.size++;
    }

    void clear() {
        Arrays.fill(this.keys, null);
        this.size = 0;
    }

    private void grow() {
        char[][] oldKeys = this.keys;
        int[] oldValues = this.values;
        this.keys = new char[oldKeys.length * 2][];
        this.values = new int[oldKeys.length * 2];
        this.size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                put(oldKeys[i], oldKeys[i].length, oldValues[i]);
            }
        }
    }

    private static int hash(char[] buffer, int length) {
        int hash = length;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + buffer[i];
        }
        return hash ^ (hash >>> 16) ^ (hash >>> 7);
    }

}
