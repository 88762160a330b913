package potentia.relax;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Limited-memory BFGS (Nocedal, Math. Comp. 35 (1980) 773; Nocedal and Wright, Numerical
 * Optimization, 2nd ed., algorithm 7.4) with a trust radius instead of a line search.
 *
 * <p>The direction p = −H·g comes from the two-loop recursion over the last m pairs
 * (s = Δx, y = Δg), with H₀ = γ·1, γ = s·y / y·y of the newest pair (1/70 Å²/eV, ASE's guess,
 * before there is one). The step is capped so that no atom moves more than the trust radius r
 * (at most the maximum step, 0.2 Å by default, as ASE caps its L-BFGS steps).
 *
 * <p>Why a trust radius and not a line search: each line-search trial costs a force evaluation
 * like a step does, and near a minimum the capped quasi-Newton step is almost always accepted;
 * but ASE's L-BFGS, which never checks the energy, can run uphill when the curvature model is
 * poor (far from the minimum, or through a cell-shape change). So the safeguards are:
 * <ul>
 * <li>a pair with s·y ≤ 0 (negative curvature along s) is not stored, keeping H positive definite;
 * <li>a direction that is not downhill (p·g ≥ 0) is replaced by steepest descent g/70 and the
 *     memory cleared;
 * <li>a step that raises the objective by more than round-off (10⁻¹¹·(|E| + 1)) is undone, the
 *     memory cleared and r halved relative to that step; each accepted step doubles r again, up
 *     to the maximum step.
 * </ul>
 */
final class Lbfgs implements StepRule {
    private static final double INITIAL_CURVATURE = 70.0;
    private static final double ROUND_OFF = 1e-11;

    private final int memory;
    private final double maxStep;
    private final ArrayDeque<double[]> s = new ArrayDeque<>();
    private final ArrayDeque<double[]> y = new ArrayDeque<>();
    private final ArrayDeque<Double> rho = new ArrayDeque<>();
    private double radius;
    private int rejected;

    Lbfgs(int memory, double maxStep) {
        this.memory = memory;
        this.maxStep = maxStep;
        this.radius = maxStep;
    }

    @Override
    public double[] propose(Evaluation current) {
        double[] force = current.force();
        int n = force.length;
        // q = g = −force
        double[] q = new double[n];
        for (int k = 0; k < n; k++) {
            q[k] = -force[k];
        }
        int m = s.size();
        double[] a = new double[m];
        Iterator<double[]> si = s.descendingIterator();
        Iterator<double[]> yi = y.descendingIterator();
        Iterator<Double> ri = rho.descendingIterator();
        for (int k = m - 1; k >= 0; k--) {
            double[] sk = si.next();
            double[] yk = yi.next();
            double r = ri.next();
            a[k] = r * StepRule.dot(sk, q);
            for (int c = 0; c < n; c++) {
                q[c] -= a[k] * yk[c];
            }
        }
        double gamma = 1.0 / INITIAL_CURVATURE;
        if (m > 0) {
            double[] sl = s.peekLast();
            double[] yl = y.peekLast();
            gamma = StepRule.dot(sl, yl) / StepRule.dot(yl, yl);
        }
        for (int c = 0; c < n; c++) {
            q[c] *= gamma;
        }
        si = s.iterator();
        yi = y.iterator();
        ri = rho.iterator();
        for (int k = 0; k < m; k++) {
            double[] sk = si.next();
            double[] yk = yi.next();
            double r = ri.next();
            double b = r * StepRule.dot(yk, q);
            for (int c = 0; c < n; c++) {
                q[c] += sk[c] * (a[k] - b);
            }
        }
        // p = −H·g; downhill means p·g < 0, i.e. p·force > 0
        double[] p = new double[n];
        for (int c = 0; c < n; c++) {
            p[c] = -q[c];
        }
        if (!(StepRule.dot(p, force) > 0)) {
            forget();
            for (int c = 0; c < n; c++) {
                p[c] = force[c] / INITIAL_CURVATURE;
            }
        }
        return p;
    }

    @Override
    public double stepLimit() {
        return radius;
    }

    @Override
    public boolean accept(Evaluation from, Evaluation to, double[] dx) {
        double rise = to.value() - from.value();
        if (rise > ROUND_OFF * (Math.abs(from.value()) + 1)) {
            forget();
            radius = 0.5 * largestGroup(dx);
            rejected++;
            return false;
        }
        double[] dg = new double[dx.length];
        for (int k = 0; k < dx.length; k++) {
            dg[k] = from.force()[k] - to.force()[k];
        }
        double sy = StepRule.dot(dx, dg);
        if (sy > 0) {
            s.addLast(dx.clone());
            y.addLast(dg);
            rho.addLast(1.0 / sy);
            if (s.size() > memory) {
                s.removeFirst();
                y.removeFirst();
                rho.removeFirst();
            }
        }
        radius = Math.min(maxStep, 2 * radius);
        return true;
    }

    /** How many steps were undone. */
    int rejected() {
        return rejected;
    }

    private void forget() {
        s.clear();
        y.clear();
        rho.clear();
    }

    private static double largestGroup(double[] dx) {
        double largest = 0;
        for (int g = 0; g + 2 < dx.length; g += 3) {
            largest = Math.max(largest, Math.sqrt(dx[g] * dx[g] + dx[g + 1] * dx[g + 1] + dx[g + 2] * dx[g + 2]));
        }
        return largest;
    }
}
