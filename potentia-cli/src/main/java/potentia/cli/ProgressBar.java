package potentia.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr with rate, ETA and key metrics, redrawn at most ten times a
 * second when stderr is a terminal. Into a log or pipe it writes the same line as plain text once
 * a minute instead (a batch job's log shows how far a long run got without filling up);
 * {@link #finish} always prints one summary line.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 28;
    private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final String unit;
    private final boolean live;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private long done;
    private boolean finished;

    /**
     * @param total the amount of work, or ≤ 0 when unknown (the bar then shows a count and rate only)
     */
    ProgressBar(String label, long total, String unit) {
        this(System.err, label, total, unit, System.console() != null && System.console().isTerminal());
    }

    ProgressBar(PrintStream out, String label, long total, String unit, boolean live) {
        this(out, label, total, unit, live, LOG_INTERVAL_NANOS);
    }

    private final long logInterval;

    /** @param logInterval nanoseconds between the plain lines written when not live */
    ProgressBar(PrintStream out, String label, long total, String unit, boolean live, long logInterval) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.unit = unit;
        this.live = live;
        this.logInterval = logInterval;
        this.lastDraw = startNanos;
    }

    /** Records progress to {@code done} units, with metrics such as "E=−4.31 eV/atom". */
    void update(long doneSoFar, String metrics) {
        this.done = doneSoFar;
        long now = System.nanoTime();
        if (live && now - lastDraw > 100_000_000L) {
            lastDraw = now;
            out.print("\r" + line(metrics) + "\u001b[K");
            out.flush();
        } else if (!live && now - lastDraw >= logInterval) {
            lastDraw = now;
            out.println(line(metrics));
            out.flush();
        }
    }

    /** Prints a message line above the bar (the bar is redrawn on the next update). */
    void println(String message) {
        if (live) {
            out.print("\r\u001b[K");
        }
        out.println(message);
        if (live) {
            lastDraw = 0;
        }
    }

    /** Prints the final line (always, terminal or not). */
    void finish(String metrics) {
        if (finished) {
            return;
        }
        finished = true;
        if (live) {
            out.print("\r\u001b[K");
        }
        out.println(line(metrics));
    }

    String line(String metrics) {
        double seconds = (System.nanoTime() - startNanos) * 1e-9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder sb = new StringBuilder(label).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, Math.round(WIDTH * (double) done / total));
            sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
            sb.append(done).append('/').append(total).append(' ').append(unit);
            if (done < total && rate > 0) {
                sb.append("  ETA ").append(clock((total - done) / rate));
            }
        } else {
            sb.append(done).append(' ').append(unit);
        }
        sb.append(String.format(Locale.ROOT, "  %.3g %s/s  %s", rate, unit, clock(seconds)));
        if (metrics != null && !metrics.isEmpty()) {
            sb.append("  ").append(metrics);
        }
        return sb.toString();
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void close() {
        if (live && !finished) {
            out.println();
        }
    }
}
