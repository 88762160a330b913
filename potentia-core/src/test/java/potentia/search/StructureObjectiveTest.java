package potentia.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import potentia.neighbour.NeighbourList;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.potential.lj.LennardJones;
import potentia.structure.Structure;

class StructureObjectiveTest {
    private static final Penalties PENALTIES = new Penalties(0.5, 5);

    @Test
    void freeCoordinatesMoveOnlyTheFreeAtoms() {
        Structure founder = SearchFixtures.grid(4);
        StructureObjective f = new StructureObjective(founder, new int[] {1, 3}, SearchFixtures.lj(),
                LocalRelaxation.none(), PENALTIES, 0);
        assertEquals(6, f.dimension());
        double[] x0 = f.founderCoordinates();
        assertArrayEquals(new double[] {founder.position(1, 0), founder.position(1, 1), founder.position(1, 2),
            founder.position(3, 0), founder.position(3, 1), founder.position(3, 2)}, x0);
        double[] x = {9, 8, 7, 6, 5, 4};
        Structure s = f.structure(x);
        assertEquals(9, s.position(1, 0));
        assertEquals(4, s.position(3, 2));
        for (int k = 0; k < 3; k++) {
            assertEquals(founder.position(0, k), s.position(0, k));
            assertEquals(founder.position(2, k), s.position(2, k));
        }
    }

    @Test
    void fitnessIsThePotentialEnergy() {
        Structure founder = SearchFixtures.grid(5);
        LennardJones lj = SearchFixtures.lj();
        StructureObjective f = new StructureObjective(founder, new int[] {0, 1, 2, 3, 4}, lj, LocalRelaxation.none(),
                PENALTIES, 0);
        double[] x = f.founderCoordinates();
        x[0] += 0.1;
        Candidate c = f.evaluate(x);
        assertEquals(Candidate.Status.OK, c.status());
        assertEquals(lj.compute(f.structure(x)).energy(), c.fitness(), 1e-12);
        assertEquals(c.energy(), c.fitness());
        assertTrue(Double.isNaN(c.energyStd()));
        assertTrue(!f.committee());
    }

    @Test
    void overlapsGetAGradedPenaltyAboveEveryEnergy() {
        StructureObjective f = new StructureObjective(SearchFixtures.grid(3), new int[] {1}, SearchFixtures.lj(),
                LocalRelaxation.none(), PENALTIES, 0);
        Candidate near = f.evaluate(new double[] {0.4, 0, 0}); // 0.4 Å from atom 0
        Candidate nearer = f.evaluate(new double[] {0.1, 0, 0});
        assertEquals(Candidate.Status.OVERLAP, near.status());
        assertTrue(near.problem().contains("atoms 0 and 1"), near.problem());
        assertTrue(nearer.fitness() > near.fitness());
        assertTrue(near.fitness() >= Penalties.BASE && nearer.fitness() <= 2 * Penalties.BASE);
        Candidate onTop = f.evaluate(new double[] {0, 0, 0});
        assertEquals(2 * Penalties.BASE, onTop.fitness());
    }

    @Test
    void explodingCandidatesArePenalisedNotThrown() {
        StructureObjective f = new StructureObjective(SearchFixtures.grid(3), new int[] {1}, SearchFixtures.lj(),
                LocalRelaxation.none(), PENALTIES, 0);
        Candidate far = f.evaluate(new double[] {100, 0, 0});
        assertEquals(Candidate.Status.EXPLODED, far.status());
        assertTrue(far.problem().contains("moved"));
        Candidate nan = f.evaluate(new double[] {Double.NaN, 0, 0});
        assertEquals(Candidate.Status.EXPLODED, nan.status());
        assertEquals(3 * Penalties.BASE, nan.fitness());

        Potential failing = new Potential() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public double cutoff() {
                return 3;
            }

            @Override
            public boolean needsFullList() {
                return false;
            }

            @Override
            public Set<Property> supported() {
                return Set.of(Property.ENERGY);
            }

            @Override
            public Result compute(Structure s, NeighbourList list, Set<Property> requested) {
                if (s.position(1, 0) > 1.5) {
                    throw new IllegalStateException("diverged");
                }
                return Result.builder(s.size(), 0).energy(s.position(1, 0) > 1.3 ? Double.POSITIVE_INFINITY : -1).build();
            }
        };
        StructureObjective g = new StructureObjective(SearchFixtures.grid(3), new int[] {1}, failing,
                LocalRelaxation.none(), PENALTIES, 0);
        assertEquals(Candidate.Status.EXPLODED, g.evaluate(new double[] {1.6, 0, 0}).status());
        assertTrue(g.evaluate(new double[] {1.6, 0, 0}).problem().contains("diverged"));
        assertEquals(Candidate.Status.EXPLODED, g.evaluate(new double[] {1.4, 0, 0}).status());
        assertEquals(Candidate.Status.OK, g.evaluate(new double[] {1.2, 0, 0}).status());
    }

    @Test
    void committeeSpreadEntersTheFitnessAndTheLabels() {
        SearchFixtures.FakeCommittee committee = new SearchFixtures.FakeCommittee(SearchFixtures.lj());
        Structure founder = SearchFixtures.grid(4);
        StructureObjective f = new StructureObjective(founder, new int[] {0, 1, 2, 3}, committee,
                LocalRelaxation.none(), PENALTIES, 2.0);
        assertTrue(f.committee());
        Candidate c = f.evaluate(f.founderCoordinates());
        double e = SearchFixtures.lj().compute(founder).energy();
        double std = 0.01 * Math.abs(e) + 0.1;
        assertEquals(e, c.energy(), 1e-12);
        assertEquals(std, c.energyStd(), 1e-12);
        assertEquals(e + 2.0 * std, c.fitness(), 1e-12);
        Structure labelled = f.labelled(c);
        assertEquals(std, labelled.info("energy_std").orElseThrow().asDouble(), 1e-12);
        assertEquals(Math.sqrt(3) * 0.05, labelled.info("forces_std_max").orElseThrow().asDouble(), 1e-12);
        assertTrue(labelled.array("forces_std").isPresent());
        assertTrue(labelled.array("forces").isPresent());
    }

    @Test
    void relaxationHookGivesTheRelaxedEnergyAndStructure() {
        // a tetrahedron stretched by 15 %: steepest descent takes it to LJ4's minimum, E = −6ε
        double r = 1.15 * Math.pow(2, 1.0 / 6) / Math.sqrt(8);
        Structure founder = Structure.of(new int[] {18, 18, 18, 18},
                new double[] {r, r, r, r, -r, -r, -r, r, -r, -r, -r, r}, potentia.structure.Cell.NONE);
        StructureObjective plain = new StructureObjective(founder, new int[] {0, 1, 2, 3}, SearchFixtures.lj(),
                LocalRelaxation.none(), PENALTIES, 0);
        StructureObjective relaxed = new StructureObjective(founder, new int[] {0, 1, 2, 3}, SearchFixtures.lj(),
                new SteepestDescent(400, 0.004), PENALTIES, 0);
        double[] x = plain.founderCoordinates();
        Candidate before = plain.evaluate(x);
        Candidate after = relaxed.evaluate(x);
        assertTrue(after.fitness() < before.fitness() - 1, before.fitness() + " → " + after.fitness());
        assertEquals(-6.0, after.energy(), 1e-3); // LJ4's tetrahedron
        assertEquals(SearchFixtures.lj().compute(after.structure()).energy(), after.energy(), 1e-12);
    }

    @Test
    void refusesAnEmptyOrUnsortedSelection() {
        Structure founder = SearchFixtures.grid(3);
        assertThrows(IllegalArgumentException.class, () -> new StructureObjective(founder, new int[0],
                SearchFixtures.lj(), LocalRelaxation.none(), PENALTIES, 0));
        assertThrows(IllegalArgumentException.class, () -> new StructureObjective(founder, new int[] {2, 1},
                SearchFixtures.lj(), LocalRelaxation.none(), PENALTIES, 0));
    }
}
