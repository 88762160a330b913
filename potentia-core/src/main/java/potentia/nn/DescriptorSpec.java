package potentia.nn;

import java.util.List;
import potentia.descriptor.BesselDescriptor;
import potentia.descriptor.Descriptor;
import potentia.structure.Element;

/**
 * What a model file records about its descriptor: the type and the parameters that rebuild it
 * exactly on load. Sealed: each descriptor type the file format knows is one record here, and the
 * model file reads and writes each by name ({@link #type()}).
 */
public sealed interface DescriptorSpec permits DescriptorSpec.Bessel {

    /** The type's name in model files, e.g. "spherical-bessel". */
    String type();

    /** Cutoff radius, Å. */
    double cutoff();

    /** The elements the features are specific to, in feature order. */
    List<Element> species();

    /** Features per atom the descriptor produces. */
    int featureCount();

    /** The descriptor. */
    Descriptor build();

    /**
     * Kocer–Mason–Erturk spherical Bessel power spectrum, element-pair specific as in NeuralIL:
     * N_s(N_s+1)/2 · (n_max+1)(n_max+2)/2 features.
     *
     * @param cutoff r_c, Å, &gt; 0
     * @param nMax n_max ≥ 0
     * @param species distinct elements
     */
    record Bessel(double cutoff, int nMax, List<Element> species) implements DescriptorSpec {
        public static final String TYPE = "spherical-bessel";

        public Bessel {
            if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
                throw new IllegalArgumentException("descriptor cutoff must be a positive length, got " + cutoff);
            }
            if (nMax < 0) {
                throw new IllegalArgumentException("descriptor n_max must be ≥ 0, got " + nMax);
            }
            species = List.copyOf(species);
            if (species.isEmpty() || species.stream().distinct().count() != species.size()) {
                throw new IllegalArgumentException("descriptor species must be distinct and non-empty, got " + species);
            }
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public int featureCount() {
            int s = species.size();
            return s * (s + 1) / 2 * (nMax + 1) * (nMax + 2) / 2;
        }

        @Override
        public Descriptor build() {
            return new BesselDescriptor(cutoff, nMax, species);
        }
    }
}
