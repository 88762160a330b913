package potentia.nn;

import java.util.ArrayList;
import java.util.List;
import potentia.descriptor.Descriptor;
import potentia.neighbour.NeighbourList;
import potentia.potential.SpeciesIndex;
import potentia.potential.Tally;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * A small test stand-in for the real descriptor, with simple analytic derivatives, so that the
 * network potential is tested independently of it. Radial sums per species,
 * c^β_k(i) = Σ_{j∈β, r_ij&lt;r_c} φ_k(r_ij²/r_c²) with φ_k(u) = (1 − u)³ e^{−a_k u}, combined into
 * species-pair products G^{βγ}_k = c^β_k c^γ_k for β ≤ γ (pair-major, k inner), like the power
 * spectrum's layout. φ_k and its first two derivatives vanish at r_c; functions of r² need no
 * division by r, so coincident atoms are harmless.
 */
final class PairProductDescriptor implements Descriptor {
    private final double cutoff;
    private final List<Element> species;
    private final SpeciesIndex index;
    private final int radial;
    private final int pairs;

    /** @param radial number of radial functions k per species pair */
    PairProductDescriptor(double cutoff, List<Element> species, int radial) {
        this.cutoff = cutoff;
        this.species = List.copyOf(species);
        this.index = new SpeciesIndex(species);
        this.radial = radial;
        this.pairs = species.size() * (species.size() + 1) / 2;
    }

    /** A stand-in with the feature count of the spherical Bessel descriptor of the same spec. */
    static PairProductDescriptor like(DescriptorSpec.Bessel spec) {
        return new PairProductDescriptor(spec.cutoff(), spec.species(), (spec.nMax() + 1) * (spec.nMax() + 2) / 2);
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public List<Element> species() {
        return species;
    }

    @Override
    public int featureCount() {
        return pairs * radial;
    }

    @Override
    public List<String> featureLabels() {
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < species.size(); b++) {
            for (int g = b; g < species.size(); g++) {
                for (int k = 0; k < radial; k++) {
                    labels.add(species.get(b) + "-" + species.get(g) + " k=" + k);
                }
            }
        }
        return labels;
    }

    private double a(int k) {
        return 0.7 * k;
    }

    /** φ_k(u) into phi[k] and dφ_k/d(d) = φ_k'(u)·2/r_c² (times d) into dphi[k]. */
    private void radial(double r2, double[] phi, double[] dphi) {
        double u = r2 / (cutoff * cutoff);
        double w = 1 - u;
        for (int k = 0; k < radial; k++) {
            double e = Math.exp(-a(k) * u);
            phi[k] = w * w * w * e;
            dphi[k] = (-3 * w * w * e - a(k) * w * w * w * e) * 2 / (cutoff * cutoff);
        }
    }

    /** c[β][k] of centre i; also returns how many in-range neighbours it has. */
    private void sums(Structure s, NeighbourList nl, int i, double[] x, double[] h, double[][] c, double[] phi,
            double[] dphi, double[] d) {
        for (double[] row : c) {
            java.util.Arrays.fill(row, 0);
        }
        for (int p = nl.start(i); p < nl.end(i); p++) {
            nl.separation(p, i, x, h, d);
            double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            if (r2 >= cutoff * cutoff) {
                continue;
            }
            radial(r2, phi, dphi);
            int sj = index.indexOf(s.element(nl.neighbour(p)));
            for (int k = 0; k < radial; k++) {
                c[sj][k] += phi[k];
            }
        }
    }

    @Override
    public void features(Structure s, NeighbourList nl, int from, int to, double[] out) {
        index.types(s, "pair-product descriptor");
        double[] x = s.positions();
        double[] h = s.cell().matrix();
        int ns = species.size();
        double[][] c = new double[ns][radial];
        double[] phi = new double[radial];
        double[] dphi = new double[radial];
        double[] d = new double[3];
        for (int i = from; i < to; i++) {
            sums(s, nl, i, x, h, c, phi, dphi, d);
            int q = i * featureCount();
            for (int b = 0; b < ns; b++) {
                for (int g = b; g < ns; g++) {
                    for (int k = 0; k < radial; k++) {
                        out[q++] = c[b][k] * c[g][k];
                    }
                }
            }
        }
    }

    /** ∂G^{βγ}_k/∂c^σ_k summed against a per-feature vector v: A[σ][k] = Σ_{β≤γ} v^{βγ}_k (δ_σβ c^γ_k + δ_σγ c^β_k). */
    private void pullBack(double[] v, int row, double[][] c, double[][] a) {
        int ns = species.size();
        for (double[] r : a) {
            java.util.Arrays.fill(r, 0);
        }
        int q = row;
        for (int b = 0; b < ns; b++) {
            for (int g = b; g < ns; g++) {
                for (int k = 0; k < radial; k++) {
                    double vk = v[q++];
                    a[b][k] += vk * c[g][k];
                    a[g][k] += vk * c[b][k];
                }
            }
        }
    }

    @Override
    public void backward(Structure s, NeighbourList nl, double[] dEdG, int from, int to, Tally tally) {
        double[] x = s.positions();
        double[] h = s.cell().matrix();
        int ns = species.size();
        double[][] c = new double[ns][radial];
        double[][] a = new double[ns][radial];
        double[] phi = new double[radial];
        double[] dphi = new double[radial];
        double[] d = new double[3];
        for (int i = from; i < to; i++) {
            sums(s, nl, i, x, h, c, phi, dphi, d);
            pullBack(dEdG, i * featureCount(), c, a);
            for (int p = nl.start(i); p < nl.end(i); p++) {
                nl.separation(p, i, x, h, d);
                double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                if (r2 >= cutoff * cutoff) {
                    continue;
                }
                radial(r2, phi, dphi);
                int j = nl.neighbour(p);
                int sj = index.indexOf(s.element(j));
                double g = 0; // ∂E/∂d = g·d
                for (int k = 0; k < radial; k++) {
                    g += a[sj][k] * dphi[k];
                }
                for (int u = 0; u < 3; u++) {
                    double fj = -g * d[u];
                    tally.forces[3 * j + u] += fj;
                    tally.forces[3 * i + u] -= fj;
                    for (int w = 0; w < 3; w++) {
                        tally.virial[3 * w + u] += d[w] * fj;
                    }
                }
            }
        }
    }

    @Override
    public void tangent(Structure s, NeighbourList nl, double[] displacement, double[] strain, int from, int to,
            double[] out) {
        double[] x = s.positions();
        double[] h = s.cell().matrix();
        int ns = species.size();
        double[][] c = new double[ns][radial];
        double[][] dc = new double[ns][radial];
        double[] phi = new double[radial];
        double[] dphi = new double[radial];
        double[] d = new double[3];
        for (int i = from; i < to; i++) {
            sums(s, nl, i, x, h, c, phi, dphi, d);
            for (double[] r : dc) {
                java.util.Arrays.fill(r, 0);
            }
            for (int p = nl.start(i); p < nl.end(i); p++) {
                nl.separation(p, i, x, h, d);
                double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                if (r2 >= cutoff * cutoff) {
                    continue;
                }
                radial(r2, phi, dphi);
                int j = nl.neighbour(p);
                double dot = 0; // d · (v_j − v_i + d·ε)
                for (int u = 0; u < 3; u++) {
                    double move = 0;
                    if (displacement != null) {
                        move += displacement[3 * j + u] - displacement[3 * i + u];
                    }
                    if (strain != null) {
                        for (int w = 0; w < 3; w++) {
                            move += d[w] * strain[3 * w + u];
                        }
                    }
                    dot += d[u] * move;
                }
                int sj = index.indexOf(s.element(j));
                for (int k = 0; k < radial; k++) {
                    dc[sj][k] += dphi[k] * dot;
                }
            }
            int q = i * featureCount();
            for (int b = 0; b < ns; b++) {
                for (int g = b; g < ns; g++) {
                    for (int k = 0; k < radial; k++) {
                        out[q++] = dc[b][k] * c[g][k] + c[b][k] * dc[g][k];
                    }
                }
            }
        }
    }
}
