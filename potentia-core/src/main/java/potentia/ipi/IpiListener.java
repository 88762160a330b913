package potentia.ipi;

/**
 * Hooks into a serving driver, for progress reports and protocol logs. Called on the driver's
 * thread between messages, so an implementation that blocks delays the server.
 */
public interface IpiListener {

    /** Listens to nothing. */
    IpiListener NONE = new IpiListener() {
    };

    /** A header arrived from the server. */
    default void received(IpiMessage message) {
    }

    /** A header is about to be sent. */
    default void sent(IpiMessage message) {
    }

    /** INIT arrived, with its bead index and init string (UTF-8, usually ignored by drivers). */
    default void initialised(int bead, String init) {
    }

    /** One geometry was evaluated. */
    default void evaluated(IpiEvaluation evaluation) {
    }
}
