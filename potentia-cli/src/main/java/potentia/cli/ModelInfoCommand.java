package potentia.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import potentia.nn.AtomicModel;
import potentia.nn.DescriptorSpec;
import potentia.nn.ModelFile;
import potentia.nn.NetworkModel;
import potentia.nn.Standardisation;
import potentia.structure.Element;

/** {@code potentia model info}: what a model file holds (it is checked as it is read). */
@Command(name = "info",
        description = "Print a model file's descriptor, architecture, species, reference energies, parameter counts "
                + "and metadata; the file is fully validated (checksum, shapes) on the way.",
        footer = {"", "Example:", "  potentia model info si.potentia"})
final class ModelInfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The model file.")
    Path file;

    @Override
    public Integer call() {
        NetworkModel m = ModelFile.read(file);
        PrintStream out = System.out;
        List<Element> species = m.species();
        out.printf(Locale.ROOT, "model      %s (format %s, version %d, checksum OK)%n", file, ModelFile.FORMAT,
                ModelFile.VERSION);
        out.printf(Locale.ROOT, "species    %s%n", species);
        DescriptorSpec d = m.descriptorSpec();
        switch (d) {
            case DescriptorSpec.Bessel b -> out.printf(Locale.ROOT,
                    "descriptor %s: r_c = %s Å, n_max = %d, %d features per atom%n", b.type(), b.cutoff(), b.nMax(),
                    b.featureCount());
        }
        out.printf(Locale.ROOT, "committee  %d member(s), %d parameters in all%n", m.committeeSize(),
                m.parameterCount());
        for (int k = 0; k < m.committeeSize(); k++) {
            AtomicModel a = m.members().get(k);
            out.printf(Locale.ROOT, "  member %d: %s, %d parameters%n", k, a.describe(), a.parameterCount());
        }
        double[] e0 = m.referenceEnergies();
        Standardisation st = m.standardisation();
        double[] std = st.std();
        int f = st.featureCount();
        out.println("per element:");
        for (int s = 0; s < species.size(); s++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (int q = 0; q < f; q++) {
                lo = Math.min(lo, std[s * f + q]);
                hi = Math.max(hi, std[s * f + q]);
            }
            out.printf(Locale.ROOT, "  %-3s e0 = %.6f eV, feature σ in [%.4g, %.4g]%n", species.get(s), e0[s], lo, hi);
        }
        if (!m.metadata().isEmpty()) {
            out.println("metadata:");
            for (Map.Entry<String, String> e : m.metadata().entrySet()) {
                out.printf(Locale.ROOT, "  %s: %s%n", e.getKey(), e.getValue());
            }
        }
        return 0;
    }
}
