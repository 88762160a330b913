package potentia.ns;

/**
 * A maximum of the heat capacity: a phase transition's temperature (K) and height (k_B per
 * system), each with its standard deviation over the resampled phase volumes.
 */
public record Peak(double temperature, double temperatureError, double height, double heightError) {
}
