package potentia.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import potentia.descriptor.Descriptor;
import potentia.structure.Element;

/**
 * Everything a network potential is: a descriptor (recorded by its {@link DescriptorSpec}), the
 * species, the per-element standardisation of descriptors, per-element reference energies e0,
 * and K ≥ 1 committee members sharing that descriptor (so features are computed once), plus a
 * free-form metadata map (training settings, provenance). The energy of member k is
 * E_k = Σ_i [ε^k_{s(i)}(z_i) + e0_{s(i)}], z_i = standardised G_i. What {@link ModelFile} stores.
 * Immutable.
 */
public final class NetworkModel {
    private final DescriptorSpec descriptorSpec;
    private final Descriptor descriptor;
    private final Standardisation standardisation;
    private final double[] referenceEnergies;
    private final List<AtomicModel> members;
    private final Map<String, String> metadata;

    private NetworkModel(DescriptorSpec spec, Descriptor descriptor, Standardisation standardisation,
            double[] referenceEnergies, List<AtomicModel> members, Map<String, String> metadata) {
        this.descriptorSpec = spec;
        this.descriptor = descriptor;
        this.standardisation = standardisation;
        this.referenceEnergies = referenceEnergies.clone();
        this.members = List.copyOf(members);
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        validate();
    }

    /**
     * A model whose descriptor is built from its spec.
     *
     * @param referenceEnergies e0 per species (in the spec's species order), eV (copied)
     * @param members K ≥ 1 atomic models for the spec's species and feature count
     * @throws IllegalArgumentException when the parts do not fit together (species, feature counts)
     */
    public static NetworkModel of(DescriptorSpec spec, Standardisation standardisation, double[] referenceEnergies,
            List<AtomicModel> members, Map<String, String> metadata) {
        return new NetworkModel(spec, spec.build(), standardisation, referenceEnergies, members, metadata);
    }

    /** A model with a given descriptor instance that must match its spec (tests use stand-ins). */
    static NetworkModel of(DescriptorSpec spec, Descriptor descriptor, Standardisation standardisation,
            double[] referenceEnergies, List<AtomicModel> members, Map<String, String> metadata) {
        return new NetworkModel(spec, descriptor, standardisation, referenceEnergies, members, metadata);
    }

    private void validate() {
        List<Element> species = descriptorSpec.species();
        int f = descriptorSpec.featureCount();
        if (!descriptor.species().equals(species) || descriptor.featureCount() != f
                || descriptor.cutoff() != descriptorSpec.cutoff()) {
            throw new IllegalArgumentException("descriptor " + descriptor.species() + " with " + descriptor.featureCount()
                    + " features and cutoff " + descriptor.cutoff() + " Å does not match its spec " + descriptorSpec);
        }
        if (!standardisation.species().equals(species) || standardisation.featureCount() != f) {
            throw new IllegalArgumentException("standardisation is for " + standardisation.species() + " × "
                    + standardisation.featureCount() + " features; the descriptor gives " + species + " × " + f);
        }
        if (referenceEnergies.length != species.size()) {
            throw new IllegalArgumentException("need one reference energy per element " + species + ", got "
                    + referenceEnergies.length);
        }
        for (double e : referenceEnergies) {
            if (!Double.isFinite(e)) {
                throw new IllegalArgumentException("reference energy is not finite: " + e);
            }
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one committee member");
        }
        for (int k = 0; k < members.size(); k++) {
            AtomicModel m = members.get(k);
            if (!m.species().equals(species) || m.featureCount() != f) {
                throw new IllegalArgumentException("committee member " + k + " is for " + m.species() + " × "
                        + m.featureCount() + " features; the descriptor gives " + species + " × " + f);
            }
        }
    }

    public DescriptorSpec descriptorSpec() {
        return descriptorSpec;
    }

    public Descriptor descriptor() {
        return descriptor;
    }

    /** The elements, in the order of every per-species table. */
    public List<Element> species() {
        return descriptorSpec.species();
    }

    public Standardisation standardisation() {
        return standardisation;
    }

    /** e0 per species, eV, a fresh copy. */
    public double[] referenceEnergies() {
        return referenceEnergies.clone();
    }

    /** The committee members (K ≥ 1). */
    public List<AtomicModel> members() {
        return members;
    }

    /** Committee size K. */
    public int committeeSize() {
        return members.size();
    }

    /** Metadata in insertion order, unmodifiable. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The model with member k alone. */
    public NetworkModel member(int k) {
        return withMembers(List.of(members.get(k)));
    }

    /** The same model with other members (same species and feature count). */
    public NetworkModel withMembers(List<AtomicModel> newMembers) {
        return new NetworkModel(descriptorSpec, descriptor, standardisation, referenceEnergies, newMembers, metadata);
    }

    /** The same model with the metadata replaced (order kept). */
    public NetworkModel withMetadata(Map<String, String> newMetadata) {
        return new NetworkModel(descriptorSpec, descriptor, standardisation, referenceEnergies, members, newMetadata);
    }

    /** The same model with another standardisation and reference energies. */
    public NetworkModel withScaling(Standardisation newStandardisation, double[] newReferenceEnergies) {
        return new NetworkModel(descriptorSpec, descriptor, newStandardisation, newReferenceEnergies, members, metadata);
    }

    /** Total parameters over members. */
    public long parameterCount() {
        long n = 0;
        for (AtomicModel m : members) {
            n += m.parameterCount();
        }
        return n;
    }

    @Override
    public String toString() {
        return "NetworkModel[" + species() + ", " + descriptorSpec + ", " + members.size() + " × "
                + members.get(0).describe() + "]";
    }
}
