package potentia.ipi;

import java.util.Locale;

/**
 * How a session with a server went.
 *
 * @param ending why it ended
 * @param evaluations geometries evaluated in this session
 * @param forcesSent FORCEREADY replies sent
 * @param neighbourBuilds Verlet-list builds in this session
 * @param forcesPending whether the last geometry's results were never fetched
 * @param computeNanos time in the neighbour list and the potential, ns
 * @param wallNanos time from the first message to the end, ns
 */
public record IpiSummary(Ending ending, long evaluations, long forcesSent, long neighbourBuilds, boolean forcesPending,
        long computeNanos, long wallNanos) {

    /** Why a session ended (errors end it with an {@link IpiException} instead). */
    public enum Ending {
        /** The server sent EXIT (i-PI does, at the end of a simulation). */
        EXIT,
        /** The server closed the connection between messages (ASE's SocketIOCalculator does). */
        CLOSED
    }

    /** Evaluations per second of wall time (0 before the first). */
    public double evaluationsPerSecond() {
        return wallNanos > 0 ? evaluations / (wallNanos * 1e-9) : 0;
    }

    /** One line: why it ended, how much was done, how fast. */
    public String describe() {
        String why = ending == Ending.EXIT ? "the server sent EXIT" : "the server closed the connection";
        return String.format(Locale.ROOT, "%s after %d evaluations (%.3g s, %.3g evaluations/s, %.0f%% computing, "
                + "%d neighbour-list builds)%s", why, evaluations, wallNanos * 1e-9, evaluationsPerSecond(),
                wallNanos > 0 ? 100.0 * computeNanos / wallNanos : 0.0, neighbourBuilds,
                forcesPending ? "; the forces of the last positions were never fetched" : "");
    }
}
