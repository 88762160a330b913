package potentia.ipi;

import java.util.EnumSet;
import java.util.Set;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Structure;

/**
 * The "extra" string at the end of each FORCEREADY reply: nothing, or one JSON object. i-PI parses
 * it as JSON (and keeps it as raw text otherwise); ASE hands the bytes to the caller as
 * {@code results['morebytes']}.
 */
public interface IpiExtras {

    /** The properties the potential must compute for {@link #json}. */
    Set<Property> needs();

    /**
     * The extra string for one evaluation, sent as UTF-8.
     *
     * @return a JSON object, or "" to send zero bytes
     */
    String json(Structure structure, Result result);

    /** Zero extra bytes (the default). */
    IpiExtras NONE = new IpiExtras() {
        @Override
        public Set<Property> needs() {
            return EnumSet.noneOf(Property.class);
        }

        @Override
        public String json(Structure structure, Result result) {
            return "";
        }
    };

    /** {@code {"energies": [e_0, …, e_{N-1}]}}: per-atom energies in eV, in the driver's atom order. */
    IpiExtras ENERGIES = new IpiExtras() {
        @Override
        public Set<Property> needs() {
            return EnumSet.of(Property.ENERGIES);
        }

        @Override
        public String json(Structure structure, Result result) {
            double[] e = result.energies();
            StringBuilder sb = new StringBuilder(24 * e.length + 16).append("{\"energies\": [");
            for (int i = 0; i < e.length; i++) {
                // Double.toString is valid JSON for finite numbers (1.0E-5 included) and round-trips
                sb.append(i == 0 ? "" : ", ").append(e[i]);
            }
            return sb.append("]}").toString();
        }
    };
}
