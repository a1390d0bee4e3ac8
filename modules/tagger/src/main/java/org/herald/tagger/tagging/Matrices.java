package org.herald.tagger.tagging;

/**
 * The one piece of linear algebra the fitted models share: the ridge regressions in the
 * dual ({@link WordModel} and the evaluation's relevance gate) invert their kernel
 * matrix.
 */
public final class Matrices {

    private Matrices() {
    }

    /** The inverse of a symmetric positive definite matrix (Gauss-Jordan). */
    public static double[][] invert(double[][] matrix) {
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
