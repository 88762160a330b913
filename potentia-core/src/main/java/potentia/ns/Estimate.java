package potentia.ns;

/**
 * A curve over temperatures with its uncertainty: the value from the expected phase volumes
 * and the standard deviation over repeated samplings of the compression ratios.
 *
 * @param value one number per temperature
 * @param error its standard deviation (0 without repeats)
 */
public record Estimate(double[] value, double[] error) {
}
