package potentia.potential.sw;

import potentia.neighbour.BruteForceNeighbours;
import potentia.neighbour.NeighbourList;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * The Stillinger-Weber energy written straight from the formula of LAMMPS's manual, with
 * parameters looked up by element through {@link StillingerWeberParameters#entry}: the slow,
 * obviously-right reference for the kernel (energy and per-atom energies; forces are checked
 * against central differences of the kernel's own energy).
 */
final class SwReference {
    private SwReference() {
    }

    /** Total energy (eV) followed by the N per-atom energies (eV), as one array of N + 1. */
    static double[] energies(StillingerWeberParameters params, Structure s) {
        int n = s.size();
        NeighbourList list = BruteForceNeighbours.build(s, params.cutoff() + 0.5, true);
        double[] x = s.positions();
        double[] h = s.cell().matrix();
        double[] out = new double[n + 1];
        double[] d = new double[3];
        for (int i = 0; i < n; i++) {
            Element ei = s.element(i);
            int m = list.end(i) - list.start(i);
            double[][] legs = new double[m][];
            int[] who = new int[m];
            int count = 0;
            for (int p = list.start(i); p < list.end(i); p++) {
                list.separation(p, i, x, h, d);
                int j = list.neighbour(p);
                SwTriplet ij = params.entry(ei, s.element(j), s.element(j));
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                if (r >= ij.shortCutoff()) {
                    continue;
                }
                // each ordered pair carries half the pair term, split evenly between its atoms
                double e2 = 0.5 * phi2(ij, r);
                out[0] += e2;
                out[1 + i] += 0.5 * e2;
                out[1 + j] += 0.5 * e2;
                legs[count] = d.clone();
                who[count++] = j;
            }
            for (int a = 0; a < count; a++) {
                for (int b = a + 1; b < count; b++) {
                    Element ej = s.element(who[a]);
                    Element ek = s.element(who[b]);
                    double e3 = phi3(params.entry(ei, ej, ej), params.entry(ei, ek, ek), params.entry(ei, ej, ek),
                            legs[a], legs[b]);
                    out[0] += e3;
                    out[1 + i] += e3 / 3;
                    out[1 + who[a]] += e3 / 3;
                    out[1 + who[b]] += e3 / 3;
                }
            }
        }
        return out;
    }

    /** φ₂ = Aε[B(σ/r)^p − (σ/r)^q] exp(σ/(r − aσ)). */
    static double phi2(SwTriplet t, double r) {
        double sr = t.sigma() / r;
        return t.bigA() * t.epsilon() * (t.bigB() * Math.pow(sr, t.p()) - Math.pow(sr, t.q()))
                * Math.exp(t.sigma() / (r - t.a() * t.sigma()));
    }

    /** φ₃ = λε (cos θ − cos θ₀)² exp(γσ/(r_ij − aσ))_ij exp(γσ/(r_ik − aσ))_ik. */
    static double phi3(SwTriplet ij, SwTriplet ik, SwTriplet ijk, double[] d1, double[] d2) {
        double r1 = Math.sqrt(d1[0] * d1[0] + d1[1] * d1[1] + d1[2] * d1[2]);
        double r2 = Math.sqrt(d2[0] * d2[0] + d2[1] * d2[1] + d2[2] * d2[2]);
        double cos = (d1[0] * d2[0] + d1[1] * d2[1] + d1[2] * d2[2]) / (r1 * r2);
        double dc = cos - ijk.cosTheta0();
        return ijk.lambda() * ijk.epsilon() * dc * dc
                * Math.exp(ij.gamma() * ij.sigma() / (r1 - ij.a() * ij.sigma()))
                * Math.exp(ik.gamma() * ik.sigma() / (r2 - ik.a() * ik.sigma()));
    }
}
