package potentia.ipi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An i-PI server written for tests, independent of the driver's code: it listens, accepts one
 * driver and sends and reads the protocol's bytes by hand (headers, int32, float64, native
 * order), so tests can script any sequence of messages — including broken ones.
 * Blocking I/O: tests put a timeout around it.
 */
public final class FakeIpiServer implements AutoCloseable {
    private final ServerSocketChannel server;
    private final IpiAddress address;
    private final Path socketFile;

    private FakeIpiServer(ServerSocketChannel server, IpiAddress address, Path socketFile) {
        this.server = server;
        this.address = address;
        this.socketFile = socketFile;
    }

    /** Listens on a UNIX socket at {@code path} (a fresh file). */
    public static FakeIpiServer unix(Path path) throws IOException {
        Files.deleteIfExists(path);
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        s.bind(UnixDomainSocketAddress.of(path));
        return new FakeIpiServer(s, IpiAddress.unix(path.toString()), path);
    }

    /** Listens on a free TCP port of the loopback interface. */
    public static FakeIpiServer tcp() throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.INET);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = ((InetSocketAddress) s.getLocalAddress()).getPort();
        return new FakeIpiServer(s, new IpiAddress.Inet("127.0.0.1", port), null);
    }

    /** Where drivers connect. */
    public IpiAddress address() {
        return address;
    }

    /** Waits for a driver to connect. */
    public Peer accept() throws IOException {
        return new Peer(server.accept());
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (socketFile != null) {
            Files.deleteIfExists(socketFile);
        }
    }

    /** The server's end of one connection. */
    public static final class Peer implements AutoCloseable {
        private final SocketChannel ch;

        Peer(SocketChannel ch) {
            this.ch = ch;
        }

        /** The channel (for socket options). */
        public SocketChannel channel() {
            return ch;
        }

        /** Sends a header: the word padded with spaces to 12 bytes. */
        public Peer header(String word) throws IOException {
            byte[] b = new byte[12];
            java.util.Arrays.fill(b, (byte) ' ');
            byte[] w = word.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(w, 0, b, 0, w.length);
            return raw(b);
        }

        /** Sends bytes as they are. */
        public Peer raw(byte[] bytes) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            return this;
        }

        public Peer int32(int v) throws IOException {
            return raw(order(ByteBuffer.allocate(4)).putInt(v).array());
        }

        public Peer float64(double... v) throws IOException {
            ByteBuffer b = order(ByteBuffer.allocate(8 * v.length));
            for (double x : v) {
                b.putDouble(x);
            }
            return raw(b.array());
        }

        /**
         * Sends a complete POSDATA: the cell as given on the wire (transposed, Bohr), the
         * inverse as given, the atom count and the positions (Bohr).
         */
        public Peer posdata(double[] wireCell, double[] wireInverse, int natoms, double[] wirePositions)
                throws IOException {
            return header("POSDATA").float64(wireCell).float64(wireInverse).int32(natoms).float64(wirePositions);
        }

        /** Sends INIT with a bead index and an init string. */
        public Peer init(int bead, String text) throws IOException {
            byte[] t = text.getBytes(StandardCharsets.UTF_8);
            return header("INIT").int32(bead).int32(t.length).raw(t);
        }

        /** Reads 12 bytes and returns them with the padding stripped. */
        public String readHeader() throws IOException {
            return new String(read(12).array(), StandardCharsets.US_ASCII).stripTrailing();
        }

        public int readInt() throws IOException {
            return read(4).getInt(0);
        }

        public double[] readDoubles(int n) throws IOException {
            ByteBuffer b = read(8 * n);
            double[] v = new double[n];
            b.asDoubleBuffer().get(v);
            return v;
        }

        public byte[] readBytes(int n) throws IOException {
            return read(n).array();
        }

        /** Sends STATUS and returns the answer. */
        public String status() throws IOException {
            header("STATUS");
            return readHeader();
        }

        /** Sends GETFORCE and reads the reply. */
        public Forces getforce() throws IOException {
            header("GETFORCE");
            String h = readHeader();
            if (!h.equals("FORCEREADY")) {
                throw new IOException("expected FORCEREADY, got '" + h + "'");
            }
            double energy = readDoubles(1)[0];
            int natoms = readInt();
            double[] forces = readDoubles(3 * natoms);
            double[] virial = readDoubles(9);
            int extraLength = readInt();
            byte[] extra = readBytes(extraLength);
            return new Forces(energy, natoms, forces, virial, new String(extra, StandardCharsets.UTF_8));
        }

        /** True when the driver closed its end (reads end of stream). */
        public boolean driverClosed() throws IOException {
            ByteBuffer b = ByteBuffer.allocate(1);
            try {
                return ch.read(b) < 0;
            } catch (IOException e) {
                return true;
            }
        }

        private ByteBuffer read(int n) throws IOException {
            ByteBuffer b = order(ByteBuffer.allocate(n));
            while (b.hasRemaining()) {
                if (ch.read(b) < 0) {
                    throw new IOException("driver closed the connection after " + b.position() + " of " + n + " bytes");
                }
            }
            b.flip();
            return b;
        }

        private static ByteBuffer order(ByteBuffer b) {
            return b.order(ByteOrder.nativeOrder());
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    /**
     * A FORCEREADY reply as read from the wire (atomic units, virial transposed as sent).
     *
     * @param energy Hartree
     * @param natoms atom count
     * @param forces 3N, Hartree/Bohr
     * @param virial 9, Hartree, as sent (transposed)
     * @param extra the extra string
     */
    public record Forces(double energy, int natoms, double[] forces, double[] virial, String extra) {
    }
}
