package potentia.md;

import java.util.Optional;
import potentia.structure.AtomArray;
import potentia.structure.Structure;
import potentia.units.Units;

/**
 * Initial velocities and the kinetic quantities of a set of velocities. Velocities are Å/fs,
 * masses amu; ½mv² is converted to eV with {@link Units#MASS_VELOCITY2_TO_EV}.
 */
public final class Velocities {
    /** The random stream of initial velocities (see {@link CounterRandom}). */
    static final long STREAM_INITIAL = 1;

    private Velocities() {
    }

    /**
     * Maxwell–Boltzmann velocities at {@code temperature}: each free component drawn from a normal
     * of variance k_BT/m (converted to (Å/fs)²), fixed components zero; then, when no component is
     * fixed, the centre-of-mass velocity is removed (zero total momentum); then all velocities are
     * scaled so that the instantaneous temperature is exactly {@code temperature} with N_f =
     * free components − 3 (momentum removed) or free components (some fixed), as LAMMPS's
     * {@code velocity create} does. The numbers depend only on the seed and the atom indices.
     *
     * @param temperature K, ≥ 0
     * @return 3N velocities, Å/fs
     */
    public static double[] maxwellBoltzmann(MdSystem system, double temperature, long seed) {
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number ≥ 0 K, got " + temperature);
        }
        int n = system.size();
        double[] v = new double[3 * n];
        if (temperature == 0) {
            return v;
        }
        new CounterRandom(seed).normals(STREAM_INITIAL, 0, v, 0, v.length);
        double kt = Units.BOLTZMANN * temperature;
        for (int i = 0; i < n; i++) {
            double sigma = Math.sqrt(kt * Units.FORCE_OVER_MASS_TO_ACCELERATION / system.mass(i));
            for (int k = 0; k < 3; k++) {
                v[3 * i + k] = system.isFrozen(i, k) ? 0 : sigma * v[3 * i + k];
            }
        }
        boolean removeMomentum = !system.anyFrozen();
        if (removeMomentum) {
            removeCentreOfMassVelocity(system, v);
        }
        int dof = degreesOfFreedom(system, removeMomentum);
        double k = kinetic(system, v);
        if (dof > 0 && k > 0) {
            double scale = Math.sqrt(dof * kt / (2 * k));
            for (int a = 0; a < v.length; a++) {
                v[a] *= scale;
            }
        }
        return v;
    }

    /**
     * Subtracts the centre-of-mass velocity Σmv/Σm from every atom.
     *
     * @param v 3N velocities, Å/fs, modified
     */
    public static void removeCentreOfMassVelocity(MdSystem system, double[] v) {
        double[] p = momentum(system, v);
        double total = 0;
        for (int i = 0; i < system.size(); i++) {
            total += system.mass(i);
        }
        for (int i = 0; i < system.size(); i++) {
            for (int k = 0; k < 3; k++) {
                v[3 * i + k] -= p[k] / total;
            }
        }
    }

    /**
     * Total momentum Σ m v, amu·Å/fs.
     *
     * @param v 3N velocities, Å/fs (not modified)
     */
    public static double[] momentum(MdSystem system, double[] v) {
        double[] p = new double[3];
        for (int i = 0; i < system.size(); i++) {
            for (int k = 0; k < 3; k++) {
                p[k] += system.mass(i) * v[3 * i + k];
            }
        }
        return p;
    }

    /**
     * Kinetic energy Σ ½ m v², eV.
     *
     * @param v 3N velocities, Å/fs (not modified)
     */
    public static double kinetic(MdSystem system, double[] v) {
        double twiceK = 0;
        for (int i = 0; i < system.size(); i++) {
            double x = v[3 * i];
            double y = v[3 * i + 1];
            double z = v[3 * i + 2];
            twiceK += system.mass(i) * (x * x + y * y + z * z);
        }
        return 0.5 * twiceK * Units.MASS_VELOCITY2_TO_EV;
    }

    /**
     * The kinetic tensor Σ m v_a v_b, eV, 3×3 row-major (twice the kinetic energy on its trace).
     *
     * @param v 3N velocities, Å/fs (not modified)
     */
    public static double[] kineticTensor(MdSystem system, double[] v) {
        double[] t = new double[9];
        for (int i = 0; i < system.size(); i++) {
            double m = system.mass(i) * Units.MASS_VELOCITY2_TO_EV;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    t[3 * a + b] += m * v[3 * i + a] * v[3 * i + b];
                }
            }
        }
        return t;
    }

    /**
     * The number of degrees of freedom N_f: free components, less 3 when the total momentum is
     * conserved at zero (then the centre of mass carries no kinetic energy), at least 0.
     */
    public static int degreesOfFreedom(MdSystem system, boolean momentumConserved) {
        int free = system.freeComponents();
        return Math.max(0, momentumConserved ? free - 3 : free);
    }

    /** The temperature 2K/(N_f k_B) of velocities, K (NaN when N_f = 0). */
    public static double temperature(MdSystem system, double[] v, boolean momentumConserved) {
        int dof = degreesOfFreedom(system, momentumConserved);
        return dof > 0 ? 2 * kinetic(system, v) / (dof * Units.BOLTZMANN) : Double.NaN;
    }

    /**
     * The velocities a structure carries, Å/fs: a per-atom {@code velocities} array (3 columns,
     * Å/fs, as Potentia writes trajectories) or else ASE's {@code momenta} (3 columns, amu·Å per
     * ASE time unit Å·√(amu/eV) ≈ 10.18 fs), divided by the system's masses and converted.
     *
     * @return empty when the structure has neither
     * @throws IllegalArgumentException for an array of the wrong type or shape
     */
    public static Optional<double[]> fromStructure(Structure s, MdSystem system) {
        var velocities = s.array("velocities");
        if (velocities.isPresent()) {
            return Optional.of(threeColumns(velocities.get(), "velocities"));
        }
        var momenta = s.array("momenta");
        if (momenta.isEmpty()) {
            return Optional.empty();
        }
        double[] p = threeColumns(momenta.get(), "momenta");
        // 1 ASE time unit = 1/√(FORCE_OVER_MASS_TO_ACCELERATION) fs, since 1 eV/(Å·amu) = 1 Å/(ASE time)²
        double perAseTimeToPerFs = Math.sqrt(Units.FORCE_OVER_MASS_TO_ACCELERATION);
        for (int a = 0; a < p.length; a++) {
            p[a] = p[a] / system.mass(a / 3) * perAseTimeToPerFs;
        }
        return Optional.of(p);
    }

    private static double[] threeColumns(AtomArray a, String name) {
        if (!(a instanceof AtomArray.Reals r) || r.columns() != 3) {
            throw new IllegalArgumentException("per-atom array '" + name + "' must be three real columns, got " + a);
        }
        return r.values();
    }
}
