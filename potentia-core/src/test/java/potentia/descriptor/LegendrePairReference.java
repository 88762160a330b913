package potentia.descriptor;

import java.util.List;
import potentia.neighbour.NeighbourList;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * The slow, obviously-right route to the spherical Bessel power spectrum: the addition theorem's
 * double sum over neighbour pairs, p^{βγ}_{nl}(i) = (2l+1)/(4π) Σ_{j∈β} Σ_{k∈γ} g_{n−l,l}(r_ij)
 * g_{n−l,l}(r_ik) P_l(cos θ_jik) (j = k included), with the exact radial functions and
 * Legendre polynomials by Bonnet's recurrence. O(neighbours²) per centre; features only. Shares
 * nothing with {@link BesselDescriptor} but {@link RadialBasis}, and lays the features out by
 * its own counting (species pair upper triangle row-major, then l, then n).
 */
final class LegendrePairReference {
    private final RadialBasis basis;
    private final List<Element> species;

    LegendrePairReference(double cutoff, int nMax, List<Element> species) {
        this.basis = new RadialBasis(cutoff, nMax);
        this.species = List.copyOf(species);
    }

    int featureCount() {
        int s = species.size();
        int n = basis.nMax();
        return s * (s + 1) / 2 * (n + 1) * (n + 2) / 2;
    }

    /** N × featureCount features, atom-major. */
    double[] features(Structure s, NeighbourList list) {
        int nMax = basis.nMax();
        double rc = basis.cutoff();
        int nsp = species.size();
        int perPair = (nMax + 1) * (nMax + 2) / 2;
        int f = featureCount();
        double[] out = new double[s.size() * f];
        double[] h = s.cell().matrix();
        double[] d = new double[3];
        double[] x = s.positions();
        for (int i = 0; i < s.size(); i++) {
            int count = list.end(i) - list.start(i);
            double[][] vec = new double[count][];
            int[] type = new int[count];
            int n = 0;
            for (int p = list.start(i); p < list.end(i); p++) {
                list.separation(p, i, x, h, d);
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                if (r < rc) {
                    vec[n] = new double[] {d[0], d[1], d[2], r};
                    type[n] = species.indexOf(s.element(list.neighbour(p)));
                    n++;
                }
            }
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    int ta = type[a];
                    int tb = type[b];
                    if (ta > tb) {
                        continue; // the pair (β, γ) with β ≤ γ counts j ∈ β, k ∈ γ once
                    }
                    int pair = 0;
                    for (int q = 0; q < ta; q++) {
                        pair += nsp - q;
                    }
                    pair += tb - ta;
                    double cos = (vec[a][0] * vec[b][0] + vec[a][1] * vec[b][1] + vec[a][2] * vec[b][2])
                            / (vec[a][3] * vec[b][3]);
                    int index = pair * perPair;
                    for (int l = 0; l <= nMax; l++) {
                        double pl = legendre(l, cos);
                        for (int nn = l; nn <= nMax; nn++) {
                            double ga = basis.value(l, nn, vec[a][3]);
                            double gb = basis.value(l, nn, vec[b][3]);
                            out[i * f + index] += (2 * l + 1) / (4 * Math.PI) * ga * gb * pl;
                            index++;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static double legendre(int l, double x) {
        if (l == 0) {
            return 1;
        }
        double p0 = 1;
        double p1 = x;
        for (int k = 2; k <= l; k++) {
            double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
            p0 = p1;
            p1 = p2;
        }
        return p1;
    }
}
