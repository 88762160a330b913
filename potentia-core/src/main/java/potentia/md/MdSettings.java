package potentia.md;

/**
 * How to integrate: time step, thermostat, barostat, random seed and neighbour-list skin.
 *
 * @param timestep Δt, fs, &gt; 0
 * @param thermostat {@link Thermostat.None} for NVE
 * @param barostat {@link Barostat.None} for a constant cell; a barostat needs a thermostat
 * @param seed the seed of every random number of the run (initial velocities, thermostat and
 *     barostat noise), see {@link CounterRandom}
 * @param skin Verlet skin, Å, ≥ 0: the neighbour list is built to cutoff + skin and reused until
 *     an atom has moved skin/2
 */
public record MdSettings(double timestep, Thermostat thermostat, Barostat barostat, long seed, double skin) {

    /** The default skin, Å (LAMMPS's default for metal units is 2 Å; 1 Å rebuilds more often but builds smaller lists). */
    public static final double DEFAULT_SKIN = 1.0;

    public MdSettings {
        if (!(timestep > 0) || !Double.isFinite(timestep)) {
            throw new IllegalArgumentException("time step must be a positive number of fs, got " + timestep);
        }
        if (thermostat == null || barostat == null) {
            throw new IllegalArgumentException("thermostat and barostat must not be null (use None)");
        }
        if (barostat instanceof Barostat.CellRescaling && thermostat instanceof Thermostat.None) {
            throw new IllegalArgumentException("a barostat needs a thermostat (its noise is set by the temperature)");
        }
        if (!(skin >= 0) || !Double.isFinite(skin)) {
            throw new IllegalArgumentException("Verlet skin must be a finite length ≥ 0 Å, got " + skin);
        }
    }

    /** NVE with velocity Verlet. */
    public static MdSettings nve(double timestep, long seed) {
        return new MdSettings(timestep, new Thermostat.None(), new Barostat.None(), seed, DEFAULT_SKIN);
    }

    /** This with another thermostat. */
    public MdSettings withThermostat(Thermostat t) {
        return new MdSettings(timestep, t, barostat, seed, skin);
    }

    /** This with another barostat. */
    public MdSettings withBarostat(Barostat b) {
        return new MdSettings(timestep, thermostat, b, seed, skin);
    }

    /** This with another skin. */
    public MdSettings withSkin(double s) {
        return new MdSettings(timestep, thermostat, barostat, seed, s);
    }

    /** This with another seed. */
    public MdSettings withSeed(long s) {
        return new MdSettings(timestep, thermostat, barostat, s, skin);
    }
}
