package potentia.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import potentia.io.StructureFiles.Format;
import potentia.io.StructureFiles;
import potentia.io.StructureSink;
import potentia.io.StructureSource;
import potentia.structure.Structure;

/** {@code potentia convert}: between extended XYZ and POSCAR, with a frame selection. */
@Command(name = "convert",
        description = "Convert structures between extended XYZ and VASP POSCAR/CONTCAR, keeping every field "
                + "the target format can hold.",
        footer = {"", "Examples:",
            "  potentia convert POSCAR si.extxyz",
            "  potentia convert --frames -1 trajectory.extxyz CONTCAR",
            "  potentia convert --frames 0:100:10 md.extxyz every-tenth.extxyz"})
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INPUT", description = "Input file.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUTPUT", description = "Output file (written atomically).")
    Path output;

    @Option(names = "--from", paramLabel = "FORMAT",
            description = "Input format when the name does not tell: ${COMPLETION-CANDIDATES}.")
    Format from;

    @Option(names = "--to", paramLabel = "FORMAT",
            description = "Output format when the name does not tell: ${COMPLETION-CANDIDATES}.")
    Format to;

    @Option(names = "--frames", paramLabel = "SEL", defaultValue = ":",
            description = "Frames to convert: N, -N (from the end) or start:stop:step (default: all).")
    String frames;

    @Override
    public Integer call() {
        Format inFormat = from != null ? from : Format.guess(input);
        Format outFormat = to != null ? to : Format.guess(output);
        Frames selection = Frames.parse(frames);
        int count = 0;
        if (selection.needsCount()) {
            try (StructureSource s = StructureFiles.read(input, inFormat)) {
                while (s.next() != null) {
                    count++;
                }
            }
        }
        int[] range = selection.resolve(count);
        int written = 0;
        StructureSink sink = StructureFiles.writer(output, outFormat);
        try (StructureSource source = StructureFiles.read(input, inFormat)) {
            int index = 0;
            for (Structure s : source) {
                if (Frames.selected(range, index)) {
                    sink.write(s);
                    written++;
                }
                if (++index >= range[1]) {
                    break;
                }
            }
            if (written == 0) {
                throw new IllegalArgumentException("no frame of " + input + " matches --frames " + frames
                        + " (it has " + index + (index == range[1] ? " or more" : "") + " frames)");
            }
        } catch (RuntimeException e) {
            sink.abort();
            throw e;
        }
        sink.close();
        System.err.println("wrote " + written + " frame" + (written == 1 ? "" : "s") + " to " + output);
        return 0;
    }
}
