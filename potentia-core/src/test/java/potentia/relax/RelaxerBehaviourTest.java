package potentia.relax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import potentia.neighbour.NeighbourList;
import potentia.potential.ForwardingPotential;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.AtomArray;
import potentia.structure.Cell;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.InfoValue;
import potentia.structure.Structure;
import potentia.units.Units;

class RelaxerBehaviourTest {
    private static final StillingerWeber SW = StillingerWeber.silicon();
    private static final double A0 = 4 * Math.pow(2, 1.0 / 6) * 2.0951 / Math.sqrt(3);

    private static Structure rattledSilicon(long seed) {
        return Crystals.diamond(Element.Si, A0).repeat(2, 2, 2).rattled(0.15, new SplittableRandom(seed));
    }

    @ParameterizedTest
    @EnumSource(RelaxOptions.Algorithm.class)
    void rattledSiliconRelaxesBelowTheForceThreshold(RelaxOptions.Algorithm algorithm) {
        Structure start = rattledSilicon(11);
        assertTrue(SW.compute(start).maxForce() > 0.5, "the start is far from the minimum");
        RelaxOptions options = RelaxOptions.builder().algorithm(algorithm).fmax(1e-3).maxSteps(1000).build();
        RelaxResult r = Relaxer.relax(SW, start, options);
        assertTrue(r.converged(), r.message());
        Result check = SW.compute(r.structure());
        assertTrue(check.maxForce() <= 1e-3, "independent evaluation of the final structure: " + check.maxForce());
        assertEquals(check.energy(), r.energy(), 1e-9);
        assertEquals(check.maxForce(), r.fmax(), 1e-12);
        assertEquals(-4.3366 * start.size(), r.energy(), 1e-3 * start.size(), "back to the diamond minimum");
        assertEquals(r.steps() + 1, r.evaluations());
        assertTrue(r.message().startsWith("converged in " + r.steps() + " steps"), r.message());
        assertEquals(start.cell(), r.structure().cell(), "positions only: the cell is untouched");
        assertEquals(r.energy(), r.structure().info("energy").orElseThrow().asDouble(), 0.0, "energy label attached");
        assertTrue(r.structure().array("forces").isPresent());
    }

    /** Under pressure p the cell minimises H = E + pV; for diamond (no internal freedom) that is min_a E(a) + pa³. */
    @ParameterizedTest
    @EnumSource(RelaxOptions.Algorithm.class)
    void enthalpyDecreasesAndVolumeShrinksUnderPressure(RelaxOptions.Algorithm algorithm) {
        double p = Units.fromGPa(10);
        Structure start = Crystals.diamond(Element.Si, A0);
        double e0 = SW.compute(start).energy();
        double h0 = e0 + p * start.cell().volume();
        RelaxOptions options = RelaxOptions.builder().algorithm(algorithm).fmax(1e-4).maxSteps(2000)
                .cell(new CellRelaxation(p, Units.fromGPa(1e-3), 0)).build();
        RelaxResult r = Relaxer.relax(SW, start, options);
        assertTrue(r.converged(), r.message());
        double v = r.structure().cell().volume();
        assertTrue(v < 0.95 * start.cell().volume(), "volume shrinks: " + v);
        assertTrue(r.enthalpy() < h0, "enthalpy decreases: " + r.enthalpy() + " vs " + h0);
        assertEquals(r.energy() + p * v, r.enthalpy(), 1e-9);
        double pressure = SW.compute(r.structure()).pressure();
        assertEquals(10, Units.toGPa(pressure), 1e-3, "the final pressure is the target");
        double aExpected = RelaxerMinimaTest.goldenMinimum(
                a -> SW.compute(Crystals.diamond(Element.Si, a)).energy() + p * a * a * a, 4.8, 5.6);
        for (double l : r.structure().cell().lengths()) {
            assertEquals(aExpected, l, 1e-4, "lattice constant minimising E(a) + pa³");
        }
    }

    @ParameterizedTest
    @EnumSource(RelaxOptions.Algorithm.class)
    void fixedAtomsDoNotMove(RelaxOptions.Algorithm algorithm) {
        Structure start = rattledSilicon(12);
        boolean[] perAtomMask = new boolean[start.size()];
        java.util.Arrays.fill(perAtomMask, true);
        perAtomMask[5] = false;
        boolean[] xyz = new boolean[3 * start.size()];
        java.util.Arrays.fill(xyz, true);
        xyz[3 * 9 + 2] = false;
        start = start.withArray("move_mask", new AtomArray.Bools(perAtomMask, 1));
        RelaxOptions options = RelaxOptions.builder().algorithm(algorithm).fmax(1e-3).maxSteps(1000)
                .fix(0, 17).moveMask(xyz).build();
        RelaxResult r = Relaxer.relax(SW, start, options);
        assertTrue(r.converged(), r.message());
        for (int i : new int[] {0, 5, 17}) {
            for (int k = 0; k < 3; k++) {
                assertEquals(start.position(i, k), r.structure().position(i, k), 0.0, "fixed atom " + i);
            }
        }
        assertEquals(start.position(9, 2), r.structure().position(9, 2), 0.0, "fixed z of atom 9");
        assertTrue(Math.abs(start.position(9, 0) - r.structure().position(9, 0)) > 1e-4, "atom 9 moves in x");
        assertTrue(Math.abs(start.position(1, 0) - r.structure().position(1, 0)) > 1e-4, "free atoms move");
        assertTrue(r.structure().array("move_mask").isPresent(), "the mask travels with the structure");
    }

    @Test
    void fixedAtomsKeepTheirFractionalCoordinatesWhenTheCellRelaxes() {
        Structure start = Crystals.diamond(Element.Si, 5.55).rattled(0.05, new SplittableRandom(2));
        RelaxOptions options = RelaxOptions.builder().fix(3).fmax(1e-3).maxSteps(2000)
                .cell(CellRelaxation.stressFree()).build();
        RelaxResult r = Relaxer.relax(SW, start, options);
        assertTrue(r.converged(), r.message());
        double[] s0 = start.cell().toFractional(start.positions());
        double[] s1 = r.structure().cell().toFractional(r.structure().positions());
        for (int k = 0; k < 3; k++) {
            assertEquals(s0[9 + k], s1[9 + k], 1e-12, "fractional coordinate " + k + " of the fixed atom");
        }
        assertTrue(r.structure().cell().volume() < start.cell().volume() - 1, "the cell did relax");
    }

    /** F stays symmetric, so the cell stretches without turning: h₀⁻¹h = Fᵀ is symmetric. */
    @ParameterizedTest
    @EnumSource(RelaxOptions.Algorithm.class)
    void theCellDoesNotRotate(RelaxOptions.Algorithm algorithm) {
        Structure start = Crystals.diamond(Element.Si, 5.5).repeat(1, 1, 2).rattled(0.1, new SplittableRandom(8));
        RelaxOptions options = RelaxOptions.builder().algorithm(algorithm).fmax(1e-3).maxSteps(2000)
                .cell(CellRelaxation.stressFree()).build();
        RelaxResult r = Relaxer.relax(SW, start, options);
        assertTrue(r.converged(), r.message());
        Cell c = r.structure().cell();
        double offDiagonal = Math.abs(c.get(0, 1)) + Math.abs(c.get(0, 2)) + Math.abs(c.get(1, 2));
        assertTrue(offDiagonal > 1e-6, "the rattled cell shears a little: " + c);
        double[] inv = start.cell().inverse();
        double[] ft = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                for (int k = 0; k < 3; k++) {
                    ft[3 * a + b] += inv[3 * a + k] * c.get(k, b);
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < a; b++) {
                assertEquals(ft[3 * a + b], ft[3 * b + a], 1e-12, "F[" + a + "][" + b + "]");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(RelaxOptions.Algorithm.class)
    void nonConvergenceIsReported(RelaxOptions.Algorithm algorithm) {
        List<RelaxStep> seen = new ArrayList<>();
        RelaxOptions options = RelaxOptions.builder().algorithm(algorithm).fmax(1e-3).maxSteps(3).build();
        RelaxResult r = Relaxer.relax(SW, rattledSilicon(13), options, seen::add);
        assertFalse(r.converged());
        assertEquals(RelaxResult.Status.MAX_STEPS, r.status());
        assertEquals(3, r.steps());
        assertEquals(4, r.evaluations());
        assertTrue(r.message().startsWith("not converged after 3 steps"), r.message());
        assertTrue(r.message().contains("> 0.001 eV/Å"), r.message());
        assertEquals(4, seen.size(), "the start and three steps are observed");
        for (int k = 0; k < seen.size(); k++) {
            assertEquals(k, seen.get(k).step());
        }
        assertEquals(r.energy(), seen.get(3).energy(), 0.0);
    }

    @Test
    void zeroStepsOnlyEvaluatesTheStart() {
        Structure start = rattledSilicon(14);
        RelaxResult r = Relaxer.relax(SW, start, RelaxOptions.builder().maxSteps(0).build());
        assertEquals(RelaxResult.Status.MAX_STEPS, r.status());
        assertArrayEquals(start.positions(), r.structure().positions());
    }

    @Test
    void lbfgsNeverAcceptsAStepThatRaisesTheEnergy() {
        List<RelaxStep> seen = new ArrayList<>();
        RelaxOptions options = RelaxOptions.builder().algorithm(RelaxOptions.Algorithm.LBFGS).fmax(1e-4)
                .maxSteps(500).build();
        RelaxResult r = Relaxer.relax(SW, rattledSilicon(15), options, seen::add);
        assertTrue(r.converged(), r.message());
        for (int k = 1; k < seen.size(); k++) {
            double rise = seen.get(k).energy() - seen.get(k - 1).energy();
            assertTrue(rise <= 1e-11 * (Math.abs(seen.get(k - 1).energy()) + 1), "step " + k + " rose by " + rise);
        }
    }

    @ParameterizedTest
    @EnumSource(RelaxOptions.Algorithm.class)
    void nonFiniteResultsStopWithAClearMessage(RelaxOptions.Algorithm algorithm) {
        Potential faulty = new NaNAfter(SW, 5);
        RelaxOptions options = RelaxOptions.builder().algorithm(algorithm).maxSteps(100).build();
        Structure start = rattledSilicon(16);
        RelaxResult r = Relaxer.relax(faulty, start, options);
        assertEquals(RelaxResult.Status.NOT_FINITE, r.status());
        assertEquals(5, r.steps(), "the start and steps 1..4 are finite, step 5 is not");
        assertEquals("the potential returned a non-finite energy at step 5; stopped at the last finite structure "
                + "(step 4)", r.message());
        assertTrue(Double.isFinite(r.energy()));
        assertTrue(Double.isFinite(r.structure().info("energy").orElseThrow().asDouble()));
    }

    @Test
    void slabRelaxesOnlyItsPeriodicLatticeVectors() {
        // a slab stretched 3 % in plane: relaxing the periodic vectors must shrink them
        Structure bulk = Crystals.diamond(Element.Si, A0).repeat(2, 2, 1);
        double[] h = bulk.cell().matrix();
        h[8] = 25;
        Structure slab = bulk.withCell(Cell.of(h, new boolean[] {true, true, false}), false);
        h[0] *= 1.03;
        h[4] *= 1.03;
        slab = slab.withCell(Cell.of(h, new boolean[] {true, true, false}), true).rattled(0.02, new SplittableRandom(4));
        RelaxOptions options = RelaxOptions.builder().fmax(2e-3).maxSteps(3000)
                .cell(CellRelaxation.stressFree().withSmax(Units.fromGPa(0.01))).build();
        RelaxResult r = Relaxer.relax(SW, slab, options);
        assertTrue(r.converged(), r.message());
        Cell c = r.structure().cell();
        assertArrayEquals(slab.cell().vector(2), c.vector(2), 1e-12, "the vacuum vector stays");
        assertTrue(c.get(0, 0) < h[0] - 0.2 && c.get(1, 1) < h[4] - 0.2, "the in-plane vectors shrink: " + c);
        assertArrayEquals(new boolean[] {true, true, false}, c.pbc());
        double[] stress = SW.compute(r.structure()).stress();
        assertEquals(0, Units.toGPa(stress[0]), 0.011);
        assertEquals(0, Units.toGPa(stress[4]), 0.011);
    }

    @Test
    void badRequestsAreRefusedClearly() {
        Structure slab = Crystals.diamond(Element.Si, A0).withCell(Cell.of(
                new double[] {A0, 0, 0, 0, A0, 0, 0, 0, 20}, new boolean[] {true, true, false}), false);
        var pressure = RelaxOptions.builder().cell(CellRelaxation.atPressure(Units.fromGPa(1))).build();
        var e1 = assertThrows(IllegalArgumentException.class, () -> Relaxer.relax(SW, slab, pressure));
        assertTrue(e1.getMessage().contains("periodic along all three axes"), e1.getMessage());

        var e2 = assertThrows(IllegalArgumentException.class,
                () -> Relaxer.relax(SW, slab, RelaxOptions.builder().fix(8).build()));
        assertEquals("fixed atom 8 does not exist (the structure has 8 atoms, indices 0..7)", e2.getMessage());

        Structure cluster = Structure.of(List.of(Element.Si, Element.Si), new double[] {0, 0, 0, 2.3, 0, 0}, Cell.NONE);
        var e3 = assertThrows(IllegalArgumentException.class, () -> Relaxer.relax(SW, cluster,
                RelaxOptions.builder().cell(CellRelaxation.stressFree()).build()));
        assertTrue(e3.getMessage().contains("needs a periodic cell"), e3.getMessage());

        var e4 = assertThrows(IllegalArgumentException.class, () -> Relaxer.relax(new NoStress(SW), slab,
                RelaxOptions.builder().cell(CellRelaxation.stressFree()).build()));
        assertTrue(e4.getMessage().contains("does not compute the stress"), e4.getMessage());

        var e5 = assertThrows(IllegalArgumentException.class, () -> RelaxOptions.builder().fmax(0).build());
        assertTrue(e5.getMessage().contains("fmax"));

        var e6 = assertThrows(IllegalArgumentException.class, () -> Relaxer.relax(SW,
                slab.withArray("move_mask", new AtomArray.Ints(new long[8], 1)), RelaxOptions.defaults()));
        assertTrue(e6.getMessage().contains("move_mask"), e6.getMessage());
    }

    @Test
    void staleLabelsOfTheInputAreReplaced() {
        Structure start = rattledSilicon(17).withInfo("energy", new InfoValue.Real(123))
                .withArray("energies", new AtomArray.Reals(new double[64], 1)).withInfo("note", new InfoValue.Text("kept"));
        RelaxResult r = Relaxer.relax(new NoStress(SW), start, RelaxOptions.builder().fmax(0.05).build());
        assertEquals(r.energy(), r.structure().info("energy").orElseThrow().asDouble(), 0.0);
        assertFalse(r.structure().array("energies").isPresent(), "not recomputed, so dropped rather than stale");
        assertEquals("kept", ((InfoValue.Text) r.structure().info("note").orElseThrow()).value());
    }

    /** SW whose n-th evaluation (0-based) and later return a NaN energy. */
    private record NaNAfter(Potential inner, int n, int[] calls) implements ForwardingPotential {
        NaNAfter(Potential inner, int n) {
            this(inner, n, new int[1]);
        }

        @Override
        public String name() {
            return "faulty";
        }

        @Override
        public Result compute(Structure s, NeighbourList list, Set<Property> requested) {
            Result r = inner.compute(s, list, requested);
            if (calls[0]++ < n) {
                return r;
            }
            return Result.builder(s.size(), s.cell().volume()).energy(Double.NaN).forces(r.forces()).build();
        }
    }

    /** A potential offering only energy and forces. */
    private record NoStress(Potential inner) implements ForwardingPotential {
        @Override
        public String name() {
            return "no-stress";
        }

        @Override
        public Set<Property> supported() {
            return EnumSet.of(Property.ENERGY, Property.FORCES);
        }

        @Override
        public Result compute(Structure s, NeighbourList list, Set<Property> requested) {
            Result r = inner.compute(s, list, EnumSet.of(Property.ENERGY, Property.FORCES));
            return Result.builder(s.size(), s.cell().volume()).energy(r.energy()).forces(r.forces()).build();
        }
    }
}
