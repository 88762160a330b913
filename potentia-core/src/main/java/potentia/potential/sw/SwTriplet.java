package potentia.potential.sw;

import potentia.structure.Element;

/**
 * One entry of a LAMMPS {@code .sw} file: the 14 parameters of the element triplet
 * (first, second, third) = (i, j, k), in the file's order. The entry i-j-j holds the two-body
 * parameters of the pair i–j and the radial factor of leg i–j in three-body terms; the entry
 * i-j-k holds the three-body strength λε and angle cos θ₀ of the triplet j–i–k centred on i.
 *
 * @param epsilon ε, eV
 * @param sigma σ, Å
 * @param a cutoff in units of σ (r_c = aσ)
 * @param lambda λ (dimensionless)
 * @param gamma γ (dimensionless)
 * @param cosTheta0 cos θ₀
 * @param bigA A (dimensionless)
 * @param bigB B (dimensionless)
 * @param p exponent p
 * @param q exponent q
 * @param tol LAMMPS's cutoff-shortening tolerance (0: none)
 */
public record SwTriplet(Element first, Element second, Element third, double epsilon, double sigma, double a,
        double lambda, double gamma, double cosTheta0, double bigA, double bigB, double p, double q, double tol) {

    /** Names of the 11 numeric fields, in file order. */
    public static final String[] FIELDS = {
        "epsilon", "sigma", "a", "lambda", "gamma", "costheta0", "A", "B", "p", "q", "tol"};

    /** Checks what LAMMPS checks (all but cos θ₀ non-negative), plus finiteness. */
    public SwTriplet {
        double[] v = {epsilon, sigma, a, lambda, gamma, cosTheta0, bigA, bigB, p, q, tol};
        for (int k = 0; k < v.length; k++) {
            if (!Double.isFinite(v[k])) {
                throw new IllegalArgumentException(label(first, second, third) + ": " + FIELDS[k]
                        + " is not finite: " + v[k]);
            }
            if (k != 5 && v[k] < 0) {
                throw new IllegalArgumentException(label(first, second, third) + ": " + FIELDS[k]
                        + " must be ≥ 0, got " + v[k]);
            }
        }
    }

    /** The 11 numeric parameters from an array in file order. */
    static SwTriplet of(Element i, Element j, Element k, double[] v) {
        return new SwTriplet(i, j, k, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    /** The potential's cutoff aσ, Å: where the exponential factors reach zero. */
    public double cut() {
        return a * sigma;
    }

    /**
     * The distance beyond which this entry's pairs are ignored, Å: aσ, or with tol &gt; 0 the
     * radius where exp(σ'/(r − aσ)) falls to tol (tol capped at 0.01; σ' = γσ when γ &lt; 1,
     * else σ), exactly as LAMMPS 2021 shortens its neighbour cutoff.
     */
    public double shortCutoff() {
        double r = cut();
        if (tol > 0) {
            double t = Math.min(tol, 0.01);
            r += (gamma < 1 ? gamma * sigma : sigma) / Math.log(t);
        }
        return r;
    }

    /** "Si Ge Ge". */
    public String label() {
        return label(first, second, third);
    }

    private static String label(Element i, Element j, Element k) {
        return i + " " + j + " " + k;
    }
}
