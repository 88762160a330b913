package potentia.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import potentia.structure.AtomArray;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * VASP POSCAR / CONTCAR files, read as VASP defines them and written as ASE 3.22 writes them
 * ({@code ase.io.vasp.write_vasp}).
 *
 * <p>Reading: comment line; scale factor (one positive number scales cell and Cartesian
 * coordinates; a negative one is the target cell volume in Å³; three positive numbers scale x, y
 * and z); three lattice vectors; the species line (VASP 5; POTCAR labels such as {@code Fe_pv} or
 * {@code Si/abc123} name their element) and the counts. A VASP 4 file has no species line: then
 * the comment line must name the species in order (as ASE reads it: words made only of element
 * symbols, digits and {@code -_,.=} are taken apart, e.g. {@code SrTiO3} gives Sr, Ti, O);
 * otherwise it is an error. Then optional {@code Selective dynamics}, {@code Direct} or
 * {@code Cartesian} (first letter C or K), and one line per atom. Whatever follows the positions
 * (CONTCAR velocities) is ignored. The structure is periodic along all three axes.
 * Selective-dynamics flags become the per-atom array {@value #MOVE_MASK} (3 logical columns,
 * true = the coordinate may move, VASP's T), the name ASE's extended XYZ uses for the same thing.
 *
 * <p>Writing reproduces ASE's layout: the species runs as the comment, scale 1, lattice
 * {@code %21.16f}, species and counts of runs of consecutive equal elements (atoms keep their
 * order), {@code Selective dynamics} when the structure has {@value #MOVE_MASK}, and
 * {@code Cartesian} coordinates {@code %19.16f} (ASE's default; {@link Coordinates#DIRECT}
 * writes fractional ones). Info and other arrays are not written: POSCAR has no place for them.
 * A structure that is periodic along no axis, or whose cell has no volume, is refused.
 */
public final class Poscar {
    /** The per-atom array holding selective-dynamics flags: 3 logicals per atom, true = may move. */
    public static final String MOVE_MASK = "move_mask";

    /** Coordinates written. */
    public enum Coordinates {
        /** Cartesian, Å (ASE's default). */
        CARTESIAN,
        /** Fractional (VASP's {@code Direct}). */
        DIRECT
    }

    private Poscar() {
    }

    /** Reads a POSCAR/CONTCAR file. */
    public static Structure read(Path path) {
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(r, path.toString());
        } catch (IOException e) {
            throw ExtxyzReader.ioFailure(path.toString(), e);
        }
    }

    /**
     * Reads POSCAR text.
     *
     * @param reader the text (not closed here)
     * @param name the name errors show
     */
    public static Structure read(Reader reader, String name) {
        return new Parser(reader instanceof BufferedReader b ? b : new BufferedReader(reader), name).parse();
    }

    /** Writes a POSCAR atomically, as ASE does by default (Cartesian coordinates). */
    public static void write(Path path, Structure s) {
        write(path, s, Coordinates.CARTESIAN);
    }

    /** Writes a POSCAR atomically: the file appears complete or not at all. */
    public static void write(Path path, Structure s, Coordinates coordinates) {
        String text = format(s, coordinates, path.toString());
        AtomicFile f = AtomicFile.create(path);
        try {
            f.writer().write(text);
        } catch (IOException e) {
            f.discard();
            throw new StructureFileException(path.toString(), -1, 0, null, "cannot write: " + ExtxyzReader.describe(e), e);
        }
        f.commit();
    }

    /** Writes POSCAR text to {@code out} (not closed here), with Cartesian coordinates as ASE. */
    public static void write(Writer out, Structure s) {
        write(out, s, Coordinates.CARTESIAN);
    }

    /** Writes POSCAR text to {@code out} (not closed here). */
    public static void write(Writer out, Structure s, Coordinates coordinates) {
        try {
            out.write(format(s, coordinates, "<writer>"));
        } catch (IOException e) {
            throw new StructureFileException("<writer>", -1, 0, null, "cannot write: " + ExtxyzReader.describe(e), e);
        }
    }

    /** The POSCAR text of a structure. */
    public static String format(Structure s, Coordinates coordinates) {
        return format(s, coordinates, "<string>");
    }

    static String format(Structure s, Coordinates coordinates, String name) {
        Cell cell = s.cell();
        if (!cell.anyPeriodic() || !(cell.volume() > 0)) {
            throw new StructureFileException(name, -1, 0, "cell", "a POSCAR needs a periodic cell with a volume; this structure "
                    + (cell.isZero() ? "has no cell" : "is not periodic") + " (" + s.formula() + ")");
        }
        if (s.size() == 0) {
            throw new StructureFileException(name, -1, 0, null, "a POSCAR needs at least one atom");
        }
        boolean[] movable = moveMask(s, name);
        List<Element> runSpecies = new ArrayList<>();
        List<Integer> runCounts = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            Element e = s.element(i);
            if (!runSpecies.isEmpty() && runSpecies.getLast() == e) {
                runCounts.set(runCounts.size() - 1, runCounts.getLast() + 1);
            } else {
                runSpecies.add(e);
                runCounts.add(1);
            }
        }
        StringBuilder sb = new StringBuilder(256 + 64 * s.size());
        for (Element e : runSpecies) {
            String sym = e.symbol();
            sb.repeat(' ', 2 - Math.min(2, sym.length())).append(sym).append(' ');
        }
        sb.append('\n');
        PyNumbers.appendFixed(sb, 1.0, 16, 19);
        sb.append('\n');
        for (int r = 0; r < 3; r++) {
            sb.append(' ');
            for (int c = 0; c < 3; c++) {
                sb.append(' ');
                PyNumbers.appendFixed(sb, cell.get(r, c), 16, 21);
            }
            sb.append('\n');
        }
        for (Element e : runSpecies) {
            sb.append(' ').append(e.symbol()).repeat(' ', Math.max(0, 3 - e.symbol().length()));
        }
        sb.append('\n');
        for (int count : runCounts) {
            String t = Integer.toString(count);
            sb.append(' ').repeat(' ', Math.max(0, 3 - t.length())).append(t);
        }
        sb.append('\n');
        if (movable != null) {
            sb.append("Selective dynamics\n");
        }
        double[] x = s.positions();
        if (coordinates == Coordinates.DIRECT) {
            x = cell.toFractional(x);
            sb.append("Direct\n");
        } else {
            sb.append("Cartesian\n");
        }
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < 3; k++) {
                sb.append(' ');
                PyNumbers.appendFixed(sb, x[3 * i + k], 16, 19);
            }
            if (movable != null) {
                for (int k = 0; k < 3; k++) {
                    sb.append("   ").append(movable[3 * i + k] ? 'T' : 'F');
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The 3N selective-dynamics flags, or null when the structure has none. */
    private static boolean[] moveMask(Structure s, String name) {
        AtomArray a = s.arrays().get(MOVE_MASK);
        if (a == null) {
            return null;
        }
        if (!(a instanceof AtomArray.Bools b) || (b.columns() != 3 && b.columns() != 1)) {
            throw new StructureFileException(name, -1, 0, "array '" + MOVE_MASK + "'",
                    "selective dynamics needs 1 or 3 logical columns, found " + a);
        }
        boolean[] out = new boolean[3 * s.size()];
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < 3; k++) {
                out[3 * i + k] = b.get(i, b.columns() == 3 ? k : 0);
            }
        }
        return out;
    }

    /** One pass over the lines of a POSCAR. */
    private static final class Parser {
        private final BufferedReader in;
        private final String name;
        private long line;

        Parser(BufferedReader in, String name) {
            this.in = in;
            this.name = name;
        }

        Structure parse() {
            String comment = next("comment line");
            String[] scaleTokens = tokens(next("scale factor"));
            double[] scale = scale(scaleTokens);
            double[] h = new double[9];
            for (int r = 0; r < 3; r++) {
                String field = "lattice vector " + "abc".charAt(r);
                String[] t = tokens(next(field));
                if (t.length < 3) {
                    throw fail(field, "expected 3 numbers, found " + t.length);
                }
                for (int c = 0; c < 3; c++) {
                    h[3 * r + c] = number(t[c], field);
                }
            }
            String[] speciesOrCounts = tokens(next("species or counts"));
            if (speciesOrCounts.length == 0) {
                throw fail("species", "empty line where the species (VASP 5) or the counts (VASP 4) belong");
            }
            List<Element> species;
            String[] countTokens;
            boolean vasp5 = !isInt(speciesOrCounts[0]);
            long speciesLine = line;
            if (vasp5) {
                species = new ArrayList<>();
                for (String t : speciesOrCounts) {
                    if (t.startsWith("!") || t.startsWith("#")) {
                        break;
                    }
                    species.add(element(t));
                }
                countTokens = tokens(next("counts"));
            } else {
                species = null;
                countTokens = speciesOrCounts;
            }
            List<Integer> counts = new ArrayList<>();
            for (String t : countTokens) {
                if (t.contains("!")) {
                    break;
                }
                try {
                    long c = PyNumbers.parseInt(t);
                    if (c < 0 || c > Integer.MAX_VALUE / 3) {
                        throw new NumberFormatException();
                    }
                    counts.add((int) c);
                } catch (NumberFormatException e) {
                    throw fail("counts", "'" + ExtxyzReader.shorten(t) + "' is not a number of atoms");
                }
            }
            if (counts.isEmpty()) {
                throw fail("counts", "no numbers of atoms");
            }
            if (species == null) {
                species = speciesFromComment(comment, counts.size());
            } else if (species.size() != counts.size()) {
                throw new StructureFileException(name, -1, line, "counts", species.size() + " species (line " + speciesLine
                        + ": " + species + ") but " + counts.size() + " counts " + counts);
            }
            String mode = PyText.strip(next("coordinate mode"));
            boolean selective = !mode.isEmpty() && (mode.charAt(0) == 's' || mode.charAt(0) == 'S');
            if (selective) {
                mode = PyText.strip(next("coordinate mode"));
            }
            if (PyText.isBlank(mode)) {
                throw fail("coordinate mode", "expected Direct or Cartesian, found an empty line");
            }
            char m = Character.toLowerCase(mode.charAt(0));
            boolean cartesian = m == 'c' || m == 'k';
            int n = counts.stream().mapToInt(Integer::intValue).sum();
            int[] z = new int[n];
            double[] x = new double[3 * n];
            boolean[] movable = selective ? new boolean[3 * n] : null;
            int atom = 0;
            for (int k = 0; k < counts.size(); k++) {
                for (int c = 0; c < counts.get(k); c++, atom++) {
                    z[atom] = species.get(k).number();
                }
            }
            for (int i = 0; i < n; i++) {
                String field = "atom " + i;
                String l = readLine();
                if (l == null) {
                    throw new StructureFileException(name, -1, line + 1, field,
                            "file ends after " + i + " of " + n + " atoms (the counts say " + counts + ")");
                }
                String[] t = tokens(l);
                if (t.length < (selective ? 6 : 3)) {
                    throw fail(field, "expected " + (selective ? "3 coordinates and 3 T/F flags" : "3 coordinates")
                            + ", found " + t.length + " fields");
                }
                for (int k = 0; k < 3; k++) {
                    x[3 * i + k] = number(t[k], field);
                }
                if (selective) {
                    for (int k = 0; k < 3; k++) {
                        String f = t[3 + k];
                        if (!f.equals("T") && !f.equals("F")) {
                            throw fail(field, "selective-dynamics flag '" + ExtxyzReader.shorten(f) + "' is not T or F");
                        }
                        movable[3 * i + k] = f.equals("T");
                    }
                }
            }
            return build(h, scale, cartesian, z, x, movable);
        }

        private Structure build(double[] h, double[] scale, boolean cartesian, int[] z, double[] x, boolean[] movable) {
            double[] factor;
            if (scale.length == 1 && scale[0] < 0) {
                double det = Cell.of(h, new boolean[3]).volume();
                if (!(det > 0)) {
                    throw new StructureFileException(name, -1, 0, "lattice", "the lattice vectors span no volume");
                }
                double f = Math.cbrt(-scale[0] / det);
                factor = new double[] {f, f, f};
            } else {
                factor = scale.length == 1 ? new double[] {scale[0], scale[0], scale[0]} : scale;
            }
            double[] hs = new double[9];
            for (int k = 0; k < 9; k++) {
                hs[k] = h[k] * factor[k % 3];
            }
            Cell cell;
            try {
                cell = Cell.periodic(hs);
            } catch (IllegalArgumentException e) {
                throw new StructureFileException(name, -1, 0, "lattice", e.getMessage());
            }
            double[] positions;
            if (cartesian) {
                positions = new double[x.length];
                for (int k = 0; k < x.length; k++) {
                    positions[k] = x[k] * factor[k % 3];
                }
            } else {
                positions = cell.toCartesian(x);
            }
            Structure.Builder b = Structure.builder().atomicNumbers(z).positions(positions).cell(cell);
            if (movable != null) {
                b.array(MOVE_MASK, new AtomArray.Bools(movable, 3));
            }
            try {
                return b.build();
            } catch (IllegalArgumentException e) {
                throw new StructureFileException(name, -1, 0, null, e.getMessage());
            }
        }

        private double[] scale(String[] t) {
            if (t.length == 0) {
                throw fail("scale factor", "empty line");
            }
            double first;
            try {
                first = PyNumbers.parseFloat(t[0]);
            } catch (NumberFormatException e) {
                throw fail("scale factor", "'" + ExtxyzReader.shorten(t[0]) + "' is not a number");
            }
            if (t.length >= 3 && isNumber(t[1]) && isNumber(t[2])) {
                double[] s = {first, PyNumbers.parseFloat(t[1]), PyNumbers.parseFloat(t[2])};
                for (double v : s) {
                    if (!(v > 0) || !Double.isFinite(v)) {
                        throw fail("scale factor", "three scale factors must all be positive, found " + String.join(" ", t[0], t[1], t[2]));
                    }
                }
                return s;
            }
            if (first == 0 || !Double.isFinite(first)) {
                throw fail("scale factor", "'" + t[0] + "' is neither a positive scale nor a negative volume");
            }
            return new double[] {first};
        }

        private Element element(String label) {
            // VASP 5.4 writes POTCAR labels: Fe_pv, Si/5a1b2c...
            String symbol = label;
            int cut = symbol.indexOf('_');
            if (cut > 0) {
                symbol = symbol.substring(0, cut);
            }
            cut = symbol.indexOf('/');
            if (cut > 0) {
                symbol = symbol.substring(0, cut);
            }
            if (!Element.isSymbol(symbol)) {
                throw fail("species", "unknown element '" + ExtxyzReader.shorten(label) + "'");
            }
            return Element.of(symbol);
        }

        private List<Element> speciesFromComment(String comment, int needed) {
            List<Element> found = new ArrayList<>();
            for (String word : tokens(comment)) {
                String w = word.replaceAll("[-_,.=0-9]", "");
                List<Element> parts = symbols(w);
                if (parts != null) {
                    found.addAll(parts);
                }
            }
            if (found.size() < needed) {
                throw new StructureFileException(name, -1, 1, "species",
                        "VASP 4 file (no species line): the comment line must name the " + needed
                                + " species in order, e.g. 'Sr Ti O', but it names " + found.size() + " " + found);
            }
            return found.subList(0, needed);
        }

        /** The element symbols a word is made of ("SrTiO" → Sr, Ti, O), or null when it is not only symbols. */
        private static List<Element> symbols(String w) {
            if (w.isEmpty()) {
                return null;
            }
            List<Element> out = new ArrayList<>();
            int k = 0;
            while (k < w.length()) {
                if (!Character.isUpperCase(w.charAt(k))) {
                    return null;
                }
                int end = k + 1;
                if (end < w.length() && Character.isLowerCase(w.charAt(end))) {
                    end++;
                }
                String sym = w.substring(k, end);
                if (!Element.isSymbol(sym)) {
                    return null;
                }
                out.add(Element.of(sym));
                k = end;
            }
            return out;
        }

        private static boolean isInt(String t) {
            try {
                PyNumbers.parseInt(t);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static boolean isNumber(String t) {
            try {
                PyNumbers.parseFloat(t);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private double number(String t, String field) {
            try {
                double v = PyNumbers.parseFloat(t);
                if (!Double.isFinite(v)) {
                    throw fail(field, "'" + t + "' is not finite");
                }
                return v;
            } catch (NumberFormatException e) {
                throw fail(field, "'" + ExtxyzReader.shorten(t) + "' is not a number");
            }
        }

        private String next(String what) {
            String l = readLine();
            if (l == null) {
                throw new StructureFileException(name, -1, line + 1, what, "file ends before the " + what);
            }
            return l;
        }

        private String readLine() {
            try {
                String l = in.readLine();
                if (l != null) {
                    line++;
                }
                return l;
            } catch (IOException e) {
                throw new StructureFileException(name, -1, line + 1, null, "cannot read: " + ExtxyzReader.describe(e), e);
            }
        }

        private static String[] tokens(String l) {
            String s = PyText.strip(l);
            return s.isEmpty() ? new String[0] : s.split("\\s+");
        }

        private StructureFileException fail(String field, String problem) {
            return new StructureFileException(name, -1, line, field, problem);
        }
    }
}
