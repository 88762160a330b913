package potentia.search;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import potentia.neighbour.NeighbourList;
import potentia.potential.ForwardingPotential;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.potential.lj.CutoffMode;
import potentia.potential.lj.LennardJones;
import potentia.structure.Cell;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

/** Potentials and founders for the structure-search tests. */
final class SearchFixtures {
    private SearchFixtures() {
    }

    /** LJ with ε = σ = 1, truncated at 50σ: no cluster in these tests comes near the cutoff. */
    static LennardJones lj() {
        return LennardJones.of(Element.Ar, 1, 1, 50, CutoffMode.truncated()).withThreads(1);
    }

    /** A cluster of {@code n} Ar atoms on a loose cubic grid 1.2σ apart. */
    static Structure grid(int n) {
        double[] x = new double[3 * n];
        int side = (int) Math.ceil(Math.cbrt(n));
        for (int i = 0; i < n; i++) {
            x[3 * i] = 1.2 * (i % side);
            x[3 * i + 1] = 1.2 * (i / side % side);
            x[3 * i + 2] = 1.2 * (i / side / side);
        }
        int[] z = new int[n];
        Arrays.fill(z, Element.Ar.number());
        return Structure.of(z, x, Cell.NONE);
    }

    /** A diamond Si slab: one conventional cell wide, {@code cells} thick along z, vacuum above (non-periodic z). */
    static Structure siSlab(int cells) {
        Structure bulk = Crystals.diamond(Element.Si, 5.431).repeat(1, 1, cells);
        double a = 5.431;
        return bulk.withCell(Cell.of(new double[] {a, 0, 0, 0, a, 0, 0, 0, a * cells + 10},
                new boolean[] {true, true, false}), false);
    }

    /**
     * A fake committee around another potential: its energy and forces, with an energy spread
     * σ_E = 0.01·|E| + 0.1 eV and force spreads 0.05 eV/Å on every component of atom 0, zero elsewhere.
     */
    record FakeCommittee(Potential inner) implements ForwardingPotential {
        @Override
        public String name() {
            return "fake committee of " + inner.name();
        }

        @Override
        public Set<Property> supported() {
            return EnumSet.of(Property.ENERGY, Property.FORCES, Property.ENERGY_STD, Property.FORCES_STD);
        }

        @Override
        public Result compute(Structure s, NeighbourList list, Set<Property> requested) {
            Result r = inner.compute(s, list, EnumSet.of(Property.ENERGY, Property.FORCES));
            double[] fs = new double[3 * s.size()];
            fs[0] = fs[1] = fs[2] = 0.05;
            return Result.builder(s.size(), s.cell().volume()).energy(r.energy()).forces(r.forces())
                    .energyStd(0.01 * Math.abs(r.energy()) + 0.1).forcesStd(fs).build();
        }
    }

    /** Counts the calls of another potential (thread-safe). */
    static final class Counting implements ForwardingPotential {
        final Potential inner;
        final AtomicLong calls = new AtomicLong();

        Counting(Potential inner) {
            this.inner = inner;
        }

        @Override
        public Potential inner() {
            return inner;
        }

        @Override
        public String name() {
            return "counting " + inner.name();
        }

        @Override
        public Result compute(Structure s, NeighbourList list, Set<Property> requested) {
            calls.incrementAndGet();
            return inner.compute(s, list, requested);
        }
    }
}
