package potentia.ns;

import java.util.SplittableRandom;

/**
 * Draws walkers from the prior: for a variable cell the volume from Vᴺ on (0, V_max]
 * (V = V_max·u^{1/(N+1)}), the shape by a random walk of shear and stretch moves from a cube
 * (the shape prior has no closed-form sampler; the walk only has to reach it roughly, the
 * first iterations' unconstrained walks finish the job), and fractional positions uniformly;
 * positions uniformly in a fixed cell, sphere or box otherwise; velocities from the
 * {@link KineticPrior} when the run samples momenta.
 */
final class InitialWalkers {
    private static final int SHAPE_STEPS = 60;

    private final NsSettings settings;
    private final int n;
    private final KineticPrior kinetic;

    InitialWalkers(NsSettings settings, int[] numbers) {
        this.settings = settings;
        this.n = numbers.length;
        this.kinetic = KineticPrior.of(numbers, settings.moves());
    }

    /** Fills walker {@code w}'s positions, cell, volume and velocities (not its energy). */
    void draw(Walker w, SplittableRandom rng) {
        drawConfiguration(w, rng);
        if (kinetic != null) {
            w.kinetic = kinetic.draw(w.v, Double.POSITIVE_INFINITY, rng);
        }
    }

    private void drawConfiguration(Walker w, SplittableRandom rng) {
        switch (settings.container()) {
            case Container.VariableCell vc -> {
                double volume = vc.maxVolume() * Math.pow(1 - rng.nextDouble(), 1.0 / (n + 1));
                double edge = Math.cbrt(volume);
                java.util.Arrays.fill(w.h, 0);
                w.h[0] = edge;
                w.h[4] = edge;
                w.h[8] = edge;
                double shear = settings.initialSteps().get(MoveKind.SHEAR);
                double stretch = settings.initialSteps().get(MoveKind.STRETCH);
                double[] trial = new double[9];
                for (int s = 0; s < SHAPE_STEPS; s++) {
                    System.arraycopy(w.h, 0, trial, 0, 9);
                    if (rng.nextBoolean()) {
                        CellGeometry.shear(trial, rng.nextInt(3), shear * edge * rng.nextGaussian(),
                                shear * edge * rng.nextGaussian());
                    } else {
                        int a = rng.nextInt(3);
                        CellGeometry.stretch(trial, a, (a + 1 + rng.nextInt(2)) % 3, stretch * rng.nextGaussian());
                    }
                    if (CellGeometry.aspectRatio(trial) >= vc.minAspectRatio()) {
                        System.arraycopy(trial, 0, w.h, 0, 9);
                    }
                }
                w.volume = CellGeometry.volume(w.h);
                fractionalUniform(w, rng);
            }
            case Container.FixedCell fc -> {
                System.arraycopy(fc.cell().matrix(), 0, w.h, 0, 9);
                w.volume = fc.cell().volume();
                fractionalUniform(w, rng);
            }
            case Container.Sphere s -> {
                for (int i = 0; i < n; i++) {
                    double gx = rng.nextGaussian();
                    double gy = rng.nextGaussian();
                    double gz = rng.nextGaussian();
                    double r = s.radius() * Math.cbrt(1 - rng.nextDouble()) / Math.sqrt(gx * gx + gy * gy + gz * gz);
                    w.x[3 * i] = gx * r;
                    w.x[3 * i + 1] = gy * r;
                    w.x[3 * i + 2] = gz * r;
                }
                w.volume = s.volume();
            }
            case Container.Box b -> {
                for (int i = 0; i < n; i++) {
                    w.x[3 * i] = b.a() * rng.nextDouble();
                    w.x[3 * i + 1] = b.b() * rng.nextDouble();
                    w.x[3 * i + 2] = b.c() * rng.nextDouble();
                }
                w.volume = b.volume();
            }
        }
    }

    private void fractionalUniform(Walker w, SplittableRandom rng) {
        double[] h = w.h;
        for (int i = 0; i < n; i++) {
            double s0 = rng.nextDouble();
            double s1 = rng.nextDouble();
            double s2 = rng.nextDouble();
            w.x[3 * i] = s0 * h[0] + s1 * h[3] + s2 * h[6];
            w.x[3 * i + 1] = s0 * h[1] + s1 * h[4] + s2 * h[7];
            w.x[3 * i + 2] = s0 * h[2] + s1 * h[5] + s2 * h[8];
        }
    }
}
