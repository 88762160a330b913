package potentia.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code potentia analyse}: trajectory analysis, one subcommand per quantity. */
@Command(name = "analyse",
        aliases = "analyze",
        description = "Analyse a trajectory: radial distribution functions (rdf), mean-square displacement and "
                + "diffusion (msd), velocity autocorrelation (vacf). Each writes a CSV table and a PNG plot into "
                + "the output directory.",
        subcommands = {AnalyseRdfCommand.class, AnalyseMsdCommand.class, AnalyseVacfCommand.class},
        footer = {"", "Examples:",
            "  potentia analyse rdf md.extxyz --rmax 8 --pairs Si-Si -o analysis/",
            "  potentia analyse msd md.extxyz --timestep-between-frames 10 --fit-start 1 --fit-end 5 -o analysis/",
            "  potentia analyse vacf md.extxyz --timestep-between-frames 2 -o analysis/"})
final class AnalyseCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "analyse needs a subcommand: rdf, msd or vacf");
    }
}
