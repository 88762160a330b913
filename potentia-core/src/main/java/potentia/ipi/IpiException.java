package potentia.ipi;

/**
 * A failure of the i-PI exchange: the server could not be reached, closed the connection in the
 * middle of a message, stalled, or sent something that is not the protocol. The message says
 * which, naming the message and field being read; the driver does not try to resynchronise after
 * one (a byte stream that lost its framing cannot be trusted).
 */
public final class IpiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IpiException(String message) {
        super(message);
    }

    public IpiException(String message, Throwable cause) {
        super(message, cause);
    }
}
