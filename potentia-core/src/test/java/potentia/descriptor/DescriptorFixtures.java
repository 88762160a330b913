package potentia.descriptor;

import java.util.List;
import java.util.SplittableRandom;
import potentia.neighbour.NeighbourList;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

/** Seeded structures and whole-structure evaluation helpers for the descriptor tests. */
final class DescriptorFixtures {
    static final List<Element> SPECIES = List.of(Element.O, Element.Si, Element.Sr);

    private DescriptorFixtures() {
    }

    /**
     * A random multi-species structure; even seeds give tiny triclinic cells (edges 2.4–3.4 Å,
     * so every atom sees its own images), odd seeds 5–7 Å cells, every third seed a slab.
     */
    static Structure random(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        boolean tiny = seed % 2 == 0;
        Cell cell = tiny ? RandomStructures.randomCell(rng, 2.4, 3.4, 0.25, new boolean[] {true, true, true})
                : RandomStructures.randomCell(rng, 5.0, 7.0, 0.2, new boolean[] {true, true, seed % 3 != 0});
        return RandomStructures.randomAtoms(rng, cell, tiny ? 2 : 9, SPECIES, 1.3);
    }

    /** All features, N × F, one range. */
    static double[] features(Descriptor d, Structure s, NeighbourList list) {
        double[] out = new double[s.size() * d.featureCount()];
        d.features(s, list, 0, s.size(), out);
        return out;
    }

    /** The structure with positions and cell deformed by x → x + x·ε and atoms moved by v. */
    static Structure moved(Structure s, double[] v, double[] strain, double t) {
        double[] x = s.positions();
        double[] e = new double[9];
        if (strain != null) {
            for (int k = 0; k < 9; k++) {
                e[k] = t * strain[k];
            }
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                y[i + c] = x[i + c] + x[i] * e[c] + x[i + 1] * e[3 + c] + x[i + 2] * e[6 + c] + (v != null ? t * v[i + c] : 0);
            }
        }
        Structure out = s.withPositions(y);
        if (strain != null && !s.cell().isZero()) {
            out = out.withCell(s.cell().strained(e), false);
        }
        return out;
    }

    /** Central difference of all features along (v, ε), step t. */
    static double[] centralDifference(Descriptor d, Structure s, NeighbourList list, double[] v, double[] strain, double t) {
        double[] plus = features(d, moved(s, v, strain, t), list);
        double[] minus = features(d, moved(s, v, strain, -t), list);
        double[] out = new double[plus.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (plus[k] - minus[k]) / (2 * t);
        }
        return out;
    }

    static double[] gaussian(SplittableRandom rng, int n) {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = rng.nextGaussian();
        }
        return a;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
