package potentia.neighbour;

import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * A neighbour list with a Verlet skin, for engines (MD, relaxation) that evaluate a potential on
 * a slowly changing structure: the list is built to cutoff + skin and reused while it still
 * holds every pair closer than the cutoff. Mutable; one per engine, not thread-safe.
 *
 * <p>When a list is still valid. Let the list be built at positions x⁰ in a cell with frame B⁰
 * ({@link BinningFrame}: the lattice vectors, completed along non-periodic axes; S·B = S·h for
 * every shift), and let the structure now have positions x and frame B (the current lattice
 * vectors, and B⁰'s rows along non-periodic axes: any invertible completion works, and a fixed
 * one adds no spurious strain). With fractional
 * coordinates s = x·B⁻¹, s⁰ = x⁰·B⁰⁻¹ and displacements Δs_i = s_i − s⁰_i, a pair's separation
 * d = (s_j − s_i + S)·B becomes
 * <pre>  d = d⁰·(1 + E) + (Δs_j − Δs_i)·B,   E = B⁰⁻¹(B − B⁰),</pre>
 * so with D = max_i |Δs_i·B| (each atom's displacement, measured in the current cell) and
 * ‖E‖₂ ≤ ‖E‖_F,
 * <pre>  |d| ≥ |d⁰|·(1 − ‖E‖_F) − 2D.</pre>
 * A pair missing from the list has |d⁰| ≥ r_c + skin, hence (for ‖E‖_F &lt; 1) |d| ≥ r_c as long as
 * <pre>  2D + (r_c + skin)·‖E‖_F ≤ skin,</pre>
 * which is the test (made strict). With the cell's periodic vectors unchanged, E = 0 and
 * Δs_i·B = x_i − x⁰_i exactly, so the test is the classic "no atom moved skin/2", done on
 * Cartesian displacements. Positions are compared as given, never wrapped: an engine that wraps
 * atoms back into the cell moves them by a lattice vector and forces a rebuild. A change in the
 * number of atoms, their species or the periodicity always rebuilds.
 */
public final class VerletList {
    private final double cutoff;
    private final double skin;
    private final boolean full;
    private final int threads;

    private NeighbourList list;
    private int atoms;
    private int[] numbers;
    private double[] reference;
    private Cell referenceCell;
    private double[] referenceFrame;
    private double[] referenceFractional;
    private double[] current;
    private int builds;
    private int updates;

    /**
     * A Verlet list built on one thread.
     *
     * @param cutoff the interaction cutoff r_c, Å
     * @param skin the extra distance, Å (≥ 0; typically 0.3–1 Å): larger means rarer but costlier builds
     * @param full both directions (true) or each pair once (false, see {@link NeighbourList})
     */
    public VerletList(double cutoff, double skin, boolean full) {
        this(cutoff, skin, full, 1);
    }

    /**
     * A Verlet list whose builds run on {@code threads} threads (the list does not depend on it).
     *
     * @param cutoff the interaction cutoff r_c, Å
     * @param skin the extra distance, Å (≥ 0)
     * @param full both directions (true) or each pair once (false)
     */
    public VerletList(double cutoff, double skin, boolean full, int threads) {
        CellListBuilder.checkCutoff(cutoff);
        if (!(skin >= 0) || !Double.isFinite(skin)) {
            throw new IllegalArgumentException("Verlet skin must be a finite length ≥ 0 Å, got " + skin);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.cutoff = cutoff;
        this.skin = skin;
        this.full = full;
        this.threads = threads;
    }

    /**
     * Makes the list valid for {@code s}: keeps it if still valid, rebuilds it otherwise.
     *
     * @return true when the list was rebuilt
     */
    public boolean update(Structure s) {
        updates++;
        if (isValidFor(s)) {
            return false;
        }
        rebuild(s);
        return true;
    }

    /** Rebuilds the list for {@code s} whatever the displacements. */
    public void rebuild(Structure s) {
        list = NeighbourList.build(s, cutoff + skin, full, threads);
        atoms = s.size();
        numbers = s.atomicNumbers();
        reference = s.positions();
        referenceCell = s.cell();
        referenceFrame = null;
        referenceFractional = null;
        builds++;
    }

    /**
     * Whether the current list holds every pair of {@code s} closer than the cutoff, by the
     * criterion in the class documentation (false before the first build).
     */
    public boolean isValidFor(Structure s) {
        if (list == null || s.size() != atoms) {
            return false;
        }
        for (int i = 0; i < atoms; i++) {
            if (s.atomicNumber(i) != numbers[i]) {
                return false;
            }
        }
        Cell cell = s.cell();
        for (int k = 0; k < 3; k++) {
            if (cell.periodic(k) != referenceCell.periodic(k)) {
                return false;
            }
        }
        if (current == null || current.length != 3 * atoms) {
            current = new double[3 * atoms];
        }
        s.copyPositions(current);
        if (samePeriodicVectors(cell, referenceCell)) {
            double limit = 0.25 * skin * skin;
            for (int i = 0; i < atoms; i++) {
                double dx = current[3 * i] - reference[3 * i];
                double dy = current[3 * i + 1] - reference[3 * i + 1];
                double dz = current[3 * i + 2] - reference[3 * i + 2];
                if (!(dx * dx + dy * dy + dz * dz < limit)) {
                    return false;
                }
            }
            return true;
        }
        return strainedStillValid(cell);
    }

    /** The criterion with a changed cell: 2D + (r_c + skin)·‖B⁰⁻¹(B − B⁰)‖_F &lt; skin. */
    private boolean strainedStillValid(Cell cell) {
        if (referenceFrame == null) {
            referenceFrame = BinningFrame.of(referenceCell);
            referenceFractional = Cell.periodic(referenceFrame).toFractional(reference);
        }
        // B keeps the reference frame's rows along non-periodic axes (any rows will do there, and
        // fixed ones add no spurious strain), and takes the current lattice vectors elsewhere
        double[] b = referenceFrame.clone();
        double volume = 1;
        for (int k = 0; k < 3; k++) {
            if (cell.periodic(k)) {
                for (int c = 0; c < 3; c++) {
                    b[3 * k + c] = cell.get(k, c);
                }
            }
            volume *= Math.sqrt(b[3 * k] * b[3 * k] + b[3 * k + 1] * b[3 * k + 1] + b[3 * k + 2] * b[3 * k + 2]);
        }
        Cell frame = Cell.of(b, new boolean[3]);
        if (!(frame.volume() > 1e-6 * volume)) {
            return false;
        }
        double[] inverse0 = Cell.periodic(referenceFrame).inverse();
        double e2 = 0;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double v = 0;
                for (int k = 0; k < 3; k++) {
                    v += inverse0[3 * r + k] * (b[3 * k + c] - referenceFrame[3 * k + c]);
                }
                e2 += v * v;
            }
        }
        double strainTerm = (cutoff + skin) * Math.sqrt(e2);
        if (!(strainTerm < skin)) {
            return false;
        }
        double halfRoom = 0.5 * (skin - strainTerm);
        double limit = halfRoom * halfRoom;
        double[] inverse = frame.inverse();
        for (int i = 0; i < atoms; i++) {
            double x = current[3 * i];
            double y = current[3 * i + 1];
            double z = current[3 * i + 2];
            double d0 = x * inverse[0] + y * inverse[3] + z * inverse[6] - referenceFractional[3 * i];
            double d1 = x * inverse[1] + y * inverse[4] + z * inverse[7] - referenceFractional[3 * i + 1];
            double d2 = x * inverse[2] + y * inverse[5] + z * inverse[8] - referenceFractional[3 * i + 2];
            double dx = d0 * b[0] + d1 * b[3] + d2 * b[6];
            double dy = d0 * b[1] + d1 * b[4] + d2 * b[7];
            double dz = d0 * b[2] + d1 * b[5] + d2 * b[8];
            if (!(dx * dx + dy * dy + dz * dz < limit)) {
                return false;
            }
        }
        return true;
    }

    private static boolean samePeriodicVectors(Cell a, Cell b) {
        for (int k = 0; k < 3; k++) {
            if (a.periodic(k)) {
                for (int c = 0; c < 3; c++) {
                    if (a.get(k, c) != b.get(k, c)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * The current list, built to cutoff + skin; valid for the structure last passed to
     * {@link #update}.
     *
     * @throws IllegalStateException before the first update
     */
    public NeighbourList list() {
        if (list == null) {
            throw new IllegalStateException("Verlet list not built yet: call update(structure) first");
        }
        return list;
    }

    /** The interaction cutoff r_c (without skin), Å. */
    public double cutoff() {
        return cutoff;
    }

    /** The skin, Å. */
    public double skin() {
        return skin;
    }

    /** How many times the list was built. */
    public int builds() {
        return builds;
    }

    /** How many times {@link #update} was called. */
    public int updates() {
        return updates;
    }
}
