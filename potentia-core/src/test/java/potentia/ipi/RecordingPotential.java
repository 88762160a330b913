package potentia.ipi;

import java.util.EnumSet;
import java.util.Set;
import potentia.neighbour.NeighbourList;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Structure;

/**
 * A potential for protocol tests: remembers the structure it was given and returns fixed,
 * distinguishable numbers — energy 2.5 eV, force component k = 0.1·(k+1) eV/Å, per-atom energies
 * 0.5·(i+1) eV and a non-symmetric virial W_rc = 0.01·(3r+c+1) eV — so that every unit
 * conversion and transposition on the wire shows.
 */
class RecordingPotential implements Potential {
    static final double ENERGY = 2.5;

    volatile Structure last;

    static double force(int k) {
        return 0.1 * (k + 1);
    }

    static double virial(int r, int c) {
        return 0.01 * (3 * r + c + 1);
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public double cutoff() {
        return 2.0;
    }

    @Override
    public boolean needsFullList() {
        return false;
    }

    @Override
    public Set<Property> supported() {
        return EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS, Property.ENERGIES);
    }

    @Override
    public Result compute(Structure s, NeighbourList neighbours, Set<Property> requested) {
        checkRequest(s, neighbours, requested);
        last = s;
        int n = s.size();
        double[] f = new double[3 * n];
        for (int k = 0; k < f.length; k++) {
            f[k] = force(k);
        }
        double[] w = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                w[3 * r + c] = virial(r, c);
            }
        }
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = 0.5 * (i + 1);
        }
        return Result.builder(n, s.cell().anyPeriodic() ? s.cell().volume() : 0).energy(ENERGY).forces(f).virial(w)
                .energies(e).build();
    }
}
