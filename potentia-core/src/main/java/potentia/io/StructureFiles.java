package potentia.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import potentia.structure.Structure;

/**
 * One entry point for structure files: the format from the file name or named explicitly,
 * structures read as a stream, written through a sink.
 */
public final class StructureFiles {

    /** The supported formats. */
    public enum Format {
        /** Extended XYZ (ASE's flavour); also reads plain XYZ. Many frames per file. */
        EXTXYZ,
        /** VASP POSCAR/CONTCAR. One structure per file. */
        POSCAR;

        /**
         * The format a file name implies: {@code *.xyz}, {@code *.extxyz} → EXTXYZ;
         * {@code POSCAR*}, {@code CONTCAR*}, {@code *.vasp}, {@code *.poscar} → POSCAR.
         *
         * @throws StructureFileException when the name implies none
         */
        public static Format guess(Path path) {
            Path fileName = path.getFileName();
            String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".xyz") || name.endsWith(".extxyz")) {
                return EXTXYZ;
            }
            if (name.startsWith("poscar") || name.startsWith("contcar") || name.endsWith(".vasp") || name.endsWith(".poscar")) {
                return POSCAR;
            }
            throw new StructureFileException(path.toString(), -1, 0, null,
                    "cannot tell the format from the file name: use *.xyz or *.extxyz for extended XYZ, POSCAR*, CONTCAR*,"
                            + " *.vasp or *.poscar for VASP, or name the format (--format extxyz|poscar)");
        }

        /**
         * A format by name, case-insensitive: {@code extxyz} (or {@code xyz}), {@code poscar} (or {@code vasp}).
         *
         * @throws IllegalArgumentException listing the names when {@code name} is none of them
         */
        public static Format named(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "extxyz", "xyz" -> EXTXYZ;
                case "poscar", "vasp", "contcar" -> POSCAR;
                default -> throw new IllegalArgumentException("unknown structure format '" + name + "' (choose from "
                        + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList() + ")");
            };
        }
    }

    private StructureFiles() {
    }

    /** The structures of a file whose format its name implies; close the source when done. */
    public static StructureSource read(Path path) {
        return read(path, Format.guess(path));
    }

    /** The structures of a file, read lazily; close the source when done. */
    public static StructureSource read(Path path, Format format) {
        return switch (format) {
            case EXTXYZ -> ExtxyzReader.open(path);
            case POSCAR -> new SingleStructure(path);
        };
    }

    /** All structures of a file (which must fit in memory). */
    public static List<Structure> readAll(Path path, Format format) {
        try (StructureSource source = read(path, format)) {
            List<Structure> all = new ArrayList<>();
            for (Structure s = source.next(); s != null; s = source.next()) {
                all.add(s);
            }
            return all;
        }
    }

    /** A writer to a file whose format its name implies; the file appears on close. */
    public static StructureSink writer(Path path) {
        return writer(path, Format.guess(path));
    }

    /**
     * A writer to a file, atomic: the file appears (or is replaced) on close. A POSCAR writer
     * takes exactly one structure.
     */
    public static StructureSink writer(Path path, Format format) {
        return switch (format) {
            case EXTXYZ -> ExtxyzWriter.open(path);
            case POSCAR -> new PoscarSink(path);
        };
    }

    /** A POSCAR as a source of one structure, read on the first {@link #next()}. */
    private static final class SingleStructure implements StructureSource {
        private final Path path;
        private boolean taken;

        SingleStructure(Path path) {
            this.path = path;
        }

        @Override
        public Structure next() {
            if (taken) {
                return null;
            }
            taken = true;
            return Poscar.read(path);
        }

        @Override
        public void close() {
            taken = true;
        }
    }

    /** A POSCAR as a sink of exactly one structure. */
    private static final class PoscarSink implements StructureSink {
        private final Path path;
        private Structure structure;
        private boolean closed;

        PoscarSink(Path path) {
            this.path = path;
        }

        @Override
        public void write(Structure s) {
            if (closed) {
                throw new IllegalStateException(path + ": writer is closed");
            }
            if (structure != null) {
                throw new StructureFileException(path.toString(), 1, 0, null,
                        "a POSCAR holds one structure; write several to extended XYZ (*.extxyz) instead");
            }
            Poscar.format(s, Poscar.Coordinates.CARTESIAN, path.toString()); // refuse what cannot be written now, not at close
            structure = s;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (structure == null) {
                throw new StructureFileException(path.toString(), -1, 0, null, "no structure was written; a POSCAR needs one");
            }
            Poscar.write(path, structure);
        }

        @Override
        public void abort() {
            closed = true;
        }
    }
}
