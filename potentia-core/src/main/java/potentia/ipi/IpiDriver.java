package potentia.ipi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import potentia.neighbour.VerletList;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * The client side of the i-PI protocol (the "driver"): a server (i-PI, ASE's
 * {@code SocketIOCalculator}) sends positions and cell, the driver answers with energy, forces
 * and virial computed by any {@link Potential}.
 *
 * <p>A state machine answers each message as it arrives, never assuming an order:
 * <ul>
 *   <li>STATUS → HAVEDATA when results wait to be fetched, else READY once an INIT has arrived,
 *       else NEEDINIT (any number of STATUS in a row get the same answer);</li>
 *   <li>INIT → records bead index and init string, answers nothing;</li>
 *   <li>POSDATA → reads cell (its own inverse is computed, the transmitted one is read and
 *       ignored: senders disagree on its layout), checks the atom count against the driver's
 *       structure, evaluates; accepted before any INIT (ASE and some servers skip it) and when
 *       earlier results were not fetched (they are replaced);</li>
 *   <li>GETFORCE → FORCEREADY, energy, natoms, forces, virial, extra bytes; an error when no
 *       positions wait for their forces;</li>
 *   <li>EXIT → the session ends normally; so does the server closing the connection between
 *       messages (ASE's calculator closes without EXIT).</li>
 * </ul>
 * Anything else — garbage, a message cut short, a stall inside a message, a driver's reply
 * coming from the server, an atom count that does not match — throws {@link IpiException} with
 * one line saying what: a byte stream that lost its framing cannot be resynchronised.
 *
 * <p>Species and atom order come from the driver's own structure (the protocol carries positions
 * only); its periodicity is kept, the cell follows the server. Consecutive geometries of MD or
 * a relaxation are close, so the neighbour list is a {@link VerletList} reused across calls;
 * atoms a server wrapped back into the cell are first moved back next to where they were
 * ({@link ImageUnwrapper}: a lattice translation changes no result, and the list stays valid).
 *
 * <p>Mutable: one driver serves one connection at a time, on the calling thread; it may serve
 * several connections one after another (the Verlet list carries over).
 */
public final class IpiDriver {
    /** Longest INIT string accepted: a guard against garbage lengths, far above real ones. */
    static final int MAX_INIT_BYTES = 16 << 20;

    private final Potential potential;
    private final Structure reference;
    private final String structureName;
    private final Set<Property> requested;
    private final VerletList verlet;
    private final IpiExtras extras;
    private final IpiListener listener;
    private long evaluations;

    private IpiDriver(Builder b) {
        this.potential = b.potential;
        this.reference = b.reference;
        this.structureName = b.structureName;
        this.extras = b.extras;
        this.listener = b.listener;
        EnumSet<Property> want = EnumSet.of(Property.ENERGY, Property.FORCES);
        if (potential.supported().contains(Property.STRESS)) {
            want.add(Property.STRESS);
        }
        want.addAll(extras.needs());
        for (Property p : want) {
            if (!potential.supported().contains(p)) {
                throw new IllegalArgumentException(potential.name() + " cannot compute " + p.key()
                        + ", which the i-PI driver needs");
            }
        }
        this.requested = want;
        this.verlet = new VerletList(potential.cutoff(), b.skin, potential.needsFullList(), b.threads);
    }

    /**
     * A driver for {@code potential} on the system of {@code reference}, whose species, atom order
     * and periodicity the server's positions are taken to follow.
     */
    public static Builder builder(Potential potential, Structure reference) {
        return new Builder(potential, reference);
    }

    /** The structure whose species and periodicity the driver uses. */
    public Structure reference() {
        return reference;
    }

    /** Evaluations done so far, over all connections. */
    public long evaluations() {
        return evaluations;
    }

    /**
     * Answers the server's messages until it sends EXIT or closes the connection between messages.
     * Does not close the connection.
     *
     * @throws IpiException on garbage, truncation, stalls, protocol violations and atom-count mismatches
     * @throws IllegalArgumentException when the potential refuses a geometry (message says why)
     */
    public IpiSummary serve(IpiConnection connection) {
        Session session = new Session(connection);
        return session.run();
    }

    /** The state of one connection. */
    private final class Session {
        private final IpiConnection c;
        private final int atoms = reference.size();
        private final double[] cellWire = new double[9];
        private final double[] ignoredInverse = new double[9];
        private final ImageUnwrapper unwrapper = new ImageUnwrapper();
        private boolean initialised;
        private Structure pending;
        private Result pendingResult;
        private long count;
        private long sent;
        private long computeNanos;
        private final int buildsBefore = verlet.builds();

        Session(IpiConnection c) {
            this.c = c;
        }

        IpiSummary run() {
            long start = System.nanoTime();
            while (true) {
                IpiMessage m = c.readMessage();
                if (m == null) {
                    return summary(IpiSummary.Ending.CLOSED, start);
                }
                listener.received(m);
                switch (m) {
                    case STATUS -> reply(pending != null ? IpiMessage.HAVEDATA
                            : initialised ? IpiMessage.READY : IpiMessage.NEEDINIT);
                    case INIT -> init();
                    case POSDATA -> positions();
                    case GETFORCE -> forces();
                    case EXIT -> {
                        return summary(IpiSummary.Ending.EXIT, start);
                    }
                    case READY, NEEDINIT, HAVEDATA, FORCEREADY -> throw new IpiException("the server sent " + m
                            + ", which only a driver sends: is the other end of " + c.address()
                            + " a driver rather than a server?");
                }
            }
        }

        private void reply(IpiMessage m) {
            listener.sent(m);
            c.send(m);
        }

        private void init() {
            int bead = c.readInt("the bead index");
            int length = c.readInt("the length of the init string");
            if (length < 0 || length > MAX_INIT_BYTES) {
                throw new IpiException("garbage in INIT: init string length " + length + " is not between 0 and "
                        + MAX_INIT_BYTES);
            }
            byte[] text = c.readBytes(length, "the init string");
            initialised = true;
            listener.initialised(bead, new String(text, StandardCharsets.UTF_8));
        }

        private void positions() {
            c.readDoubles(cellWire, "the cell");
            c.readDoubles(ignoredInverse, "the inverse cell");
            int n = c.readInt("the number of atoms");
            if (n != atoms) {
                throw new IpiException("the server sent " + n + " atoms but the driver's structure" + structureName
                        + " has " + atoms + ": the driver takes species and atom order from its own structure, "
                        + "which must be the server's system");
            }
            double[] x = new double[3 * n];
            c.readDoubles(x, "the positions");
            IpiWire.positionsFromWire(x);
            Cell cell;
            try {
                cell = Cell.of(IpiWire.cellFromWire(cellWire), reference.cell().pbc());
            } catch (IllegalArgumentException e) {
                throw new IpiException("the server sent an unusable cell for the periodic structure" + structureName
                        + ": " + e.getMessage());
            }
            unwrapper.follow(x, cell);
            Structure s = Structure.of(reference.atomicNumbers(), x, cell);
            long t0 = System.nanoTime();
            boolean rebuilt = verlet.update(s);
            Result r;
            try {
                r = potential.compute(s, verlet.list(), requested);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new IllegalArgumentException("evaluating " + potential.name() + " on the server's geometry "
                        + (count + 1) + " failed: " + e.getMessage(), e);
            }
            long dt = System.nanoTime() - t0;
            computeNanos += dt;
            pending = s;
            pendingResult = r;
            count++;
            listener.evaluated(new IpiEvaluation(evaluations++, s, r, rebuilt, dt));
        }

        private void forces() {
            if (pending == null) {
                throw new IpiException("the server sent GETFORCE but no positions wait for their forces "
                        + "(GETFORCE must follow a POSDATA)");
            }
            byte[] extra = extras.json(pending, pendingResult).getBytes(StandardCharsets.UTF_8);
            double[] f = IpiWire.forcesToWire(pendingResult.forces());
            double[] w = pendingResult.has(Property.STRESS) ? IpiWire.virialToWire(pendingResult.virial())
                    : new double[9];
            ByteBuffer b = IpiConnection.allocate(IpiMessage.HEADER_BYTES + 8 + 4 + 8 * f.length + 8 * 9 + 4
                    + extra.length);
            b.put(IpiMessage.FORCEREADY.header());
            b.putDouble(IpiWire.energyToWire(pendingResult.energy()));
            b.putInt(atoms);
            for (double v : f) {
                b.putDouble(v);
            }
            for (double v : w) {
                b.putDouble(v);
            }
            b.putInt(extra.length);
            b.put(extra);
            b.flip();
            listener.sent(IpiMessage.FORCEREADY);
            c.send(b, IpiMessage.FORCEREADY);
            pending = null;
            pendingResult = null;
            sent++;
        }

        private IpiSummary summary(IpiSummary.Ending ending, long start) {
            return new IpiSummary(ending, count, sent, verlet.builds() - buildsBefore, pending != null, computeNanos,
                    System.nanoTime() - start);
        }
    }

    /** Options of a driver. */
    public static final class Builder {
        private final Potential potential;
        private final Structure reference;
        private String structureName = "";
        private double skin = 1.0;
        private int threads = 1;
        private IpiExtras extras = IpiExtras.NONE;
        private IpiListener listener = IpiListener.NONE;

        private Builder(Potential potential, Structure reference) {
            this.potential = Objects.requireNonNull(potential, "potential");
            this.reference = Objects.requireNonNull(reference, "reference structure");
            if (reference.size() == 0) {
                throw new IllegalArgumentException("the i-PI driver needs a structure with atoms, got an empty one");
            }
        }

        /** Names the structure (e.g. its file) in error messages. */
        public Builder structureName(String name) {
            this.structureName = name == null || name.isEmpty() ? "" : " (" + name + ")";
            return this;
        }

        /** The Verlet skin, Å (default 1): larger means rarer but costlier neighbour-list builds. */
        public Builder skin(double angstrom) {
            this.skin = angstrom;
            return this;
        }

        /** Threads for neighbour-list builds (default 1; the potential has its own). */
        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        /** What to send as FORCEREADY's extra string (default none). */
        public Builder extras(IpiExtras e) {
            this.extras = Objects.requireNonNull(e, "extras");
            return this;
        }

        /** Who hears about messages and evaluations (default nobody). */
        public Builder listener(IpiListener l) {
            this.listener = Objects.requireNonNull(l, "listener");
            return this;
        }

        public IpiDriver build() {
            return new IpiDriver(this);
        }
    }
}
