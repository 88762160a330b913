package potentia.potential.sw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import potentia.potential.SpeciesIndex;
import potentia.structure.Element;

/**
 * A complete Stillinger-Weber parameter set: one {@link SwTriplet} for every ordered triplet of
 * its elements, as LAMMPS's {@code pair_style sw} requires (it does not fall back from A-C-B to
 * A-B-C). Immutable.
 *
 * <p>{@link #read(Path)} parses LAMMPS {@code .sw} files: {@code #} starts a comment, an entry is
 * 3 element names and 11 numbers and may span lines, and a file may hold entries for several
 * elements; like LAMMPS, {@link #read(Path, Collection)} keeps only the entries whose three
 * elements are all among those asked for. Errors name the file, the line and what is wrong.
 */
public final class StillingerWeberParameters {
    private final String source;
    private final SpeciesIndex species;
    private final SwTriplet[] table;
    private final List<SwTriplet> entries;

    private StillingerWeberParameters(String source, SpeciesIndex species, SwTriplet[] table, List<SwTriplet> entries) {
        this.source = source;
        this.species = species;
        this.table = table;
        this.entries = entries;
    }

    /**
     * The original silicon parameters (Stillinger &amp; Weber, Phys. Rev. B 31, 5262 (1985)) in
     * metal units, as in LAMMPS's {@code Si.sw} except that cos θ₀ is exactly −1/3 (the file
     * rounds it to −0.333333333333).
     */
    public static StillingerWeberParameters silicon() {
        Element si = Element.Si;
        return of(List.of(new SwTriplet(si, si, si, 2.1683, 2.0951, 1.80, 21.0, 1.20, -1.0 / 3.0,
                7.049556277, 0.6022245584, 4.0, 0.0, 0.0)), "original Si, 1985");
    }

    /**
     * A parameter set from entries.
     *
     * @param source where they came from, for messages
     * @throws IllegalArgumentException on a duplicate triplet or a missing one
     */
    public static StillingerWeberParameters of(List<SwTriplet> entries, String source) {
        Set<Element> elements = new LinkedHashSet<>();
        for (SwTriplet t : entries) {
            elements.add(t.first());
            elements.add(t.second());
            elements.add(t.third());
        }
        if (elements.isEmpty()) {
            throw new IllegalArgumentException(source + ": no Stillinger-Weber entries");
        }
        SpeciesIndex species = new SpeciesIndex(List.copyOf(elements));
        int n = species.size();
        SwTriplet[] table = new SwTriplet[n * n * n];
        for (SwTriplet t : entries) {
            int m = index(species, n, t.first(), t.second(), t.third());
            if (table[m] != null) {
                throw new IllegalArgumentException(source + ": duplicate entry for " + t.label());
            }
            table[m] = t;
        }
        for (Element i : species.elements()) {
            for (Element j : species.elements()) {
                for (Element k : species.elements()) {
                    if (table[index(species, n, i, j, k)] == null) {
                        throw new IllegalArgumentException(source + ": no entry for the triplet " + i + " " + j + " " + k
                                + " (needed for the elements " + species.elements() + ")");
                    }
                }
            }
        }
        return new StillingerWeberParameters(source, species, table, List.copyOf(entries));
    }

    /** Reads every entry of a LAMMPS {@code .sw} file; the file must be complete for all its elements. */
    public static StillingerWeberParameters read(Path file) {
        return parse(readText(file), file.toString(), null);
    }

    /**
     * Reads the entries of a LAMMPS {@code .sw} file whose three elements are all in
     * {@code elements} (others are skipped, as LAMMPS's {@code pair_coeff * * file.sw Si Ge}
     * does); those must be complete.
     */
    public static StillingerWeberParameters read(Path file, Collection<Element> elements) {
        return parse(readText(file), file.toString(), Set.copyOf(elements));
    }

    /**
     * Parses the text of a {@code .sw} file.
     *
     * @param source a name for messages (the file)
     * @param keep elements to keep (entries naming others are skipped, names that are no
     *     element included), or null to keep all, every name then being an element symbol
     */
    public static StillingerWeberParameters parse(String text, String source, Set<Element> keep) {
        String[] lines = text.split("\r?\n", -1);
        checkUnits(lines, source);
        List<SwTriplet> entries = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<String> fields = new ArrayList<>();
        int entryLine = 0;
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (fields.isEmpty()) {
                entryLine = ln + 1;
            }
            for (String w : trimmed.split("\\s+")) {
                fields.add(w);
            }
            if (fields.size() > 14) {
                throw new IllegalArgumentException(where(source, entryLine) + "entry has " + fields.size()
                        + " fields, expected 14 (e1 e2 e3 epsilon sigma a lambda gamma costheta0 A B p q tol)");
            }
            if (fields.size() == 14) {
                SwTriplet t = entry(fields, source, entryLine, keep);
                if (t != null) {
                    Integer previous = firstLine.putIfAbsent(t.label(), entryLine);
                    if (previous != null) {
                        throw new IllegalArgumentException(where(source, entryLine) + "duplicate entry for "
                                + t.label() + " (first at line " + previous + ")");
                    }
                    entries.add(t);
                }
                fields.clear();
            }
        }
        if (!fields.isEmpty()) {
            throw new IllegalArgumentException(where(source, entryLine) + "file ends inside an entry: "
                    + fields.size() + " of 14 fields");
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(source + ": no Stillinger-Weber entries"
                    + (keep == null ? "" : " for the elements " + keep.stream().map(Element::toString).sorted().toList()));
        }
        StillingerWeberParameters p = of(entries, source);
        if (keep != null && !p.elements().containsAll(keep)) {
            Set<Element> absent = keep.stream().filter(e -> !p.elements().contains(e)).collect(Collectors.toSet());
            throw new IllegalArgumentException(source + ": no entries for " + absent);
        }
        return p;
    }

    /** One entry from its 14 fields, or null when an element is not among those kept. */
    private static SwTriplet entry(List<String> f, String source, int line, Set<Element> keep) {
        Element[] e = new Element[3];
        for (int k = 0; k < 3; k++) {
            String name = f.get(k);
            Element el = symbol(name);
            if (keep != null) {
                if (el == null || !keep.contains(el)) {
                    return null;
                }
            } else if (el == null) {
                throw new IllegalArgumentException(where(source, line) + "unknown element '" + name
                        + "' (read the file with the list of elements wanted to skip such entries)");
            }
            e[k] = el;
        }
        double[] v = new double[11];
        for (int k = 0; k < 11; k++) {
            String w = f.get(3 + k);
            try {
                v[k] = Double.parseDouble(w);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(where(source, line) + SwTriplet.FIELDS[k] + " of "
                        + e[0] + " " + e[1] + " " + e[2] + " is not a number: '" + w + "'");
            }
        }
        try {
            return SwTriplet.of(e[0], e[1], e[2], v);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(where(source, line) + ex.getMessage(), ex);
        }
    }

    /** LAMMPS converts other units; Potentia reads metal units only and says so. */
    private static void checkUnits(String[] lines, String source) {
        if (lines.length == 0) {
            return;
        }
        String first = lines[0];
        int at = first.indexOf("UNITS:");
        if (at >= 0) {
            String[] words = first.substring(at + 6).strip().split("\\s+");
            if (words.length > 0 && !words[0].isEmpty() && !words[0].equals("metal")) {
                throw new IllegalArgumentException(where(source, 1) + "file is in '" + words[0]
                        + "' units; only metal units (eV, Å) are supported");
            }
        }
    }

    private static Element symbol(String name) {
        try {
            return Element.of(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String where(String source, int line) {
        return source + ", line " + line + ": ";
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Stillinger-Weber file " + file + ": " + e.getMessage(), e);
        }
    }

    private static int index(SpeciesIndex s, int n, Element i, Element j, Element k) {
        return (s.indexOf(i) * n + s.indexOf(j)) * n + s.indexOf(k);
    }

    /** Where the parameters came from (file name or "original Si, 1985"). */
    public String source() {
        return source;
    }

    /** The elements, in the order of first appearance. */
    public List<Element> elements() {
        return species.elements();
    }

    SpeciesIndex species() {
        return species;
    }

    /** The entry for the ordered triplet i-j-k. */
    public SwTriplet entry(Element i, Element j, Element k) {
        int a = species.indexOf(i);
        int b = species.indexOf(j);
        int c = species.indexOf(k);
        if (a < 0 || b < 0 || c < 0) {
            throw new IllegalArgumentException(source + " has no parameters for " + i + " " + j + " " + k);
        }
        int n = species.size();
        return table[(a * n + b) * n + c];
    }

    /** The entry at triplet index (a·n + b)·n + c of species indices. */
    SwTriplet entry(int m) {
        return table[m];
    }

    /** The entries, in file order. */
    public List<SwTriplet> entries() {
        return entries;
    }

    /** The largest {@link SwTriplet#shortCutoff()} over entries, Å: the neighbour-list cutoff. */
    public double cutoff() {
        double c = 0;
        for (SwTriplet t : table) {
            c = Math.max(c, t.shortCutoff());
        }
        return c;
    }

    @Override
    public String toString() {
        return "StillingerWeberParameters[" + source + ", " + species.elements() + "]";
    }
}
