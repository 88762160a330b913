package potentia.ehp;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import potentia.cmaes.CheckpointFile;
import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * The binary checkpoint of an {@link EhpRun}: the plan, metadata, finished points, the carried
 * state and the running minimiser's snapshot, in a {@link CheckpointFile} (magic, kind "ehp",
 * CRC-32; written atomically, refused by name when damaged).
 */
final class EhpCheckpoint {
    static final String KIND = "ehp";
    private static final int VERSION = 1;

    private EhpCheckpoint() {
    }

    record Contents(EhpRun.Plan plan, Map<String, String> metadata, double[] bulkModuli, List<EhpPoint> points, int job,
            EhpRun.Carry carry, EhpSnapshot snapshot) {
    }

    static void write(Path path, Contents c) {
        CheckpointFile.write(path, KIND, out -> {
            out.writeInt(VERSION);
            out.writeInt(c.metadata().size());
            for (Map.Entry<String, String> e : c.metadata().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            writePlan(out, c.plan());
            doubles(out, c.bulkModuli());
            out.writeInt(c.job());
            out.writeInt(c.points().size());
            for (EhpPoint p : c.points()) {
                writePoint(out, p);
            }
            out.writeBoolean(c.carry() != null);
            if (c.carry() != null) {
                EhpRun.Carry k = c.carry();
                doubles(out, k.phi());
                doubles(out, k.centroid());
                doubles(out, k.cell());
                nullableDoubles(out, k.previousCell());
                out.writeDouble(k.previousTemperature());
                out.writeDouble(k.temperature());
            }
            out.writeBoolean(c.snapshot() != null);
            if (c.snapshot() != null) {
                writeSnapshot(out, c.snapshot());
            }
        });
    }

    static Contents read(Path path) {
        return CheckpointFile.read(path, KIND, in -> {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("version " + version + " (this build reads " + VERSION + ")");
            }
            int nm = count(in, 10_000);
            Map<String, String> metadata = new LinkedHashMap<>();
            for (int k = 0; k < nm; k++) {
                metadata.put(in.readUTF(), in.readUTF());
            }
            EhpRun.Plan plan = readPlan(in);
            double[] bulk = doubles(in);
            int job = in.readInt();
            int np = count(in, 1_000_000);
            List<EhpPoint> points = new ArrayList<>();
            for (int k = 0; k < np; k++) {
                points.add(readPoint(in));
            }
            EhpRun.Carry carry = null;
            if (in.readBoolean()) {
                carry = new EhpRun.Carry(doubles(in), doubles(in), doubles(in), nullableDoubles(in), in.readDouble(),
                        in.readDouble());
            }
            EhpSnapshot snapshot = in.readBoolean() ? readSnapshot(in) : null;
            if (job < 0 || job > plan.jobs() || points.size() != job) {
                throw new IOException("job " + job + " with " + points.size() + " points does not fit the plan");
            }
            return new Contents(plan, metadata, bulk, points, job, carry, snapshot);
        });
    }

    private static void writePlan(DataOutputStream out, EhpRun.Plan p) throws IOException {
        out.writeInt(p.phases().size());
        for (EhpRun.Phase ph : p.phases()) {
            out.writeUTF(ph.name());
            Structure s = ph.unit();
            ints(out, s.atomicNumbers());
            doubles(out, s.positions());
            doubles(out, s.cell().matrix());
            ints(out, ph.repeats());
        }
        doubles(out, p.temperatures());
        doubles(out, p.pressures());
        out.writeBoolean(p.quantum());
        out.writeBoolean(p.relaxCell());
        EhpSettings s = p.settings();
        out.writeInt(s.pairs());
        out.writeBoolean(s.reweighting());
        out.writeDouble(s.essThreshold());
        out.writeDouble(s.step());
        out.writeDouble(s.tolerance());
        out.writeDouble(s.frequencyTolerance());
        out.writeDouble(s.pressureTolerance());
        out.writeInt(s.maxSteps());
        out.writeInt(s.threads());
        out.writeLong(p.seed());
        out.writeDouble(p.displacement());
        out.writeBoolean(p.useSymmetry());
    }

    private static EhpRun.Plan readPlan(DataInputStream in) throws IOException {
        int n = count(in, 1000);
        List<EhpRun.Phase> phases = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String name = in.readUTF();
            int[] z = ints(in);
            double[] x = doubles(in);
            double[] h = doubles(in);
            int[] rep = ints(in);
            try {
                phases.add(new EhpRun.Phase(name, Structure.of(z, x, Cell.periodic(h)), rep));
            } catch (IllegalArgumentException e) {
                throw new IOException("phase " + name + ": " + e.getMessage());
            }
        }
        double[] t = doubles(in);
        double[] p = doubles(in);
        boolean quantum = in.readBoolean();
        boolean relax = in.readBoolean();
        EhpSettings s;
        try {
            s = new EhpSettings(in.readInt(), in.readBoolean(), in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readDouble(), in.readInt(), in.readInt());
            return new EhpRun.Plan(phases, t, p, quantum, relax, s, in.readLong(), in.readDouble(), in.readBoolean());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
    }

    private static void writePoint(DataOutputStream out, EhpPoint p) throws IOException {
        out.writeInt(p.phase());
        out.writeInt(p.pressureIndex());
        out.writeDouble(p.temperature());
        out.writeDouble(p.pressure());
        out.writeBoolean(p.converged());
        out.writeDouble(p.freeEnergy());
        out.writeDouble(p.freeEnergyError());
        out.writeDouble(p.gibbsFreeEnergy());
        out.writeDouble(p.achievedPressure());
        out.writeDouble(p.pressureError());
        out.writeDouble(p.volume());
        doubles(out, p.unitCell());
        out.writeDouble(p.latticeError());
        out.writeInt(p.steps());
        out.writeLong(p.ensembles());
        out.writeLong(p.evaluations());
        out.writeDouble(p.gap());
        doubles(out, p.frequencies());
        out.writeBoolean(p.bands() != null);
        if (p.bands() != null) {
            out.writeInt(p.bands().length);
            for (double[] row : p.bands()) {
                doubles(out, row);
            }
        }
    }

    private static EhpPoint readPoint(DataInputStream in) throws IOException {
        int phase = in.readInt();
        int pi = in.readInt();
        double t = in.readDouble();
        double p = in.readDouble();
        boolean conv = in.readBoolean();
        double f = in.readDouble();
        double fe = in.readDouble();
        double g = in.readDouble();
        double ap = in.readDouble();
        double pe = in.readDouble();
        double v = in.readDouble();
        double[] cell = doubles(in);
        double le = in.readDouble();
        int steps = in.readInt();
        long ens = in.readLong();
        long ev = in.readLong();
        double gap = in.readDouble();
        double[] nu = doubles(in);
        double[][] bands = null;
        if (in.readBoolean()) {
            bands = new double[count(in, 1_000_000)][];
            for (int k = 0; k < bands.length; k++) {
                bands[k] = doubles(in);
            }
        }
        return new EhpPoint(phase, pi, t, p, conv, f, fe, g, ap, pe, v, cell, le, steps, ens, ev, gap, nu, bands);
    }

    private static void writeSnapshot(DataOutputStream out, EhpSnapshot s) throws IOException {
        doubles(out, s.centroid());
        doubles(out, s.forceConstants());
        doubles(out, s.cell());
        out.writeBoolean(s.ensemble() != null);
        if (s.ensemble() != null) {
            EhpSnapshot.EnsembleData e = s.ensemble();
            doubles(out, e.sourceCentroid());
            doubles(out, e.sourceForceConstants());
            out.writeLong(e.index());
            out.writeInt(e.rows());
            out.writeInt(e.columns());
            doubles(out, e.positions());
            doubles(out, e.energies());
            doubles(out, e.forces());
            out.writeBoolean(e.virials() != null);
            if (e.virials() != null) {
                for (double[] w : e.virials()) {
                    doubles(out, w);
                }
            }
            doubles(out, e.logSource());
        }
        out.writeLong(s.nextEnsemble());
        out.writeInt(s.steps());
        out.writeLong(s.evaluations());
        out.writeInt(s.pairs());
        out.writeBoolean(s.needFresh());
        out.writeInt(s.freshAtThisSize());
        out.writeDouble(s.mixing());
        nullableDoubles(out, s.previousDelta());
        out.writeBoolean(s.done());
        out.writeBoolean(s.converged());
    }

    private static EhpSnapshot readSnapshot(DataInputStream in) throws IOException {
        double[] r0 = doubles(in);
        double[] phi = doubles(in);
        double[] cell = doubles(in);
        EhpSnapshot.EnsembleData data = null;
        if (in.readBoolean()) {
            double[] sr = doubles(in);
            double[] sp = doubles(in);
            long index = in.readLong();
            int rows = in.readInt();
            int cols = in.readInt();
            double[] x = doubles(in);
            double[] e = doubles(in);
            double[] f = doubles(in);
            double[][] w = null;
            if (in.readBoolean()) {
                w = new double[rows][];
                for (int k = 0; k < rows; k++) {
                    w[k] = doubles(in);
                }
            }
            double[] ls = doubles(in);
            if (x.length != rows * cols || f.length != rows * cols || e.length != rows || ls.length != rows) {
                throw new IOException("ensemble arrays do not match " + rows + "×" + cols);
            }
            data = new EhpSnapshot.EnsembleData(sr, sp, index, rows, cols, x, e, f, w, ls);
        }
        return new EhpSnapshot(r0, phi, cell, data, in.readLong(), in.readInt(), in.readLong(), in.readInt(),
                in.readBoolean(), in.readInt(), in.readDouble(), nullableDoubles(in), in.readBoolean(), in.readBoolean());
    }

    private static int count(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("implausible count " + n);
        }
        return n;
    }

    private static void doubles(DataOutputStream out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double d : v) {
            out.writeDouble(d);
        }
    }

    private static double[] doubles(DataInputStream in) throws IOException {
        double[] v = new double[count(in, 1 << 28)];
        for (int k = 0; k < v.length; k++) {
            v[k] = in.readDouble();
        }
        return v;
    }

    private static void nullableDoubles(DataOutputStream out, double[] v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            doubles(out, v);
        }
    }

    private static double[] nullableDoubles(DataInputStream in) throws IOException {
        return in.readBoolean() ? doubles(in) : null;
    }

    private static void ints(DataOutputStream out, int[] v) throws IOException {
        out.writeInt(v.length);
        for (int d : v) {
            out.writeInt(d);
        }
    }

    private static int[] ints(DataInputStream in) throws IOException {
        int[] v = new int[count(in, 1 << 24)];
        for (int k = 0; k < v.length; k++) {
            v[k] = in.readInt();
        }
        return v;
    }
}
