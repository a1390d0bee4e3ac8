package org.herald.tagger.evaluation;

/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted
 * least squares): plain Java, deterministic, for a few thousand rows of a few dozen
 * features.
 */
final class LogisticRegression {

    private static final int MAX_ITERATIONS = 50;

    private static final double TOLERANCE = 1e-8;

    private LogisticRegression() {
    }

    /**
     * The coefficients minimising the negative log-likelihood of {@code labels} plus
     * {@code penalty[j] / 2 * w[j]^2}.
     * @param rows one feature vector per sample, all of the same length
     * @param labels 1 or 0 per sample
     * @param penalty the L2 penalty of each coefficient (0 leaves it free)
     */
    static double[] fit(double[][] rows, boolean[] labels, double[] penalty) {
        int d = penalty.length;
        double[] w = new double[d];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int j = 0; j < d; j++) {
                gradient[j] = penalty[j] * w[j];
                hessian[j][j] = penalty[j] + 1e-9;
            }
            for (int i = 0; i < rows.length; i++) {
                double[] x = rows[i];
                double z = 0;
                for (int j = 0; j < d; j++) {
                    z += w[j] * x[j];
                }
                double p = 1 / (1 + Math.exp(-z));
                double residual = p - (labels[i] ? 1 : 0);
                double weight = Math.max(p * (1 - p), 1e-10);
                for (int j = 0; j < d; j++) {
                    if (x[j] == 0) {
                        continue;
                    }
                    gradient[j] += residual * x[j];
                    double wx = weight * x[j];
                    for (int k = j; k < d; k++) {
                        hessian[j][k] += wx * x[k];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < j; k++) {
                    hessian[j][k] = hessian[k][j];
                }
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int j = 0; j < d; j++) {
                w[j] -= step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        return w;
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = new double[n + 1];
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            if (Math.abs(m[col][col]) < 1e-15) {
                continue;
            }
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                if (factor != 0) {
                    for (int k = col; k <= n; k++) {
                        m[row][k] -= factor * m[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = m[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= m[row][k] * x[k];
            }
            x[row] = (Math.abs(m[row][row]) < 1e-15) ? 0 : sum / m[row][row];
        }
        return x;
    }

}
