package potentia.ipi;

import java.time.Duration;

/**
 * How long the driver waits before it gives up, so that a dead or stuck peer ends it with an
 * error instead of a hang.
 *
 * @param connect how long to keep retrying to connect while the server is not up yet
 * @param message the longest silence allowed inside a message (after its first byte) and while
 *     sending: a peer that stops mid-message is stuck or gone
 * @param idle the longest wait for the next message, {@link Duration#ZERO} for no limit: a server
 *     may legitimately be quiet between steps for a long time (i-PI with many drivers, an ASE
 *     script doing other work), so the default is none
 */
public record IpiTimeouts(Duration connect, Duration message, Duration idle) {

    /** 60 s to connect, 30 s of silence within a message, no limit between messages. */
    public static final IpiTimeouts DEFAULT = new IpiTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(30),
            Duration.ZERO);

    public IpiTimeouts {
        if (connect.isNegative()) {
            throw new IllegalArgumentException("connect timeout must be ≥ 0, got " + connect);
        }
        if (!message.isPositive()) {
            throw new IllegalArgumentException("message timeout must be > 0, got " + message);
        }
        if (idle.isNegative()) {
            throw new IllegalArgumentException("idle timeout must be ≥ 0 (0: none), got " + idle);
        }
        for (Duration d : new Duration[] {connect, message, idle}) {
            if (d.compareTo(Duration.ofDays(365 * 100)) > 0) {
                throw new IllegalArgumentException("timeouts must be at most 100 years, got " + d);
            }
        }
    }

    /** A copy with another connect timeout. */
    public IpiTimeouts withConnect(Duration d) {
        return new IpiTimeouts(d, message, idle);
    }

    /** A copy with another message timeout. */
    public IpiTimeouts withMessage(Duration d) {
        return new IpiTimeouts(connect, d, idle);
    }

    /** A copy with another idle timeout (zero: none). */
    public IpiTimeouts withIdle(Duration d) {
        return new IpiTimeouts(connect, message, d);
    }

    static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }
}
