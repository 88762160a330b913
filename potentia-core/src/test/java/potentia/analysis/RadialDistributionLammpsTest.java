package potentia.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import potentia.io.ExtxyzReader;
import potentia.structure.Element;

/**
 * Same g(r) and coordination numbers as LAMMPS's {@code compute rdf} (its normalisation is the
 * one documented in {@link RadialDistribution}) on a random Si–Ge structure, total and all four
 * ordered pairs, bin by bin (see resources/potentia/analysis/README.md).
 */
class RadialDistributionLammpsTest {

    private static Path resource(String name) {
        try {
            return Path.of(RadialDistributionLammpsTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void matchesLammpsComputeRdf() throws IOException {
        var s = ExtxyzReader.readAll(resource("lammps-rdf-structure.extxyz")).get(0);
        Rdf rdf = RadialDistribution.of(List.of(s), 6.0, 60);
        List<String> rows = Files.readAllLines(resource("lammps-rdf.txt")).stream()
                .filter(l -> !l.startsWith("#")).skip(1).toList();
        assertEquals(60, rows.size());
        SpeciesPair[] pairs = {SpeciesPair.parse("Ge-Ge"), SpeciesPair.parse("Ge-Si"), SpeciesPair.parse("Si-Ge"),
            SpeciesPair.parse("Si-Si")};
        double checked = 0;
        for (int k = 0; k < 60; k++) {
            String[] c = rows.get(k).trim().split("\\s+");
            assertEquals(Double.parseDouble(c[1]), rdf.r()[k], 1e-12, "bin centre");
            for (int p = 0; p < 4; p++) {
                double g = Double.parseDouble(c[2 + 2 * p]);
                double n = Double.parseDouble(c[3 + 2 * p]);
                assertEquals(g, rdf.partial(pairs[p])[k], 1e-5 * Math.max(1, g), pairs[p] + " g, bin " + k);
                assertEquals(n, rdf.coordination(pairs[p])[k], 1e-5 * Math.max(1, n), pairs[p] + " n, bin " + k);
                checked += g;
            }
            assertEquals(Double.parseDouble(c[10]), rdf.total()[k], 1e-5 * Math.max(1, rdf.total()[k]), "total g, bin " + k);
            assertEquals(Double.parseDouble(c[11]), rdf.totalCoordination()[k], 1e-5 * Math.max(1, rdf.totalCoordination()[k]),
                    "total n, bin " + k);
        }
        assertEquals(true, checked > 10, "the reference is not empty");
        assertEquals(Element.Ge, pairs[0].centre());
    }
}
