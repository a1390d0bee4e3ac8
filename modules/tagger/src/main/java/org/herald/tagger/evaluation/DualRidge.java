package org.herald.tagger.evaluation;

import org.herald.tagger.tagging.Matrices;

/**
 * Ridge regression fitted in the dual (one kernel matrix of the rows), which gives each
 * row's leave-one-out prediction exactly: for a few hundred rows of a few hundred
 * features. Deterministic.
 */
final class DualRidge {

    private DualRidge() {
    }

    /**
     * The weights minimising the squared error of {@code targets} plus
     * {@code penalty * |w|^2}.
     * @param leaveOneOut filled with each row's prediction by the model fitted on the
     * others
     */
    static double[] fit(double[][] rows, double[] targets, double penalty, double[] leaveOneOut) {
        int n = rows.length;
        int d = (n == 0) ? 0 : rows[0].length;
        double[][] kernel = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    dot += rows[i][k] * rows[j][k];
                }
                kernel[i][j] = dot;
                kernel[j][i] = dot;
            }
            kernel[i][i] += penalty;
        }
        double[][] inverse = Matrices.invert(kernel);
        double[] alpha = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                alpha[i] += inverse[i][j] * targets[j];
            }
        }
        double[] weights = new double[d];
        for (int i = 0; i < n; i++) {
            leaveOneOut[i] = targets[i] - alpha[i] / inverse[i][i];
            for (int k = 0; k < d; k++) {
                weights[k] += alpha[i] * rows[i][k];
            }
        }
        return weights;
    }

}
