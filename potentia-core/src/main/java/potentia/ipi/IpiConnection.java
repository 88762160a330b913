package potentia.ipi;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import jdk.net.ExtendedSocketOptions;

/**
 * The driver's end of an i-PI connection: reads and writes the protocol's framing (12-byte
 * headers, int32, float64 in native byte order) with the deadlines of {@link IpiTimeouts}.
 *
 * <p>The channel is non-blocking and waits through a selector, because blocking channels in Java
 * have no read timeout and a silent peer would hang the driver forever. End of stream at a
 * message boundary is the peer's normal way to finish (ASE's {@code SocketIOCalculator} closes
 * without EXIT) and is reported as such; end of stream inside a message, a stall inside a
 * message or an I/O error throws {@link IpiException} naming the message and field.
 *
 * <p>Mutable, one per connection, used by one thread.
 */
public final class IpiConnection implements AutoCloseable {
    private static final long MAX_PAUSE_NANOS = 1_000_000_000L;

    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final IpiAddress address;
    private final IpiTimeouts timeouts;
    private final ByteBuffer header = ByteBuffer.allocate(IpiMessage.HEADER_BYTES);
    private final ByteBuffer small = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
    private ByteBuffer scratch = ByteBuffer.allocate(0);
    private final boolean quickAck;
    private IpiMessage reading;

    private IpiConnection(SocketChannel channel, IpiAddress address, IpiTimeouts timeouts) throws IOException {
        this.channel = channel;
        this.address = address;
        this.timeouts = timeouts;
        channel.configureBlocking(false);
        this.selector = Selector.open();
        this.key = channel.register(selector, 0);
        this.quickAck = address instanceof IpiAddress.Inet
                && channel.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
    }

    /**
     * Connects to the server, retrying (every 50 ms, backing off to 1 s) while it is not listening
     * yet, for at most {@link IpiTimeouts#connect()}. Sets TCP_NODELAY on TCP: every message is a
     * small request answered before the next, and Nagle's algorithm would add ~40 ms to each.
     *
     * @throws IpiException when no server answers in time (with the last error), or a host name
     *     does not resolve
     */
    public static IpiConnection connect(IpiAddress address, IpiTimeouts timeouts) {
        long deadline = System.nanoTime() + timeouts.connect().toNanos();
        long pause = 50_000_000L;
        String last = "nothing tried";
        while (true) {
            SocketChannel ch = null;
            try {
                ch = SocketChannel.open(address.family());
                ch.configureBlocking(false);
                if (!ch.connect(address.socketAddress()) && !finishConnect(ch, deadline)) {
                    last = "connection attempt timed out";
                    ch.close();
                } else {
                    if (address instanceof IpiAddress.Inet) {
                        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    }
                    return new IpiConnection(ch, address, timeouts);
                }
            } catch (UnresolvedAddressException e) {
                closeQuietly(ch);
                throw new IpiException("cannot resolve the i-PI server's host name in " + address);
            } catch (ClosedByInterruptException e) {
                throw new IpiException("interrupted while connecting to the i-PI server at " + address, e);
            } catch (IOException e) {
                closeQuietly(ch);
                last = e.getMessage() != null ? e.getMessage() : e.toString();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IpiException("no i-PI server at " + address + " after " + IpiTimeouts.seconds(timeouts.connect())
                        + " (last attempt: " + last + "): start the server (i-PI, or ASE's SocketIOCalculator) "
                        + "first, check the address, or allow a longer connect timeout");
            }
            sleep(Math.min(pause, left));
            pause = Math.min(2 * pause, MAX_PAUSE_NANOS);
        }
    }

    private static boolean finishConnect(SocketChannel ch, long deadline) throws IOException {
        try (Selector s = Selector.open()) {
            ch.register(s, SelectionKey.OP_CONNECT);
            while (!ch.finishConnect()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                s.select(Math.max(1, left / 1_000_000));
                if (Thread.currentThread().isInterrupted()) {
                    throw new ClosedByInterruptException();
                }
            }
            return true;
        }
    }

    /** The server's address. */
    public IpiAddress address() {
        return address;
    }

    /** Whether TCP_NODELAY is on (always false for a UNIX socket, which has no Nagle delay). */
    public boolean noDelay() {
        try {
            return address instanceof IpiAddress.Inet && channel.getOption(StandardSocketOptions.TCP_NODELAY);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits for the next header (for at most the idle timeout) and reads it.
     *
     * @return the message, or null when the server closed the connection before its first byte
     * @throws IpiException on garbage, a header cut short, a stall or an I/O error
     */
    IpiMessage readMessage() {
        reading = null;
        header.clear();
        if (!fill(header, timeouts.idle(), "a header", true)) {
            return null;
        }
        IpiMessage m = IpiMessage.parse(header.array());
        reading = m;
        return m;
    }

    /**
     * Reads one int32 of the current message.
     *
     * @param field what it is, for error messages ("the number of atoms")
     */
    int readInt(String field) {
        small.clear().limit(4);
        fill(small, timeouts.message(), field, false);
        return small.getInt(0);
    }

    /**
     * Reads float64 values of the current message; refuses non-finite ones (a peer that sends
     * NaN is broken, and NaN would poison everything downstream).
     *
     * @param values filled with the numbers (modified); its length says how many to read
     * @param field what they are, for error messages ("the positions")
     */
    void readDoubles(double[] values, String field) {
        ByteBuffer b = scratch(8L * values.length);
        fill(b, timeouts.message(), field, false);
        b.flip();
        b.asDoubleBuffer().get(values);
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IpiException("garbage in " + messageName() + ": " + field + " hold a non-finite number ("
                        + values[k] + " at index " + k + ")");
            }
        }
    }

    /** Reads {@code n} raw bytes of the current message ({@code field} names them for errors). */
    byte[] readBytes(int n, String field) {
        ByteBuffer b = scratch(n);
        fill(b, timeouts.message(), field, false);
        byte[] out = new byte[n];
        b.flip();
        b.get(out);
        return out;
    }

    /** A buffer in the wire's byte order (native) with room for {@code bytes}. */
    static ByteBuffer allocate(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.nativeOrder());
    }

    /**
     * Sends the buffer's remaining bytes (position to limit; the position is advanced),
     * waiting at most the message timeout for the peer to accept more.
     *
     * @param what the message, for error messages
     */
    void send(ByteBuffer buffer, IpiMessage what) {
        long quiet = timeouts.message().toNanos();
        long deadline = System.nanoTime() + quiet;
        while (buffer.hasRemaining()) {
            int n;
            try {
                n = channel.write(buffer);
            } catch (IOException e) {
                throw new IpiException("connection to the i-PI server at " + address + " lost while sending " + what
                        + ": " + e.getMessage(), e);
            }
            if (n > 0) {
                deadline = System.nanoTime() + quiet;
            } else if (!await(SelectionKey.OP_WRITE, deadline, false)) {
                throw new IpiException("the i-PI server accepted no data for " + IpiTimeouts.seconds(timeouts.message())
                        + " while the driver was sending " + what + " (message timeout): gave up");
            }
        }
    }

    /** Sends a bare header. */
    void send(IpiMessage m) {
        send(ByteBuffer.wrap(m.header()), m);
    }

    @Override
    public void close() {
        closeQuietly(selector);
        closeQuietly(channel);
    }

    /**
     * Fills {@code buf}: the first byte may take {@code firstWait} (zero: forever), every later
     * one at most the message timeout after the previous.
     *
     * @return false only when {@code eofAllowed} and the stream ended before the first byte
     */
    private boolean fill(ByteBuffer buf, Duration firstWait, String field, boolean eofAllowed) {
        int wanted = buf.remaining();
        long quiet = timeouts.message().toNanos();
        // deadlines are compared by difference (nanoTime may be negative or wrap); "forever" is a flag
        boolean forever = firstWait.isZero();
        long deadline = System.nanoTime() + (forever ? 0 : firstWait.toNanos());
        while (buf.hasRemaining()) {
            int n;
            try {
                rearmQuickAck();
                n = channel.read(buf);
            } catch (IOException e) {
                throw new IpiException("connection to the i-PI server at " + address + " lost while reading "
                        + where(field) + ": " + e.getMessage(), e);
            }
            if (n < 0) {
                int got = wanted - buf.remaining();
                if (eofAllowed && got == 0) {
                    return false;
                }
                throw new IpiException("the i-PI server closed the connection in the middle of " + where(field)
                        + ": got " + got + " of " + wanted + " bytes");
            }
            if (n > 0) {
                forever = false;
                deadline = System.nanoTime() + quiet;
            } else if (!await(SelectionKey.OP_READ, deadline, forever)) {
                int got = wanted - buf.remaining();
                if (eofAllowed && got == 0) {
                    throw new IpiException("the i-PI server sent no message for " + IpiTimeouts.seconds(firstWait)
                            + " (idle timeout): gave up");
                }
                throw new IpiException("the i-PI server sent nothing for " + IpiTimeouts.seconds(timeouts.message())
                        + " in the middle of " + where(field) + " (got " + got + " of " + wanted
                        + " bytes; message timeout): gave up");
            }
        }
        return true;
    }

    /**
     * Asks Linux to acknowledge the next segments at once. Servers such as ASE's write a message in
     * several small pieces without TCP_NODELAY, so Nagle's algorithm holds each piece until the
     * previous one is acknowledged, and a delayed ACK (40 ms) on this side would stall every step.
     * The kernel drops quick-ACK mode by itself, hence re-armed before every read.
     */
    private void rearmQuickAck() throws IOException {
        if (quickAck) {
            channel.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        }
    }

    /**
     * Waits until the channel is ready for {@code op} or the deadline (a {@link System#nanoTime}
     * value) passes, unless {@code forever}; false on timeout.
     */
    private boolean await(int op, long deadline, boolean forever) {
        long left = deadline - System.nanoTime();
        if (!forever && left <= 0) {
            return false;
        }
        key.interestOps(op);
        try {
            if (forever) {
                selector.select();
            } else {
                selector.select(Math.max(1, (left + 999_999) / 1_000_000));
            }
        } catch (IOException e) {
            throw new IpiException("waiting for the i-PI server at " + address + " failed: " + e.getMessage(), e);
        }
        selector.selectedKeys().clear();
        if (Thread.currentThread().isInterrupted()) {
            throw new IpiException("interrupted while talking to the i-PI server at " + address);
        }
        return true;
    }

    private String where(String field) {
        return reading == null ? field : messageName() + " (" + field + ")";
    }

    private String messageName() {
        return reading == null ? "a message" : reading.name();
    }

    private ByteBuffer scratch(long bytes) {
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IpiException(messageName() + " would need " + bytes + " bytes, more than one buffer holds");
        }
        if (scratch.capacity() < bytes) {
            scratch = ByteBuffer.allocate((int) Math.max(bytes, 2L * scratch.capacity()))
                    .order(ByteOrder.nativeOrder());
        }
        scratch.clear().limit((int) bytes);
        return scratch;
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpiException("interrupted while waiting for the i-PI server");
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing after a failure: the first error is the one to report
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "IpiConnection[%s]", address);
    }
}
