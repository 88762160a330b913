package potentia.units;

/**
 * The one table of units and physical constants.
 *
 * <p>Internal units are those of ASE and LAMMPS "metal": energy eV, length Å, mass amu,
 * temperature K, time fs (ASE's own time unit, Å·√(amu/eV) ≈ 10.18 fs, is never used), stress
 * eV/Å³ with ASE's sign (positive is tensile, stress = −pressure). Every other unit appears only
 * at a file or command-line boundary, converted with the constants here.
 *
 * <p>Constants are CODATA 2014, the set ASE uses by default ({@code ase.units}), so that numbers
 * exchanged with ASE (extended XYZ, the i-PI socket) agree to the last digit.
 */
public final class Units {
    private Units() {
    }

    /** Elementary charge, C (CODATA 2014): 1 eV = this many J. */
    public static final double ELEMENTARY_CHARGE = 1.6021766208e-19;
    /** Atomic mass constant, kg (CODATA 2014). */
    public static final double AMU_KG = 1.660539040e-27;
    /** Avogadro constant, 1/mol (CODATA 2014). */
    public static final double AVOGADRO = 6.022140857e23;
    /** Boltzmann constant in eV/K (CODATA 2014: 1.38064852e-23 J/K). */
    public static final double BOLTZMANN = 1.38064852e-23 / ELEMENTARY_CHARGE;
    /** Reduced Planck constant in eV·fs (CODATA 2014: 1.054571800e-34 J·s). */
    public static final double HBAR = 1.054571800e-34 / ELEMENTARY_CHARGE * 1e15;

    /** Planck constant h = 2πħ in eV·fs. */
    public static final double PLANCK = 2 * Math.PI * HBAR;
    /** Energy hν of one THz, eV (1 THz = 10⁻³ fs⁻¹). */
    public static final double THZ_TO_EV = PLANCK * 1e-3;
    /** Energy hν of one THz, meV. */
    public static final double THZ_TO_MEV = THZ_TO_EV * 1e3;

    /** One GPa in eV/Å³: divide a stress in eV/Å³ by this to get GPa. */
    public static final double GPA = 1e9 * 1e-30 / ELEMENTARY_CHARGE;
    /** One bar in eV/Å³ (LAMMPS "metal" pressure unit). */
    public static final double BAR = 1e5 * 1e-30 / ELEMENTARY_CHARGE;

    /**
     * Converts force/mass in eV/(Å·amu) to acceleration in Å/fs²:
     * 1 eV/(Å·amu) = e / (1e-10 m · amu) m/s² = this many Å/fs².
     */
    public static final double FORCE_OVER_MASS_TO_ACCELERATION = ELEMENTARY_CHARGE / (1e-10 * AMU_KG) * 1e10 / 1e30;
    /** Kinetic energy ½mv² with m in amu and v in Å/fs, converted to eV. */
    public static final double MASS_VELOCITY2_TO_EV = 1.0 / FORCE_OVER_MASS_TO_ACCELERATION;

    /**
     * Converts √λ, with λ an eigenvalue of a dynamical matrix in eV/(Å²·amu), to a frequency
     * ν = ω/2π in THz: ω² = λ·{@link #FORCE_OVER_MASS_TO_ACCELERATION} fs⁻², ν = 10³·ω/2π THz
     * (≈ 15.633302, phonopy's VaspToTHz).
     */
    public static final double DYNAMICAL_TO_THZ = Math.sqrt(FORCE_OVER_MASS_TO_ACCELERATION) * 1e3 / (2 * Math.PI);

    /**
     * Bohr radius in Å, the i-PI length unit: ASE derives it from the CODATA 2014 constants
     * (4πε₀ħ²/(m_e e²)) as exactly this double, and the socket peers are ASE and i-PI.
     */
    public static final double BOHR = 0.5291772105638411;
    /** Hartree in eV, the i-PI energy unit, as ASE derives it from CODATA 2014. */
    public static final double HARTREE = 27.211386024367243;

    /** Converts a stress from eV/Å³ to GPa. */
    public static double toGPa(double evPerCubicAngstrom) {
        return evPerCubicAngstrom / GPA;
    }

    /**
     * The frequency ν (THz) of an eigenvalue λ (eV/(Å²·amu)) of a dynamical matrix; an unstable
     * (negative) λ gives a negative ν = −√|λ|, the convention for imaginary modes.
     */
    public static double thz(double eigenvalue) {
        return Math.copySign(Math.sqrt(Math.abs(eigenvalue)), eigenvalue) * DYNAMICAL_TO_THZ;
    }

    /** Converts a pressure or stress from GPa to eV/Å³. */
    public static double fromGPa(double gigapascal) {
        return gigapascal * GPA;
    }
}
