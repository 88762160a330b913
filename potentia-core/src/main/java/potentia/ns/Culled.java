package potentia.ns;

import potentia.structure.Structure;

/**
 * A walker removed by nested sampling (or a live one at the end): the iteration that removed
 * it, its enthalpy H = E + PV (eV), energy E (eV), volume V (Å³) and — when a snapshot was
 * due — its structure, else null.
 */
public record Culled(long iteration, double enthalpy, double energy, double volume, Structure structure) {
}
