package potentia.relax;

import java.util.Arrays;
import java.util.Optional;
import potentia.units.Units;

/**
 * How to relax: the algorithm, convergence thresholds, step limits, which atoms are fixed and
 * whether the cell relaxes too. Immutable; build with {@link #builder()} ({@link #defaults()} is
 * FIRE, fmax 0.01 eV/Å, 1000 steps, positions only).
 *
 * <p>Units: forces eV/Å, lengths Å, stress and pressure eV/Å³ (convert GPa with
 * {@link Units#fromGPa}).
 */
public final class RelaxOptions {
    /** The minimisation algorithm. */
    public enum Algorithm {
        /** Fast inertial relaxation engine (Bitzek et al. 2006), robust, needs only forces. */
        FIRE,
        /** Limited-memory BFGS with a trust radius and energy safeguard; faster near a minimum. */
        LBFGS
    }

    private final Algorithm algorithm;
    private final double fmax;
    private final int maxSteps;
    private final double maxStep;
    private final int memory;
    private final double skin;
    private final CellRelaxation cell;
    private final int[] fixedAtoms;
    private final boolean[] moveMask;

    private RelaxOptions(Builder b) {
        this.algorithm = b.algorithm;
        this.fmax = b.fmax;
        this.maxSteps = b.maxSteps;
        this.maxStep = b.maxStep;
        this.memory = b.memory;
        this.skin = b.skin;
        this.cell = b.cell;
        this.fixedAtoms = b.fixedAtoms.clone();
        this.moveMask = b.moveMask == null ? null : b.moveMask.clone();
    }

    /** FIRE, fmax 0.01 eV/Å, at most 1000 steps, positions only, nothing fixed. */
    public static RelaxOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.algorithm = algorithm;
        b.fmax = fmax;
        b.maxSteps = maxSteps;
        b.maxStep = maxStep;
        b.memory = memory;
        b.skin = skin;
        b.cell = cell;
        b.fixedAtoms = fixedAtoms.clone();
        b.moveMask = moveMask == null ? null : moveMask.clone();
        return b;
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** Convergence threshold on the largest force norm of a free atom, eV/Å. */
    public double fmax() {
        return fmax;
    }

    /** The most optimiser steps taken (each is one potential evaluation). */
    public int maxSteps() {
        return maxSteps;
    }

    /** The largest displacement of any atom (or cell row, see {@link CellRelaxation}) in one step, Å. */
    public double maxStep() {
        return maxStep;
    }

    /** L-BFGS memory: the number of (step, gradient change) pairs kept. */
    public int memory() {
        return memory;
    }

    /** Verlet skin of the neighbour list reused between steps, Å. */
    public double skin() {
        return skin;
    }

    /** The cell relaxation, empty for positions only. */
    public Optional<CellRelaxation> cell() {
        return Optional.ofNullable(cell);
    }

    /** Indices of fixed atoms (0-based), a fresh copy; they add to the structure's own {@code move_mask}. */
    public int[] fixedAtoms() {
        return fixedAtoms.clone();
    }

    /**
     * The explicit move mask, per atom (N) or per coordinate (3N), true = may move; empty when none
     * was given (the structure's own {@code move_mask} array still applies).
     */
    public Optional<boolean[]> moveMask() {
        return Optional.ofNullable(moveMask).map(boolean[]::clone);
    }

    @Override
    public String toString() {
        return "RelaxOptions[" + algorithm + ", fmax " + fmax + " eV/Å, " + maxSteps + " steps, max step " + maxStep
                + " Å" + (cell == null ? "" : ", " + cell) + (fixedAtoms.length == 0 ? "" : ", fixed "
                + Arrays.toString(fixedAtoms)) + "]";
    }

    /** Collects options; {@link #build()} validates them. */
    public static final class Builder {
        private Algorithm algorithm = Algorithm.FIRE;
        private double fmax = 0.01;
        private int maxSteps = 1000;
        private double maxStep = 0.2;
        private int memory = 20;
        private double skin = 0.5;
        private CellRelaxation cell;
        private int[] fixedAtoms = new int[0];
        private boolean[] moveMask;

        private Builder() {
        }

        public Builder algorithm(Algorithm a) {
            this.algorithm = a;
            return this;
        }

        /** Force threshold, eV/Å (&gt; 0). */
        public Builder fmax(double f) {
            this.fmax = f;
            return this;
        }

        /** Step limit (≥ 0; 0 only evaluates the start). */
        public Builder maxSteps(int n) {
            this.maxSteps = n;
            return this;
        }

        /** Largest displacement per atom and step, Å (&gt; 0; default 0.2 as in ASE). */
        public Builder maxStep(double d) {
            this.maxStep = d;
            return this;
        }

        /** L-BFGS memory (≥ 1; default 20). */
        public Builder memory(int m) {
            this.memory = m;
            return this;
        }

        /** Neighbour-list skin, Å (≥ 0; default 0.5). */
        public Builder skin(double s) {
            this.skin = s;
            return this;
        }

        /** Relax the cell too, as {@code c} says; null for positions only. */
        public Builder cell(CellRelaxation c) {
            this.cell = c;
            return this;
        }

        /** Fixes these atoms (0-based indices, not modified); replaces earlier calls. */
        public Builder fix(int... atoms) {
            this.fixedAtoms = atoms.clone();
            return this;
        }

        /** A move mask per atom (N) or per coordinate (3N), true = may move (not modified); null for none. */
        public Builder moveMask(boolean[] mask) {
            this.moveMask = mask == null ? null : mask.clone();
            return this;
        }

        public RelaxOptions build() {
            if (algorithm == null) {
                throw new IllegalArgumentException("relaxation algorithm must be given (FIRE or LBFGS)");
            }
            if (!(fmax > 0) || !Double.isFinite(fmax)) {
                throw new IllegalArgumentException("fmax must be a positive force in eV/Å, got " + fmax);
            }
            if (maxSteps < 0) {
                throw new IllegalArgumentException("max steps must be ≥ 0, got " + maxSteps);
            }
            if (!(maxStep > 0) || !Double.isFinite(maxStep)) {
                throw new IllegalArgumentException("max step must be a positive length in Å, got " + maxStep);
            }
            if (memory < 1) {
                throw new IllegalArgumentException("L-BFGS memory must be ≥ 1, got " + memory);
            }
            if (!(skin >= 0) || !Double.isFinite(skin)) {
                throw new IllegalArgumentException("neighbour skin must be a length ≥ 0 Å, got " + skin);
            }
            for (int i : fixedAtoms) {
                if (i < 0) {
                    throw new IllegalArgumentException("fixed atom index must be ≥ 0, got " + i);
                }
            }
            return new RelaxOptions(this);
        }
    }
}
