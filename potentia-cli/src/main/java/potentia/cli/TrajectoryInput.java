package potentia.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import potentia.io.StructureFiles;
import potentia.io.StructureFiles.Format;
import potentia.io.StructureSource;
import potentia.structure.Structure;

/** The trajectory file, format and frame selection every {@code analyse} command takes. */
final class TrajectoryInput {

    @Parameters(index = "0", paramLabel = "TRAJ", description = "The trajectory (extended XYZ, or POSCAR).")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Input format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--frames", paramLabel = "SEL", defaultValue = ":",
            description = "Frames to use: N, -N or start:stop:step (default: all).")
    String frames;

    /** The selection's step (frames of the file between selected frames). */
    int step() {
        Frames f = Frames.parse(frames);
        return f.single() ? 1 : f.step();
    }

    /**
     * Streams the selected frames to {@code each}, in order, and returns how many there were.
     *
     * @throws IllegalArgumentException when no frame is selected
     */
    int forEach(Consumer<Structure> each) {
        Format f = format != null ? format : Format.guess(file);
        Frames selection = Frames.parse(frames);
        int count = 0;
        if (selection.needsCount()) {
            try (StructureSource s = StructureFiles.read(file, f)) {
                while (s.next() != null) {
                    count++;
                }
            }
        }
        int[] range = selection.resolve(count);
        int used = 0;
        int index = 0;
        try (StructureSource source = StructureFiles.read(file, f)) {
            for (Structure s : source) {
                if (Frames.selected(range, index)) {
                    try {
                        each.accept(s);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(file + " frame " + index + ": " + e.getMessage(), e);
                    }
                    used++;
                }
                if (++index >= range[1]) {
                    break;
                }
            }
        }
        if (used == 0) {
            throw new IllegalArgumentException("no frame of " + file + " matches --frames " + frames + " (it has "
                    + index + " frames)");
        }
        return used;
    }
}
