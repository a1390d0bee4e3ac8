package org.herald.bench.system;

import java.util.Arrays;
import java.util.List;

/** The median of a few runs' figures. */
final class Medians {

    private Medians() {
    }

    static double of(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static String list(List<Double> values) {
        return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
    }

}
