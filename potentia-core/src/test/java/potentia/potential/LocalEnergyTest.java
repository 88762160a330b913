package potentia.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import potentia.potential.lj.CutoffMode;
import potentia.potential.lj.LennardJones;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

/**
 * Local energy changes of single-atom moves against full recomputation (the slow, obviously
 * right reference): every trial's change equals E(after) − E(before) from {@link Potential#compute},
 * and after a run of accepted moves the tracked energy still equals a full evaluation — for
 * large and small periodic cells (an atom meeting several images of a neighbour and its own
 * images), triclinic cells, clusters, and several species.
 */
class LocalEnergyTest {

    static Stream<Arguments> cases() throws Exception {
        SplittableRandom rng = new SplittableRandom(7);
        LennardJones ar = LennardJones.of(Element.Ar, 0.0104, 3.4, 8.5, CutoffMode.shifted());
        LennardJones mixed = LennardJones.builder().species(Element.Ar, 0.0104, 3.4, 7.0)
                .species(Element.Kr, 0.014, 3.6, 9.0).cutoffMode(CutoffMode.smooth(0.8)).build();
        LennardJones truncated = LennardJones.of(Element.Ar, 0.0104, 3.4, 8.5, CutoffMode.truncated());
        StillingerWeber si = StillingerWeber.silicon();
        StillingerWeber siGe = StillingerWeber.read(resource("sw/SiGe_synthetic.sw"));
        List<Element> ar1 = List.of(Element.Ar);
        List<Element> arKr = List.of(Element.Ar, Element.Kr);
        List<Element> si1 = List.of(Element.Si);
        List<Element> siGe2 = List.of(Element.Si, Element.Ge);
        boolean[] pbc = {true, true, true};
        return Stream.of(
                Arguments.of("LJ large cubic", ar, RandomStructures.randomAtoms(rng, Cell.orthorhombic(18, 18, 18), 40, ar1, 3.0)),
                Arguments.of("LJ small triclinic (several images)", ar,
                        RandomStructures.randomAtoms(rng, RandomStructures.randomCell(rng, 5, 7, 0.3, pbc), 5, ar1, 2.8)),
                Arguments.of("LJ truncated", truncated,
                        RandomStructures.randomAtoms(rng, RandomStructures.randomCell(rng, 9, 12, 0.2, pbc), 12, ar1, 3.0)),
                Arguments.of("LJ two species, smooth", mixed,
                        RandomStructures.randomAtoms(rng, RandomStructures.randomCell(rng, 10, 13, 0.2, pbc), 20, arKr, 3.0)),
                Arguments.of("LJ cluster", ar, cluster(rng, 13, ar1, 9, 3.0)),
                Arguments.of("SW diamond", si, RandomStructures.rattle(RandomStructures.diamond(5.431, 2), new java.util.Random(3), 0.1)),
                Arguments.of("SW dense random", si,
                        RandomStructures.randomAtoms(rng, RandomStructures.randomCell(rng, 9, 11, 0.2, pbc), 50, si1, 2.0)),
                Arguments.of("SW small cell (own images)", si,
                        RandomStructures.randomAtoms(rng, RandomStructures.randomCell(rng, 3.6, 4.5, 0.2, pbc), 3, si1, 2.0)),
                Arguments.of("SW cluster", si, cluster(rng, 20, si1, 7, 2.0)),
                Arguments.of("SW Si/Ge synthetic", siGe,
                        RandomStructures.randomAtoms(rng, RandomStructures.randomCell(rng, 8, 10, 0.25, pbc), 36, siGe2, 2.1)));
    }

    private static Structure cluster(SplittableRandom rng, int n, List<Element> species, double box, double minDistance) {
        Structure s = RandomStructures.randomAtoms(rng, Cell.of(new double[] {box, 0, 0, 0, box, 0, 0, 0, box},
                new boolean[3]), n, species, minDistance);
        return Structure.of(s.atomicNumbers(), s.positions(), Cell.NONE);
    }

    static Path resource(String name) throws Exception {
        return Path.of(LocalEnergyTest.class.getResource("/potentia/potential/" + name).toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trialChangesAndTrackedEnergyMatchFullEvaluation(String name, Potential potential, Structure start) {
        LocalMoves moves = ((LocalEnergy) potential).track(start).orElseThrow();
        double e0 = energy(potential, start);
        assertEquals(e0, moves.energy(), 1e-12 * Math.max(1, Math.abs(e0)), "energy at start");
        SplittableRandom rng = new SplittableRandom(name.hashCode());
        Structure now = start;
        double eNow = e0;
        int accepted = 0;
        for (int t = 0; t < 150; t++) {
            int i = rng.nextInt(start.size());
            double step = t % 3 == 0 ? 2.5 : 0.4;
            double[] x = now.positions();
            x[3 * i] += step * rng.nextGaussian();
            x[3 * i + 1] += step * rng.nextGaussian();
            x[3 * i + 2] += step * rng.nextGaussian();
            Structure moved = now.withPositions(x);
            double eMoved = energy(potential, moved);
            double change = moves.trial(i, x[3 * i], x[3 * i + 1], x[3 * i + 2]);
            double scale = Math.max(1, Math.max(Math.abs(eMoved), Math.abs(eNow)));
            if (Double.isFinite(eMoved) && Math.abs(eMoved) < 1e6) {
                assertEquals(eMoved - eNow, change, 1e-10 * scale, name + ": trial " + t + " moving atom " + i);
            }
            if (rng.nextBoolean() && Double.isFinite(change) && Math.abs(eMoved) < 1e3) {
                moves.accept();
                accepted++;
                now = moved;
                eNow = eMoved;
                assertEquals(eNow, moves.energy(), 1e-9 * Math.max(1, Math.abs(eNow)), name + ": tracked energy after " + t);
            }
        }
        assertTrue(accepted > 20, "enough accepted moves: " + accepted);
        assertEquals(energy(potential, moves.structure()), moves.energy(), 1e-9 * Math.max(1, Math.abs(eNow)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resetStartsOverFromNewPositions(String name, Potential potential, Structure start) {
        LocalMoves moves = ((LocalEnergy) potential).track(start).orElseThrow();
        Structure other = start.rattled(0.05, new java.util.Random(5));
        moves.reset(other.positions(), other.cell());
        assertEquals(energy(potential, other), moves.energy(), 1e-12 * Math.max(1, Math.abs(moves.energy())));
        int i = start.size() - 1;
        double[] x = other.positions();
        x[3 * i] += 0.3;
        double change = moves.trial(i, x[3 * i], x[3 * i + 1], x[3 * i + 2]);
        assertEquals(energy(potential, other.withPositions(x)) - energy(potential, other), change,
                1e-10 * Math.max(1, Math.abs(moves.energy())));
    }

    @org.junit.jupiter.api.Test
    void stillingerWeberWithLegOrderDependentTripletsHasNoLocalMoves() throws Exception {
        String text = Files.readString(resource("sw/SiGe_synthetic.sw"))
                .replace("Si Si Ge  2.0 0.0 0.0 23.0", "Si Si Ge  2.0 0.0 0.0 24.0");
        StillingerWeber asymmetric = StillingerWeber.of(
                potentia.potential.sw.StillingerWeberParameters.parse(text, "asymmetric", null));
        Structure s = RandomStructures.randomAtoms(new SplittableRandom(1), Cell.orthorhombic(8, 8, 8), 10,
                List.of(Element.Si, Element.Ge), 2.1);
        assertTrue(asymmetric.track(s).isEmpty());
        assertTrue(StillingerWeber.read(resource("sw/SiGe_synthetic.sw")).track(s).isPresent());
    }

    private static double energy(Potential p, Structure s) {
        return p.compute(s, EnumSet.of(Property.ENERGY)).energy();
    }
}
