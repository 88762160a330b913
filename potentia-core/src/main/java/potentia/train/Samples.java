package potentia.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import potentia.io.StructureFiles;
import potentia.io.StructureSource;
import potentia.structure.Element;
import potentia.structure.InfoValue;
import potentia.structure.Structure;

/** Reading labelled frames from files, and selecting them. */
public final class Samples {
    private Samples() {
    }

    /**
     * Every frame of the files, in order, with its labels.
     *
     * @param where only frames whose info has these keys with these values (compared as text); empty: all
     */
    public static List<Sample> read(List<Path> files, LabelKeys keys, Map<String, String> where) {
        List<Sample> out = new ArrayList<>();
        for (Path file : files) {
            try (StructureSource source = StructureFiles.read(file, StructureFiles.Format.guess(file))) {
                int frame = 0;
                for (Structure s : source) {
                    if (matches(s, where)) {
                        out.add(Sample.of(s, keys, file.toString(), frame));
                    }
                    frame++;
                }
            }
        }
        return out;
    }

    private static boolean matches(Structure s, Map<String, String> where) {
        for (Map.Entry<String, String> e : where.entrySet()) {
            String value = s.info(e.getKey()).map(Samples::text).orElse(null);
            if (!e.getValue().equals(value)) {
                return false;
            }
        }
        return true;
    }

    private static String text(InfoValue v) {
        return switch (v) {
            case InfoValue.Text t -> t.value();
            case InfoValue.Int i -> Long.toString(i.value());
            case InfoValue.Real r -> r.value() == Math.rint(r.value()) && Math.abs(r.value()) < 1e15
                    ? Long.toString((long) r.value()) : Double.toString(r.value());
            case InfoValue.Bool b -> b.value() ? "T" : "F";
            default -> v.toString();
        };
    }

    /** The elements present, ordered by atomic number. */
    public static List<Element> species(List<Sample> samples) {
        TreeSet<Element> set = new TreeSet<>((a, b) -> Integer.compare(a.number(), b.number()));
        for (Sample s : samples) {
            set.addAll(s.structure().species());
        }
        return List.copyOf(set);
    }
}
