package potentia.relax;

import potentia.structure.Structure;

/**
 * The outcome of a relaxation.
 *
 * @param status why it stopped
 * @param structure the final structure (the last one with finite results), with energy, forces
 *     (and stress) attached under ASE's keys; stale labels of the input are dropped
 * @param steps optimiser steps taken
 * @param evaluations potential evaluations (steps + 1)
 * @param energy final potential energy, eV
 * @param enthalpy final E + pV, eV (= energy without cell relaxation)
 * @param fmax final largest force norm on a free atom, eV/Å
 * @param smax final largest relaxable |σ + p·1| component, eV/Å³ (NaN without cell relaxation)
 * @param message one line saying what happened, with the numbers
 */
public record RelaxResult(Status status, Structure structure, int steps, int evaluations, double energy,
        double enthalpy, double fmax, double smax, String message) {

    /** Why a relaxation stopped. */
    public enum Status {
        /** fmax (and smax) below their thresholds. */
        CONVERGED,
        /** The step limit was reached first. */
        MAX_STEPS,
        /** The potential returned a non-finite energy, force or stress. */
        NOT_FINITE
    }

    /** Whether the thresholds were met. */
    public boolean converged() {
        return status == Status.CONVERGED;
    }
}
