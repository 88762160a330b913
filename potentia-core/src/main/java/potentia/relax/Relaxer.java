package potentia.relax;

import java.util.List;
import java.util.Locale;
import potentia.potential.Potential;
import potentia.potential.ResultLabels;
import potentia.structure.Structure;
import potentia.units.Units;

/**
 * Local relaxation of a structure with any {@link Potential}: positions only, or positions and
 * cell under a hydrostatic pressure, by FIRE or L-BFGS ({@link RelaxOptions}).
 *
 * <p>The objective is the potential energy E, or with the cell the enthalpy H = E + pV over
 * positions and the deformation gradient of the cell (ASE's unit cell filter; see
 * {@code CellObjective}): fractional coordinates are carried along with the cell, and with
 * mixed periodicity only the periodic lattice vectors change. Fixed atoms ({@code move_mask} of
 * the structure, {@link RelaxOptions#fixedAtoms()}, {@link RelaxOptions#moveMask()}) never move;
 * with the cell relaxing they keep their fractional coordinates.
 *
 * <p>Convergence: the largest force norm on a free atom is at most fmax and, with the cell,
 * every stress component the cell can relieve is within smax of the target, |σ + p·1| ≤ smax.
 * The relaxation stops unconverged at the step limit, or when the potential returns a non-finite
 * energy, force or stress (the result then holds the last finite structure). Each step costs one
 * evaluation; a neighbour list with a Verlet skin is reused between steps.
 *
 * <p>Stateless; each call has its own engine.
 */
public final class Relaxer {
    private static final List<String> STALE_INFO = List.of("energy", "free_energy", "stress", "virial", "energy_std",
            "stress_std");
    private static final List<String> STALE_ARRAYS = List.of("forces", "energies", "forces_std", "energies_std");

    private Relaxer() {
    }

    /** Relaxes without an observer. */
    public static RelaxResult relax(Potential potential, Structure start, RelaxOptions options) {
        return relax(potential, start, options, RelaxObserver.NONE);
    }

    /**
     * Relaxes {@code start}.
     *
     * @param observer told about the start and every step
     * @throws IllegalArgumentException for options that do not fit the structure or potential
     *     (a fixed atom that does not exist, a pressure with mixed periodicity, a potential without
     *     stress for a cell relaxation); exceptions of the potential propagate
     */
    public static RelaxResult relax(Potential potential, Structure start, RelaxOptions options, RelaxObserver observer) {
        boolean[] move = MoveMask.of(start, options);
        Structure clean = withoutLabels(start);
        Objective objective = options.cell()
                .<Objective>map(c -> new CellObjective(potential, clean, move, options.skin(), c))
                .orElseGet(() -> new PositionObjective(potential, clean, move, options.skin()));
        StepRule rule = switch (options.algorithm()) {
            case FIRE -> new Fire(options.maxStep());
            case LBFGS -> new Lbfgs(options.memory(), options.maxStep());
        };
        double fmaxTarget = options.fmax();
        double smaxTarget = options.cell().map(CellRelaxation::smax).orElse(Double.NaN);

        double[] x = objective.initial();
        Evaluation current = objective.evaluate(x);
        int evaluations = 1;
        if (!current.finite()) {
            return notFinite(current, current, 0, evaluations, smaxTarget);
        }
        boolean observed = observer != RelaxObserver.NONE; // labelling a structure per step costs O(N) copies
        if (observed) {
            observer.onStep(step(0, current, true));
        }
        int steps = 0;
        while (true) {
            if (converged(current, fmaxTarget, smaxTarget)) {
                return result(RelaxResult.Status.CONVERGED, current, steps, evaluations,
                        String.format(Locale.ROOT, "converged in %d steps: %s", steps,
                                criteria(current, fmaxTarget, smaxTarget)));
            }
            if (steps >= options.maxSteps()) {
                return result(RelaxResult.Status.MAX_STEPS, current, steps, evaluations,
                        String.format(Locale.ROOT, "not converged after %d steps (the step limit): %s", steps,
                                criteria(current, fmaxTarget, smaxTarget)));
            }
            double[] dx = rule.propose(current);
            objective.project(dx);
            StepRule.cap(dx, rule.stepLimit());
            double[] trial = x.clone();
            for (int k = 0; k < trial.length; k++) {
                trial[k] += dx[k];
            }
            Evaluation next = objective.evaluate(trial);
            evaluations++;
            steps++;
            if (!next.finite()) {
                return notFinite(current, next, steps, evaluations, smaxTarget);
            }
            boolean accepted = rule.accept(current, next, dx);
            if (accepted) {
                x = trial;
                current = next;
            }
            if (observed) {
                observer.onStep(step(steps, current, accepted));
            }
        }
    }

    private static boolean converged(Evaluation e, double fmax, double smax) {
        return e.fmax() <= fmax && (Double.isNaN(smax) || e.smax() <= smax);
    }

    private static String criteria(Evaluation e, double fmax, double smax) {
        String f = "fmax " + number(e.fmax()) + (e.fmax() <= fmax ? " ≤ " : " > ") + number(fmax) + " eV/Å";
        if (Double.isNaN(smax)) {
            return f;
        }
        return f + ", smax " + number(Units.toGPa(e.smax())) + (e.smax() <= smax ? " ≤ " : " > ")
                + number(Units.toGPa(smax)) + " GPa";
    }

    /** Four significant digits without trailing zeros, e.g. 0.0123 or 1.5e-05. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        int exp = s.indexOf('e');
        String mantissa = exp < 0 ? s : s.substring(0, exp);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return exp < 0 ? mantissa : mantissa + s.substring(exp);
    }

    private static RelaxResult notFinite(Evaluation last, Evaluation bad, int steps, int evaluations, double smax) {
        String message = String.format(Locale.ROOT,
                "the potential returned a non-finite %s at step %d; stopped at the last finite structure%s", bad.nonFinite(),
                steps, last == bad ? " (none: the start itself)" : " (step " + (steps - 1) + ")");
        return new RelaxResult(RelaxResult.Status.NOT_FINITE, labelled(last), steps, evaluations, last.energy(),
                last.value(), last.fmax(), last.smax(), message);
    }

    private static RelaxResult result(RelaxResult.Status status, Evaluation e, int steps, int evaluations,
            String message) {
        return new RelaxResult(status, labelled(e), steps, evaluations, e.energy(), e.value(), e.fmax(), e.smax(),
                message);
    }

    private static RelaxStep step(int step, Evaluation e, boolean accepted) {
        return new RelaxStep(step, e.energy(), e.value(), e.fmax(), e.smax(), accepted, labelled(e));
    }

    private static Structure labelled(Evaluation e) {
        return ResultLabels.attach(e.structure(), e.result());
    }

    /** The input without labels of another geometry (they would be stale in the output). */
    private static Structure withoutLabels(Structure s) {
        Structure out = s;
        for (String key : STALE_INFO) {
            out = out.withoutInfo(key);
        }
        for (String key : STALE_ARRAYS) {
            out = out.withoutArray(key);
        }
        return out;
    }
}
