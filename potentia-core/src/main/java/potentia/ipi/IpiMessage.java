package potentia.ipi;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The headers of the i-PI protocol: 12 bytes of ASCII, the word padded with spaces. The server
 * (i-PI, ASE's {@code SocketIOCalculator}) sends the first five; the driver answers with the rest.
 */
public enum IpiMessage {
    /** Server asks for the driver's state: answered by READY, NEEDINIT or HAVEDATA. */
    STATUS(true),
    /** Server initialises the driver: int32 bead index, int32 length, that many bytes. */
    INIT(true),
    /** Server sends a geometry: cell, inverse cell (both transposed, Bohr), int32 natoms, positions. */
    POSDATA(true),
    /** Server asks for the results of the last geometry: answered by FORCEREADY and the data. */
    GETFORCE(true),
    /** Server ends the session. */
    EXIT(true),
    /** Driver is initialised and waits for a geometry. */
    READY(false),
    /** Driver waits for INIT. */
    NEEDINIT(false),
    /** Driver has results to send. */
    HAVEDATA(false),
    /** Driver sends results: energy, natoms, forces, virial, extra bytes. */
    FORCEREADY(false);

    /** Every header is this many bytes. */
    public static final int HEADER_BYTES = 12;

    private final boolean fromServer;
    private final byte[] header;

    IpiMessage(boolean fromServer) {
        this.fromServer = fromServer;
        this.header = String.format(Locale.ROOT, "%-12s", name()).getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether the server sends this message (else the driver does). */
    public boolean fromServer() {
        return fromServer;
    }

    /** The 12 header bytes, space-padded (a fresh array). */
    public byte[] header() {
        return header.clone();
    }

    /**
     * Reads a header: the word, then padding of spaces (as i-PI and ASE send) or NUL bytes (as some
     * C drivers do).
     *
     * @param bytes exactly 12 bytes (not modified)
     * @throws IpiException naming the bytes (as text and hex) when they are not one of the headers
     */
    public static IpiMessage parse(byte[] bytes) {
        if (bytes.length != HEADER_BYTES) {
            throw new IllegalArgumentException("an i-PI header has 12 bytes, got " + bytes.length);
        }
        int end = HEADER_BYTES;
        while (end > 0 && (bytes[end - 1] == ' ' || bytes[end - 1] == 0)) {
            end--;
        }
        boolean word = end > 0;
        for (int k = 0; k < end; k++) {
            word &= bytes[k] >= 'A' && bytes[k] <= 'Z';
        }
        if (word) {
            String name = new String(bytes, 0, end, StandardCharsets.US_ASCII);
            for (IpiMessage m : values()) {
                if (m.name().equals(name)) {
                    return m;
                }
            }
        }
        throw new IpiException("garbage instead of an i-PI header: " + describe(bytes)
                + " is none of STATUS, INIT, POSDATA, GETFORCE, EXIT");
    }

    /** The bytes as printable text (other bytes as '.') and as hex, for error messages. */
    static String describe(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return "\"" + text + "\" (hex " + HexFormat.ofDelimiter(" ").formatHex(bytes) + ")";
    }
}
