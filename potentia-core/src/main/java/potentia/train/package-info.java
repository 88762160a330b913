/**
 * Training network potentials on labelled frames (SCIENCE.md §1, "Network and training").
 *
 * <p>Data: {@link potentia.train.Samples} reads frames with their labels
 * ({@link potentia.train.LabelKeys}, {@link potentia.train.Sample}); {@link potentia.train.LabelProblem}
 * finds frames whose labels cannot be trusted; {@link potentia.train.DataSplit} holds the training
 * and validation frames; {@link potentia.train.FeatureStatistics} and
 * {@link potentia.train.ReferenceEnergies} fit the standardisation and e0 on the training frames.
 *
 * <p>Loss and gradient: {@link potentia.train.LossSettings} (energy per atom, force components,
 * stress; {@link potentia.train.LossFunction} MSE or log-cosh), computed per structure by
 * {@code StructureLoss} — exact parameter gradients with the force and stress terms by the
 * descriptor's Jacobian–vector product and the atomic model's forward-tangent-then-reverse pass —
 * and per batch by {@code BatchGradient} (structures in parallel, reduced in a fixed order).
 *
 * <p>Optimisation: {@link potentia.train.AdamW}, {@link potentia.train.LearningRate} (warm-up,
 * cosine or reduce-on-plateau), {@link potentia.train.Trainer} (minibatches, clipping, early
 * stopping, best-model keeping, committees with bootstrap, checkpoints and exact resume), with
 * the architecture from a {@link potentia.train.MemberFactory}. {@link potentia.train.LinearBaseline}
 * is the ridge-regression baseline on the same descriptors.
 *
 * <p>Reports: {@link potentia.train.Predictions} and {@link potentia.train.ErrorStats} (MAE and RMSE
 * of energy per atom, force components and stress, per group).
 */
package potentia.train;
