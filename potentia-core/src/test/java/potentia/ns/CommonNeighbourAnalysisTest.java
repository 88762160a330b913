package potentia.ns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import potentia.structure.Cell;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * Structure identification on perfect and thermally disordered crystals built independently
 * of the classifier (fcc, hcp, bcc, cubic and hexagonal diamond, the 13-atom icosahedron),
 * including cells so small that an atom meets several images of a neighbour, and a random
 * structure that must not be called a crystal.
 */
class CommonNeighbourAnalysisTest {

    @Test
    void perfectAndRattledCrystals() {
        Random rng = new Random(1);
        check(Crystals.fcc(Element.Ar, 5.26).repeat(2, 2, 2), StructureType.FCC, 12);
        check(Crystals.fcc(Element.Ar, 5.26), StructureType.FCC, 12);
        check(Crystals.fcc(Element.Ar, 5.26).repeat(3, 3, 3).rattled(0.08, rng), StructureType.FCC, 12);
        check(Crystals.bcc(Element.Fe, 2.87).repeat(3, 3, 3), StructureType.BCC, 14);
        check(Crystals.diamond(Element.Si, 5.431).repeat(2, 2, 2), StructureType.CUBIC_DIAMOND, 4);
        check(Crystals.diamond(Element.Si, 5.431).repeat(2, 2, 2).rattled(0.08, rng), StructureType.CUBIC_DIAMOND, 4);
        check(hcp(3.7).repeat(3, 2, 2), StructureType.HCP, 12);
        check(hcp(3.7).repeat(3, 2, 2).rattled(0.06, rng), StructureType.HCP, 12);
        check(lonsdaleite(3.84).repeat(3, 2, 2), StructureType.HEXAGONAL_DIAMOND, 4);
    }

    @Test
    void icosahedronCentreAndRandomAtoms() {
        StructureType[] ico = CommonNeighbourAnalysis.classify(icosahedron(3.8));
        assertEquals(StructureType.ICOSAHEDRAL, ico[0]);
        Structure random = potentia.testing.RandomStructures.randomAtoms(new java.util.SplittableRandom(3),
                Cell.orthorhombic(12, 12, 12), 60, java.util.List.of(Element.Ar), 2.5);
        Map<StructureType, Double> f = CommonNeighbourAnalysis.fractions(CommonNeighbourAnalysis.classify(random));
        assertTrue(f.getOrDefault(StructureType.OTHER, 0.0) > 0.9, "random atoms are no crystal: " + f);
    }

    private static void check(Structure s, StructureType expected, double coordination) {
        Map<StructureType, Double> f = CommonNeighbourAnalysis.fractions(CommonNeighbourAnalysis.classify(s));
        assertTrue(f.getOrDefault(expected, 0.0) > 0.95, expected + " expected: " + f);
        assertEquals(coordination, CommonNeighbourAnalysis.coordination(s), 0.3, "coordination of " + expected);
    }

    /** Ideal hcp (c/a = √(8/3)) in its orthohexagonal 4-atom cell, nearest distance a. */
    static Structure hcp(double a) {
        double c = a * Math.sqrt(8.0 / 3.0);
        double b = a * Math.sqrt(3);
        double[] f = {0, 0, 0, 0.5, 0.5, 0, 0.5, 1.0 / 6, 0.5, 0, 2.0 / 3, 0.5};
        return fromFractional(Element.Ar, new double[] {a, 0, 0, 0, b, 0, 0, 0, c}, f);
    }

    /** Ideal lonsdaleite (hexagonal diamond), orthohexagonal 8-atom cell, lattice constant a. */
    static Structure lonsdaleite(double a) {
        double c = a * Math.sqrt(8.0 / 3.0);
        double b = a * Math.sqrt(3);
        double u = 3.0 / 8.0;
        double[] base = {0, 0, 0, 0.5, 0.5, 0, 0.5, 1.0 / 6, 0.5, 0, 2.0 / 3, 0.5};
        double[] f = new double[24];
        for (int k = 0; k < 4; k++) {
            f[3 * k] = base[3 * k];
            f[3 * k + 1] = base[3 * k + 1];
            f[3 * k + 2] = base[3 * k + 2];
            f[12 + 3 * k] = base[3 * k];
            f[12 + 3 * k + 1] = base[3 * k + 1];
            f[12 + 3 * k + 2] = base[3 * k + 2] + u;
        }
        return fromFractional(Element.Si, new double[] {a, 0, 0, 0, b, 0, 0, 0, c}, f);
    }

    private static Structure fromFractional(Element e, double[] h, double[] f) {
        Cell cell = Cell.periodic(h);
        int n = f.length / 3;
        java.util.List<Element> species = java.util.Collections.nCopies(n, e);
        return Structure.of(species, cell.toCartesian(f), cell);
    }

    /** A centred icosahedron of 13 atoms, centre–vertex distance r. */
    static Structure icosahedron(double r) {
        double phi = (1 + Math.sqrt(5)) / 2;
        double[][] v = {{0, 1, phi}, {0, -1, phi}, {0, 1, -phi}, {0, -1, -phi}, {1, phi, 0}, {-1, phi, 0},
            {1, -phi, 0}, {-1, -phi, 0}, {phi, 0, 1}, {-phi, 0, 1}, {phi, 0, -1}, {-phi, 0, -1}};
        double[] x = new double[39];
        double norm = Math.sqrt(1 + phi * phi);
        for (int k = 0; k < 12; k++) {
            for (int c = 0; c < 3; c++) {
                x[3 + 3 * k + c] = v[k][c] * r / norm;
            }
        }
        return Structure.of(java.util.Collections.nCopies(13, Element.Ar), x, Cell.NONE);
    }
}
