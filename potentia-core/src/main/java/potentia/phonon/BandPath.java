package potentia.phonon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import potentia.structure.Structure;

/**
 * A path through the Brillouin zone: runs of labelled points joined by straight lines; a new run
 * starts after a break ("U|K"). Points are Cartesian wave vectors, Å⁻¹ (with 2π).
 *
 * <p>{@link #standard} knows the cubic Bravais lattices with their cube edges along x, y, z:
 * fcc Γ–X–U|K–Γ–L (Si, Cu), bcc Γ–H–N–Γ–P–H|P–N, simple cubic Γ–X–M–Γ–R–X|M–R, with the
 * high-symmetry points of Setyawan and Curtarolo, Comput. Mater. Sci. 49 (2010) 299. Any other
 * path is given as text, {@link #parse}.
 *
 * @param runs each run a list of at least two points
 */
public record BandPath(List<List<Point>> runs) {

    /** A labelled wave vector, Cartesian Å⁻¹. */
    public record Point(String label, double[] k) {
    }

    public BandPath {
        runs = List.copyOf(runs.stream().map(List::copyOf).toList());
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a band path needs at least one run of two points");
        }
        for (List<Point> run : runs) {
            if (run.size() < 2) {
                throw new IllegalArgumentException("every run of a band path needs two points or more, got "
                        + run.stream().map(Point::label).toList());
            }
        }
    }

    /** The cubic Bravais lattice of a primitive cell (edges along x, y, z), if it is one. */
    public enum Cubic {
        SIMPLE, FCC, BCC
    }

    /** Which cubic lattice the cell spans and its cube edge a (Å), if any. */
    public record CubicLattice(Cubic type, double a) {
    }

    /** The cubic lattice spanned by {@code primitive}'s cell, or empty. */
    public static Optional<CubicLattice> cubicLattice(Structure primitive) {
        double[] h = primitive.cell().matrix();
        double volume = Math.abs(Lattice3.determinant(h));
        double[] hInv = Lattice3.inverse(h);
        for (Cubic type : Cubic.values()) {
            double a = switch (type) {
                case SIMPLE -> Math.cbrt(volume);
                case FCC -> Math.cbrt(4 * volume);
                case BCC -> Math.cbrt(2 * volume);
            };
            double[][] vectors = switch (type) {
                case SIMPLE -> new double[][] {{a, 0, 0}, {0, a, 0}, {0, 0, a}};
                case FCC -> new double[][] {{0, a / 2, a / 2}, {a / 2, 0, a / 2}, {a / 2, a / 2, 0}};
                case BCC -> new double[][] {{-a / 2, a / 2, a / 2}, {a / 2, -a / 2, a / 2}, {a / 2, a / 2, -a / 2}};
            };
            boolean same = true;
            for (double[] v : vectors) {
                for (double f : Lattice3.rowTimes(v, hInv)) {
                    same &= Math.abs(f - Math.rint(f)) < 1e-4;
                }
            }
            if (same) {
                return Optional.of(new CubicLattice(type, a));
            }
        }
        return Optional.empty();
    }

    /** The standard path for a cubic crystal, or empty for other lattices. */
    public static Optional<BandPath> standard(Structure primitive) {
        return cubicLattice(primitive).map(c -> {
            double s = 2 * Math.PI / c.a();
            return switch (c.type()) {
                case FCC -> new BandPath(List.of(
                        List.of(p("Γ", 0, 0, 0, s), p("X", 0, 1, 0, s), p("U", 0.25, 1, 0.25, s)),
                        List.of(p("K", 0.75, 0.75, 0, s), p("Γ", 0, 0, 0, s), p("L", 0.5, 0.5, 0.5, s))));
                case BCC -> new BandPath(List.of(
                        List.of(p("Γ", 0, 0, 0, s), p("H", 0, 0, 1, s), p("N", 0, 0.5, 0.5, s), p("Γ", 0, 0, 0, s),
                                p("P", 0.5, 0.5, 0.5, s), p("H", 0, 0, 1, s)),
                        List.of(p("P", 0.5, 0.5, 0.5, s), p("N", 0, 0.5, 0.5, s))));
                case SIMPLE -> new BandPath(List.of(
                        List.of(p("Γ", 0, 0, 0, s), p("X", 0, 0.5, 0, s), p("M", 0.5, 0.5, 0, s), p("Γ", 0, 0, 0, s),
                                p("R", 0.5, 0.5, 0.5, s), p("X", 0, 0.5, 0, s)),
                        List.of(p("M", 0.5, 0.5, 0, s), p("R", 0.5, 0.5, 0.5, s))));
            };
        });
    }

    private static Point p(String label, double x, double y, double z, double scale) {
        return new Point(label, new double[] {x * scale, y * scale, z * scale});
    }

    /**
     * A path from text: points "LABEL f1 f2 f3" in fractional coordinates of the primitive cell's
     * reciprocal lattice, separated by commas; "|" starts a new run. Example (fcc):
     * {@code "G 0 0 0, X 0.5 0 0.5, U 0.625 0.25 0.625 | K 0.375 0.375 0.75, G 0 0 0, L 0.5 0.5 0.5"}.
     * The label G is written Γ.
     *
     * @throws IllegalArgumentException naming the part that cannot be read
     */
    public static BandPath parse(String text, Structure primitive) {
        double[] b = Lattice3.reciprocal(primitive.cell().matrix());
        List<List<Point>> runs = new ArrayList<>();
        for (String run : text.split("\\|")) {
            List<Point> points = new ArrayList<>();
            for (String part : run.split(",")) {
                String[] f = part.trim().split("\\s+");
                if (f.length != 4) {
                    throw new IllegalArgumentException("band path point '" + part.trim()
                            + "' must be LABEL f1 f2 f3 (fractional reciprocal coordinates)");
                }
                double[] frac = new double[3];
                for (int k = 0; k < 3; k++) {
                    try {
                        frac[k] = Double.parseDouble(f[k + 1]);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("band path point '" + part.trim() + "': '" + f[k + 1]
                                + "' is not a number");
                    }
                }
                String label = f[0].equalsIgnoreCase("G") || f[0].equalsIgnoreCase("gamma") ? "Γ" : f[0];
                points.add(new Point(label, Lattice3.rowTimes(frac, b)));
            }
            runs.add(points);
        }
        return new BandPath(runs);
    }

    /** The labels as "Γ–X–U|K–Γ–L". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (List<Point> run : runs) {
            parts.add(String.join("–", run.stream().map(Point::label).toList()));
        }
        return String.join("|", parts);
    }

    /**
     * The wave vectors along the path: {@code pointsPerSegment} evenly spaced points on each
     * segment, both ends included (so a joint appears twice, as in phonopy).
     */
    public List<double[]> sample(int pointsPerSegment) {
        if (pointsPerSegment < 2) {
            throw new IllegalArgumentException("need at least 2 points per segment, got " + pointsPerSegment);
        }
        List<double[]> out = new ArrayList<>();
        for (List<Point> run : runs) {
            for (int s = 0; s + 1 < run.size(); s++) {
                double[] a = run.get(s).k();
                double[] c = run.get(s + 1).k();
                for (int i = 0; i < pointsPerSegment; i++) {
                    double t = (double) i / (pointsPerSegment - 1);
                    out.add(new double[] {a[0] + t * (c[0] - a[0]), a[1] + t * (c[1] - a[1]), a[2] + t * (c[2] - a[2])});
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BandPath[%s]", describe());
    }
}
