package org.herald.tagger.evaluation;

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
        double[][] inverse = invert(kernel);
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

    /** The inverse of a symmetric positive definite matrix (Gauss-Jordan). */
    private static double[][] invert(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            double p = a[col][col];
            for (int k = 0; k < 2 * n; k++) {
                a[col][k] /= p;
            }
            for (int row = 0; row < n; row++) {
                double factor = a[row][col];
                if (row != col && factor != 0) {
                    for (int k = col; k < 2 * n; k++) {
                        a[row][k] -= factor * a[col][k];
                    }
                }
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inverse[i], 0, n);
        }
        return inverse;
    }

}
