package potentia.bench;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import potentia.neighbour.NeighbourList;
import potentia.potential.ForwardingPotential;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Structure;

/**
 * A potential that counts its evaluations and the nanoseconds spent in them (neighbour list
 * included), so a benchmark can split a calculation into force evaluations and the rest. The
 * time is summed over calls: it is wall time only when the calls do not overlap.
 */
final class TimedPotential implements ForwardingPotential {
    private final Potential inner;
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger calls = new AtomicInteger();

    TimedPotential(Potential inner) {
        this.inner = inner;
    }

    @Override
    public Potential inner() {
        return inner;
    }

    /** Nanoseconds spent in {@code compute} so far. */
    long nanos() {
        return nanos.get();
    }

    /** Evaluations so far. */
    int calls() {
        return calls.get();
    }

    @Override
    public Result compute(Structure structure, Set<Property> requested) {
        long t0 = System.nanoTime();
        Result r = inner.compute(structure, requested);
        nanos.addAndGet(System.nanoTime() - t0);
        calls.incrementAndGet();
        return r;
    }

    @Override
    public Result compute(Structure structure, NeighbourList neighbours, Set<Property> requested) {
        long t0 = System.nanoTime();
        Result r = inner.compute(structure, neighbours, requested);
        nanos.addAndGet(System.nanoTime() - t0);
        calls.incrementAndGet();
        return r;
    }
}
