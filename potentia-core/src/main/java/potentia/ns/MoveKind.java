package potentia.ns;

/**
 * The moves of a walk under the constraint H &lt; H_max. Each has a cost in "steps" (roughly one
 * energy evaluation of the whole system) by which walk lengths are counted.
 */
public enum MoveKind {
    /** A sweep of single-atom moves: each atom once, in random order, a Gaussian displacement. Cost 1. */
    ATOM_SWEEP("atom"),
    /** A Galilean trajectory of all atoms: straight steps, reflected off the H = H_max surface. Cost: its steps. */
    GALILEAN("galilean"),
    /**
     * A total-enthalpy Hamiltonian trajectory (Baldock et al. 2017): the momenta redrawn under the
     * limit, then NVE molecular dynamics, kept if E + PV + K stays below H_max. Walkers then carry
     * momenta and the sampled enthalpy includes their kinetic energy. Cost: its steps.
     */
    HAMILTONIAN("hmc"),
    /** An isotropic change of the cell volume, accepted with (V'/V)ᴺ. Cost 1. */
    VOLUME("volume"),
    /** A shear of one lattice vector within the plane of the other two (volume kept). Cost 1. */
    SHEAR("shear"),
    /** One lattice vector stretched by e^δ and another by e^−δ (volume kept). Cost 1. */
    STRETCH("stretch"),
    /** The positions of two atoms of different species exchanged. Cost 1. */
    SWAP("swap");

    private final String label;

    MoveKind(String label) {
        this.label = label;
    }

    /** A short name for tables and progress lines. */
    public String label() {
        return label;
    }
}
