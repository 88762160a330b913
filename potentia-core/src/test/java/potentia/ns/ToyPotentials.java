package potentia.ns;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import potentia.neighbour.NeighbourList;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Structure;

/** Potentials with exactly known statistical mechanics, for the sampler's exact tests. */
final class ToyPotentials {
    private ToyPotentials() {
    }

    /** No interaction at all: an ideal gas (zero forces, so trajectories fly straight). */
    static Potential idealGas() {
        return new Toy("ideal gas", s -> 0.0, s -> new double[3 * s.size()]);
    }

    /**
     * Independent isotropic harmonic wells (an Einstein solid): E = ½k Σ |x_i − x⁰_i|², the
     * displacement taken to the nearest periodic image of the site.
     *
     * @param sites 3N well positions, Å (not modified)
     * @param k spring constant, eV/Å²
     */
    static Potential einstein(double[] sites, double k) {
        double[] x0 = sites.clone();
        return new Toy("Einstein solid", s -> {
            double[] d = displacements(s, x0);
            double e = 0;
            for (double v : d) {
                e += 0.5 * k * v * v;
            }
            return e;
        }, s -> {
            double[] d = displacements(s, x0);
            for (int a = 0; a < d.length; a++) {
                d[a] *= -k;
            }
            return d;
        });
    }

    /**
     * A harmonic chain: E = ½k Σ_i |d(x_{i+1} − x_i) − b_i|² over N − 1 springs, d the nearest
     * periodic image; translation-invariant, so its forces sum to zero.
     *
     * @param bonds 3(N − 1) rest vectors b_i, Å (not modified)
     */
    static Potential harmonicChain(double[] bonds, double k) {
        double[] b0 = bonds.clone();
        java.util.function.Function<Structure, double[]> stretch = s -> {
            double[] x = s.positions();
            double[] h = s.cell().matrix();
            double[] u = new double[b0.length];
            for (int a = 0; a < b0.length; a++) {
                double d = x[a + 3] - x[a];
                double len = h[4 * (a % 3)];
                if (len > 0) {
                    d -= len * Math.rint(d / len);
                }
                u[a] = d - b0[a];
            }
            return u;
        };
        return new Toy("harmonic chain", s -> {
            double e = 0;
            for (double v : stretch.apply(s)) {
                e += 0.5 * k * v * v;
            }
            return e;
        }, s -> {
            double[] u = stretch.apply(s);
            double[] f = new double[u.length + 3];
            for (int a = 0; a < u.length; a++) {
                f[a + 3] -= k * u[a];
                f[a] += k * u[a];
            }
            return f;
        });
    }

    /**
     * Harmonic wells whose sites scale with the cell (a harmonic solid in a variable cell):
     * E = ½k Σ |(f_i − f⁰_i − n_i) h|², with f_i = x_i h⁻¹ the fractional position, n_i the whole
     * lattice translation that brings f_i − f⁰_i into [−½, ½)³, and h the cell (rows are lattice
     * vectors). While the cell's widths are many well widths, each atom's Boltzmann integral
     * over the cell is (2π/βk)^{3/2}, whatever the volume and shape.
     *
     * @param fractional 3N fractional site coordinates (not modified)
     */
    static Potential scaledEinstein(double[] fractional, double k) {
        double[] f0 = fractional.clone();
        return new Toy("harmonic solid with sites scaled by the cell", s -> {
            double[] x = s.positions();
            double[] h = s.cell().matrix();
            double[] inv = potentia.structure.Cell.inverse(h);
            double e = 0;
            for (int a = 0; a < x.length; a += 3) {
                double[] d = new double[3];
                for (int j = 0; j < 3; j++) {
                    double f = x[a] * inv[j] + x[a + 1] * inv[3 + j] + x[a + 2] * inv[6 + j] - f0[a + j];
                    d[j] = f - Math.rint(f);
                }
                for (int j = 0; j < 3; j++) {
                    double c = d[0] * h[j] + d[1] * h[3 + j] + d[2] * h[6 + j];
                    e += 0.5 * k * c * c;
                }
            }
            return e;
        }, null);
    }

    /** An energy of the positions alone, without forces. */
    static Potential of(String name, ToDoubleFunction<Structure> energy) {
        return new Toy(name, energy, null);
    }

    /** An energy with its forces. */
    static Potential of(String name, ToDoubleFunction<Structure> energy,
            java.util.function.Function<Structure, double[]> forces) {
        return new Toy(name, energy, forces);
    }

    /** x − x⁰ per atom, to the nearest image in the structure's (orthorhombic or no) cell. */
    static double[] displacements(Structure s, double[] x0) {
        double[] x = s.positions();
        double[] h = s.cell().matrix();
        boolean periodic = s.cell().fullyPeriodic();
        for (int a = 0; a < x.length; a++) {
            double d = x[a] - x0[a];
            if (periodic) {
                double len = h[4 * (a % 3)];
                d -= len * Math.rint(d / len);
            }
            x[a] = d;
        }
        return x;
    }

    private record Toy(String name, ToDoubleFunction<Structure> energy,
            java.util.function.Function<Structure, double[]> forces) implements Potential {
        @Override
        public double cutoff() {
            return 1.0;
        }

        @Override
        public boolean needsFullList() {
            return false;
        }

        @Override
        public Set<Property> supported() {
            return forces == null ? EnumSet.of(Property.ENERGY) : EnumSet.of(Property.ENERGY, Property.FORCES);
        }

        @Override
        public Result compute(Structure s, NeighbourList neighbours, Set<Property> requested) {
            return compute(s, requested);
        }

        @Override
        public Result compute(Structure s, Set<Property> requested) {
            Result.Builder b = Result.builder(s.size(), s.cell().fullyPeriodic() ? s.cell().volume() : 0)
                    .energy(energy.applyAsDouble(s));
            if (requested.contains(Property.FORCES)) {
                b.forces(forces.apply(s));
            }
            return b.build();
        }
    }
}
