package potentia.structure;

import java.util.Arrays;

/**
 * Ideal crystals in their conventional cubic cells (ASE's {@code bulk(..., cubic=True)}), to be
 * repeated into supercells with {@link Structure#repeat}.
 */
public final class Crystals {
    private static final double[] DIAMOND = {
        0, 0, 0, 0, .5, .5, .5, 0, .5, .5, .5, 0,
        .25, .25, .25, .25, .75, .75, .75, .25, .75, .75, .75, .25};
    private static final double[] FCC = {0, 0, 0, 0, .5, .5, .5, 0, .5, .5, .5, 0};
    private static final double[] BCC = {0, 0, 0, .5, .5, .5};

    private Crystals() {
    }

    /** Diamond structure: 8 atoms in a cube of edge {@code a} Å (Si: a = 5.431 Å). */
    public static Structure diamond(Element e, double a) {
        return cubic(e, a, DIAMOND);
    }

    /** Face-centred cubic: 4 atoms in a cube of edge {@code a} Å. */
    public static Structure fcc(Element e, double a) {
        return cubic(e, a, FCC);
    }

    /** Body-centred cubic: 2 atoms in a cube of edge {@code a} Å. */
    public static Structure bcc(Element e, double a) {
        return cubic(e, a, BCC);
    }

    private static Structure cubic(Element e, double a, double[] fractional) {
        if (!(a > 0)) {
            throw new IllegalArgumentException("lattice constant must be positive, got " + a);
        }
        double[] x = new double[fractional.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = fractional[k] * a;
        }
        int[] z = new int[x.length / 3];
        Arrays.fill(z, e.number());
        return Structure.of(z, x, Cell.orthorhombic(a, a, a));
    }
}
