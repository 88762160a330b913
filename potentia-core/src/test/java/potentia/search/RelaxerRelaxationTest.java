package potentia.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import potentia.neighbour.NeighbourList;
import potentia.search.SearchFixtures.Counting;
import potentia.potential.ForwardingPotential;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.potential.sw.StillingerWeber;
import potentia.relax.CellRelaxation;
import potentia.relax.RelaxOptions;
import potentia.structure.AtomArray;
import potentia.structure.Structure;

class RelaxerRelaxationTest {
    private static final Set<Property> ENERGY = EnumSet.of(Property.ENERGY);

    private static double maxForce(double[] f, int[] atoms) {
        double m = 0;
        for (int i : atoms) {
            m = Math.max(m, Math.sqrt(f[3 * i] * f[3 * i] + f[3 * i + 1] * f[3 * i + 1] + f[3 * i + 2] * f[3 * i + 2]));
        }
        return m;
    }

    @Test
    void fixedAtomsStayBitForBitAndTheFreeOnesRelax() {
        Structure slab = SearchFixtures.siSlab(2).rattled(0.05, new SplittableRandom(4));
        // a fixed coordinate of −0.0: adding the relaxer's zero step would turn it into +0.0
        double[] x = slab.positions();
        x[0] = -0.0;
        slab = slab.withPositions(x);
        int[] free = AtomSelection.parse("z>=6").select(slab);
        assertTrue(free.length >= 4 && free.length < slab.size());
        StillingerWeber sw = StillingerWeber.silicon();
        LocalRelaxation.Relaxed r = RelaxerRelaxation.defaults().relax(slab, free, sw, ENERGY);
        assertTrue(r.ok(), r.problem());
        boolean[] isFree = new boolean[slab.size()];
        for (int i : free) {
            isFree[i] = true;
        }
        int moved = 0;
        for (int i = 0; i < slab.size(); i++) {
            for (int k = 0; k < 3; k++) {
                long before = Double.doubleToRawLongBits(slab.position(i, k));
                long after = Double.doubleToRawLongBits(r.structure().position(i, k));
                if (!isFree[i]) {
                    assertEquals(before, after, "fixed atom " + i + " coordinate " + k + " changed");
                } else if (before != after) {
                    moved++;
                }
            }
        }
        assertTrue(moved > 3 * free.length / 2, "only " + moved + " free coordinates moved");
        assertEquals(slab.cell(), r.structure().cell());
    }

    @Test
    void theEnergyDecreasesToAConvergedMinimumOfTheFreeAtoms() {
        Structure cluster = SearchFixtures.grid(8).rattled(0.1, new SplittableRandom(2));
        Potential lj = SearchFixtures.lj();
        int[] free = {0, 1, 2, 3, 5, 6, 7}; // atom 4 stays
        for (RelaxOptions.Algorithm a : RelaxOptions.Algorithm.values()) {
            LocalRelaxation.Relaxed r = RelaxerRelaxation.of(a, 2000, 1e-4).relax(cluster, free, lj, ENERGY);
            assertTrue(r.ok(), r.problem());
            Result check = lj.compute(r.structure(), EnumSet.of(Property.ENERGY, Property.FORCES));
            assertEquals(check.energy(), r.result().energy(), 1e-12, a + ": the result is the relaxed structure's energy");
            assertTrue(r.result().energy() < lj.compute(cluster).energy() - 1, a + ": energy did not decrease");
            assertTrue(maxForce(check.forces(), free) <= 1e-4, a + ": not converged on the free atoms");
            for (int k = 0; k < 3; k++) {
                assertEquals(cluster.position(4, k), r.structure().position(4, k), 0, a + ": the fixed atom moved");
            }
            assertEquals(EnumSet.of(Property.ENERGY), r.result().available());
        }
    }

    @Test
    void evaluationsAreThePotentialCallsAndTheStepLimitHolds() {
        Structure cluster = SearchFixtures.grid(8).rattled(0.1, new SplittableRandom(3));
        int[] all = new AtomSelection.All().select(cluster);
        Counting lj = new Counting(SearchFixtures.lj());
        LocalRelaxation.Relaxed converged = RelaxerRelaxation.of(RelaxOptions.Algorithm.FIRE, 5000, 0.01)
                .relax(cluster, all, lj, ENERGY);
        assertEquals(lj.calls.get(), converged.evaluations());
        assertTrue(converged.evaluations() > 20 && converged.evaluations() < 5000, "" + converged.evaluations());

        lj.calls.set(0);
        LocalRelaxation.Relaxed limited = RelaxerRelaxation.of(RelaxOptions.Algorithm.LBFGS, 5, 1e-6)
                .relax(cluster, all, lj, ENERGY);
        assertEquals(6, limited.evaluations(), "5 steps + the start");
        assertEquals(6, lj.calls.get());
        assertTrue(limited.ok(), "an unconverged relaxation is not a failure");
    }

    @Test
    void aCommitteesSpreadsArePassedThroughAndCounted() {
        Counting committee = new Counting(new SearchFixtures.FakeCommittee(SearchFixtures.lj()));
        Structure cluster = SearchFixtures.grid(5).rattled(0.05, new SplittableRandom(5));
        LocalRelaxation.Relaxed r = RelaxerRelaxation.defaults().relax(cluster, new int[] {0, 1, 2, 3, 4}, committee,
                EnumSet.of(Property.ENERGY, Property.ENERGY_STD));
        assertTrue(r.ok(), r.problem());
        double e = SearchFixtures.lj().compute(r.structure()).energy();
        assertEquals(e, r.result().energy(), 1e-12);
        assertEquals(0.01 * Math.abs(e) + 0.1, r.result().energyStd(), 1e-12, "σ_E of the relaxed structure");
        assertTrue(r.result().has(Property.FORCES_STD));
        assertEquals(0.05, r.result().forcesStd()[0]);
        assertEquals(committee.calls.get(), r.evaluations(), "the relaxer's calls plus one for the spreads");
    }

    @Test
    void aNonFiniteEnergyFailsWithTheEvaluationsMade() {
        // LJ, except that the energy is NaN once atom 0 has moved 0.02 Å from where it started
        Structure cluster = SearchFixtures.grid(4).rattled(0.15, new SplittableRandom(6));
        double[] start = cluster.positions();
        Potential lj = SearchFixtures.lj();
        Counting nanBeyond = new Counting(new ForwardingPotential() {
            @Override
            public Potential inner() {
                return lj;
            }

            @Override
            public String name() {
                return "LJ with a NaN";
            }

            @Override
            public Result compute(Structure s, NeighbourList list, Set<Property> requested) {
                Result r = lj.compute(s, list, requested);
                double dx = s.position(0, 0) - start[0];
                double dy = s.position(0, 1) - start[1];
                double dz = s.position(0, 2) - start[2];
                if (dx * dx + dy * dy + dz * dz > 0.02 * 0.02) {
                    return Result.builder(s.size(), 0).energy(Double.NaN).forces(r.forces()).build();
                }
                return r;
            }
        });
        LocalRelaxation.Relaxed r = RelaxerRelaxation.defaults().relax(cluster, new int[] {0, 1, 2, 3}, nanBeyond,
                ENERGY);
        assertFalse(r.ok());
        assertTrue(r.problem().contains("non-finite energy"), r.problem());
        assertNull(r.result());
        assertEquals(nanBeyond.calls.get(), r.evaluations());
        assertTrue(r.evaluations() > 1);
    }

    @Test
    void theFoundersMoveMaskDoesNotOverruleTheSearch() {
        Structure cluster = SearchFixtures.grid(4).rattled(0.1, new SplittableRandom(7));
        boolean[] mask = new boolean[4]; // everything fixed by the file
        Structure masked = cluster.withArray("move_mask", new AtomArray.Bools(mask, 1));
        LocalRelaxation.Relaxed r = RelaxerRelaxation.defaults().relax(masked, new int[] {1}, SearchFixtures.lj(),
                ENERGY);
        assertNotEquals(cluster.position(1, 0), r.structure().position(1, 0));
        assertEquals(cluster.position(0, 0), r.structure().position(0, 0));
        assertTrue(r.structure().array("move_mask").isPresent(), "the structure keeps its arrays");
    }

    @Test
    void refusesOptionsThatFixAtomsOrRelaxTheCell() {
        assertThrows(IllegalArgumentException.class,
                () -> new RelaxerRelaxation(RelaxOptions.builder().fix(0).build()));
        assertThrows(IllegalArgumentException.class,
                () -> new RelaxerRelaxation(RelaxOptions.builder().moveMask(new boolean[] {true}).build()));
        assertThrows(IllegalArgumentException.class,
                () -> new RelaxerRelaxation(RelaxOptions.builder().cell(CellRelaxation.atPressure(0)).build()));
        assertThrows(IllegalArgumentException.class, () -> RelaxerRelaxation.defaults().relax(
                SearchFixtures.grid(2), new int[] {2}, SearchFixtures.lj(), ENERGY));
    }
}
