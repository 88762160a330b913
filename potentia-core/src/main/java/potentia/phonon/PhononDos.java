package potentia.phonon;

/**
 * The phonon density of states by Gaussian smearing of mesh frequencies:
 * g(ν) = (1 / N_k n) Σ_{k,j} exp(−(ν − ν_kj)²/2σ²)/(σ√(2π)), states per THz per atom (it
 * integrates to 3).
 *
 * @param frequency ν, THz, evenly spaced
 * @param density g(ν), 1/THz per atom
 */
public record PhononDos(double[] frequency, double[] density) {

    /**
     * The DOS of mesh frequencies.
     *
     * @param frequencies {@code [point][band]}, THz (not modified)
     * @param atoms atoms per primitive cell (bands = 3 × atoms)
     * @param sigma Gaussian width, THz (&gt; 0)
     * @param points number of frequencies to tabulate (≥ 2)
     */
    public static PhononDos gaussian(double[][] frequencies, int atoms, double sigma, int points) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("smearing must be positive, got " + sigma + " THz");
        }
        if (points < 2) {
            throw new IllegalArgumentException("need at least 2 DOS points, got " + points);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : frequencies) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        lo = Math.min(lo, 0) - 4 * sigma;
        hi += 4 * sigma;
        double[] nu = new double[points];
        double[] g = new double[points];
        double step = (hi - lo) / (points - 1);
        for (int i = 0; i < points; i++) {
            nu[i] = lo + i * step;
        }
        double norm = 1.0 / (frequencies.length * atoms * sigma * Math.sqrt(2 * Math.PI));
        int reach = (int) Math.ceil(6 * sigma / step);
        for (double[] row : frequencies) {
            for (double v : row) {
                int centre = (int) Math.round((v - lo) / step);
                for (int i = Math.max(0, centre - reach); i <= Math.min(points - 1, centre + reach); i++) {
                    double x = (nu[i] - v) / sigma;
                    g[i] += norm * Math.exp(-0.5 * x * x);
                }
            }
        }
        return new PhononDos(nu, g);
    }
}
