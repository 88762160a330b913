package potentia.potential.sw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.structure.Element;

class StillingerWeberParametersTest {
    private static final String SI = "Si Si Si 2.1683 2.0951 1.80 21.0 1.20 -0.333333333333 7.049556277 0.6022245584 4.0 0.0 0.0\n";

    @Test
    void readsTheMultiElementFileWithCommentsAndEntriesSpanningLines() {
        StillingerWeberParameters p = StillingerWeberParameters.read(StillingerWeberTest.resource("SiGe_synthetic.sw"));
        assertEquals(List.of(Element.Si, Element.Ge), p.elements());
        assertEquals(8, p.entries().size());
        SwTriplet siSiSi = p.entry(Element.Si, Element.Si, Element.Si);
        assertEquals(2.0951, siSiSi.sigma());
        assertEquals(0.6022245584, siSiSi.bigB()); // from the entry's second line
        SwTriplet geGeSi = p.entry(Element.Ge, Element.Ge, Element.Si);
        assertEquals(28.0, geGeSi.lambda());
        assertEquals(-0.34, geGeSi.cosTheta0());
        SwTriplet siGeGe = p.entry(Element.Si, Element.Ge, Element.Ge);
        assertEquals(4.5, siGeGe.p());
        assertEquals(0.5, siGeGe.q());
        assertEquals(1.10, siGeGe.gamma());
        assertEquals(1.80 * 2.181, p.cutoff(), 1e-15);
    }

    @Test
    void builtInSiliconIsLammpsSiSwWithExactTetrahedralAngle() {
        StillingerWeberParameters file = StillingerWeberParameters.parse(
                "# DATE: 2007-06-11 UNITS: metal\n" + SI, "Si.sw", null);
        SwTriplet f = file.entry(Element.Si, Element.Si, Element.Si);
        SwTriplet b = StillingerWeberParameters.silicon().entry(Element.Si, Element.Si, Element.Si);
        assertEquals(new SwTriplet(Element.Si, Element.Si, Element.Si, 2.1683, 2.0951, 1.80, 21.0, 1.20, -1.0 / 3,
                7.049556277, 0.6022245584, 4.0, 0.0, 0.0), b);
        assertEquals(f.epsilon(), b.epsilon());
        assertEquals(f.sigma(), b.sigma());
        assertEquals(f.cosTheta0(), b.cosTheta0(), 1e-12);
    }

    @Test
    void keepsOnlyTheRequestedElementsAsLammpsDoes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mixed.sw");
        Files.writeString(f, SI + "mW mW mW 0.268381 2.3925 1.8 23.15 1.2 -0.333333333333 7.049556277 0.6022245584 4.0 0.0 0.0\n");
        StillingerWeberParameters si = StillingerWeberParameters.read(f, List.of(Element.Si));
        assertEquals(List.of(Element.Si), si.elements());
        var e = assertThrows(IllegalArgumentException.class, () -> StillingerWeberParameters.read(f));
        assertTrue(e.getMessage().contains("mixed.sw, line 2") && e.getMessage().contains("'mW'"), e.getMessage());
        var none = assertThrows(IllegalArgumentException.class,
                () -> StillingerWeberParameters.read(f, List.of(Element.Si, Element.C)));
        assertTrue(none.getMessage().contains("C"), none.getMessage());
        StillingerWeberParameters siGe = StillingerWeberParameters.read(
                StillingerWeberTest.resource("SiGe_synthetic.sw"), List.of(Element.Ge));
        assertEquals(List.of(Element.Ge), siGe.elements());
        assertEquals(1, siGe.entries().size());
    }

    @Test
    void missingTripletIsNamedWithTheFile() {
        String text = SI + "Ge Ge Ge 1.93 2.181 1.80 31.0 1.20 -0.333333333333 7.049556277 0.6022245584 4.0 0.0 0.0\n"
                + "Si Ge Ge 2.0 2.1 1.8 21 1.2 -0.3333 7.0 0.6 4 0 0\n";
        var e = assertThrows(IllegalArgumentException.class, () -> StillingerWeberParameters.parse(text, "SiGe.sw", null));
        assertTrue(e.getMessage().startsWith("SiGe.sw") && e.getMessage().contains("Si Si Ge"), e.getMessage());
    }

    @Test
    void badEntriesAreReportedWithFileAndLine() {
        assertError("# c\n\nSi Si Si 2.1683 2.0951 1.80 21.0 1.20 -0.33 7.04 0.60 4.0 0.0 0.0 9\n",
                "x.sw, line 3", "15 fields");
        assertError("Si Si Si 2.1683 2.0951 1.80\n  21.0 1.20 -0.33 7.04 # comment\n",
                "x.sw, line 1", "10 of 14");
        assertError("Si Si Si 2.1683 2.0951 1.80 21.0 1.20 -0.33 7.04 0.6O 4.0 0.0 0.0\n",
                "x.sw, line 1", "B of Si Si Si is not a number: '0.6O'");
        assertError("\n\nSi Si Si 2.1683 -2.0951 1.80 21.0 1.20 -0.33 7.04 0.60 4.0 0.0 0.0\n",
                "x.sw, line 3", "sigma must be ≥ 0");
        assertError(SI + "\n" + SI, "x.sw, line 3", "duplicate entry for Si Si Si (first at line 1)");
        assertError("# DATE: 2020 UNITS: real\n" + SI, "x.sw, line 1", "'real' units");
        assertError("# only comments\n", "x.sw", "no Stillinger-Weber entries");
    }

    private static void assertError(String text, String where, String what) {
        var e = assertThrows(IllegalArgumentException.class, () -> StillingerWeberParameters.parse(text, "x.sw", null));
        assertTrue(e.getMessage().startsWith(where) && e.getMessage().contains(what), e.getMessage());
    }

    @Test
    void lammpsToleranceShortensTheNeighbourCutoffOnly() {
        SwTriplet t = new SwTriplet(Element.Si, Element.Si, Element.Si, 2.1683, 2.0951, 1.80, 21.0, 1.20, -1.0 / 3,
                7.049556277, 0.6022245584, 4.0, 0.0, 0.5);
        // tol is capped at 0.01; exp(σ/(r − aσ)) = 0.01 at r = aσ + σ/ln 0.01
        assertEquals(1.8 * 2.0951 + 2.0951 / Math.log(0.01), t.shortCutoff(), 1e-14);
        assertEquals(1.8 * 2.0951, t.cut(), 1e-15);
        assertTrue(Math.abs(Math.exp(t.sigma() / (t.shortCutoff() - t.cut())) - 0.01) < 1e-14);
    }

    @Test
    void unreadableFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.sw");
        var e = assertThrows(java.io.UncheckedIOException.class, () -> StillingerWeberParameters.read(missing));
        assertTrue(e.getMessage().contains("nope.sw"), e.getMessage());
        assertTrue(Set.of(Element.Si).containsAll(StillingerWeberParameters.silicon().elements()));
    }
}
