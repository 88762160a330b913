package potentia.ns;

import potentia.structure.Cell;

/**
 * Where the walkers live: a periodic cell that changes shape and volume under a pressure
 * (prior uniform in volume up to a maximum), a fixed periodic cell, or — for clusters — a
 * hard-walled sphere or box without periodicity. Fixed containers sample at constant volume
 * (enthalpy = energy, heat capacity C_V).
 */
public sealed interface Container {

    /** Whether the cell changes (constant pressure). */
    default boolean variableCell() {
        return this instanceof VariableCell;
    }

    /** Whether walkers are periodic (variable or fixed cell). */
    default boolean periodic() {
        return this instanceof VariableCell || this instanceof FixedCell;
    }

    /** Whether a cluster atom at (x, y, z) Å is inside (always true for periodic containers). */
    boolean holds(double x, double y, double z);

    /** The volume the atoms may occupy, Å³: the maximum for a variable cell. */
    double volume();

    /**
     * A periodic cell whose volume and shape change: the prior is uniform in volume on
     * (0, maxVolume] (with the positions' Vᴺ) and uniform in shape under shear and stretch,
     * restricted to cells whose every perpendicular width is at least
     * {@code minAspectRatio}·V^{1/3}, so that a cell cannot collapse into a slab.
     *
     * @param maxVolume Å³, &gt; 0
     * @param minAspectRatio in (0, 1] (1 allows only cubes)
     */
    record VariableCell(double maxVolume, double minAspectRatio) implements Container {
        public VariableCell {
            if (!(maxVolume > 0) || Double.isInfinite(maxVolume)) {
                throw new IllegalArgumentException("maximum volume must be a positive number of Å³, got " + maxVolume);
            }
            if (!(minAspectRatio > 0 && minAspectRatio <= 1)) {
                throw new IllegalArgumentException("minimum aspect ratio must be in (0, 1], got " + minAspectRatio);
            }
        }

        @Override
        public boolean holds(double x, double y, double z) {
            return true;
        }

        @Override
        public double volume() {
            return maxVolume;
        }
    }

    /** A fixed, fully periodic cell. */
    record FixedCell(Cell cell) implements Container {
        public FixedCell {
            if (!cell.fullyPeriodic()) {
                throw new IllegalArgumentException("a fixed cell for nested sampling must be fully periodic");
            }
        }

        @Override
        public boolean holds(double x, double y, double z) {
            return true;
        }

        @Override
        public double volume() {
            return cell.volume();
        }
    }

    /** A hard-walled sphere of radius {@code radius} Å centred at the origin, no periodicity. */
    record Sphere(double radius) implements Container {
        public Sphere {
            if (!(radius > 0) || Double.isInfinite(radius)) {
                throw new IllegalArgumentException("sphere radius must be a positive length, got " + radius);
            }
        }

        @Override
        public boolean holds(double x, double y, double z) {
            return x * x + y * y + z * z <= radius * radius;
        }

        @Override
        public double volume() {
            return 4.0 / 3.0 * Math.PI * radius * radius * radius;
        }
    }

    /** A hard-walled box [0, a] × [0, b] × [0, c] Å, no periodicity. */
    record Box(double a, double b, double c) implements Container {
        public Box {
            if (!(a > 0 && b > 0 && c > 0) || Double.isInfinite(a * b * c)) {
                throw new IllegalArgumentException("box edges must be positive lengths, got " + a + ", " + b + ", " + c);
            }
        }

        @Override
        public boolean holds(double x, double y, double z) {
            return x >= 0 && x <= a && y >= 0 && y <= b && z >= 0 && z <= c;
        }

        @Override
        public double volume() {
            return a * b * c;
        }
    }
}
