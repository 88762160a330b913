package potentia.ipi;

import potentia.potential.Result;
import potentia.structure.Structure;

/**
 * One geometry the server sent and what the potential made of it.
 *
 * @param index 0 for the first evaluation of this driver, counting across connections
 * @param structure the driver's species with the server's cell and positions (Å), atoms the server wrapped
 *     into the cell moved back by lattice vectors next to where they were in the previous geometry
 * @param result what the potential computed (eV, eV/Å)
 * @param neighbourListRebuilt whether the Verlet list had to be rebuilt for it
 * @param computeNanos time spent in the neighbour list and the potential, ns
 */
public record IpiEvaluation(long index, Structure structure, Result result, boolean neighbourListRebuilt,
        long computeNanos) {
}
