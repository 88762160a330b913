package potentia.ipi;

import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/** Where the i-PI server listens: a UNIX socket (a file) or a TCP host and port. */
public sealed interface IpiAddress permits IpiAddress.Unix, IpiAddress.Inet {

    /** The prefix i-PI and ASE put before a UNIX socket's name. */
    String UNIX_PREFIX = "/tmp/ipi_";

    /** The address to connect a channel to (resolves a host name each time it is called). */
    SocketAddress socketAddress();

    /** The protocol family of the channel to open. */
    ProtocolFamily family();

    /** A UNIX domain socket at {@code path}. */
    record Unix(Path path) implements IpiAddress {
        @Override
        public SocketAddress socketAddress() {
            return UnixDomainSocketAddress.of(path);
        }

        @Override
        public ProtocolFamily family() {
            return StandardProtocolFamily.UNIX;
        }

        @Override
        public String toString() {
            return "UNIX socket " + path;
        }
    }

    /** A TCP socket at {@code host}:{@code port}. */
    record Inet(String host, int port) implements IpiAddress {
        public Inet {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("i-PI server host must not be empty");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("i-PI server port must be 1 to 65535, got " + port);
            }
        }

        @Override
        public SocketAddress socketAddress() {
            return new InetSocketAddress(host, port);
        }

        @Override
        public ProtocolFamily family() {
            // the family follows the resolved address, so that "localhost" and "::1" both work
            InetSocketAddress a = new InetSocketAddress(host, port);
            return a.getAddress() instanceof java.net.Inet6Address ? StandardProtocolFamily.INET6
                    : StandardProtocolFamily.INET;
        }

        @Override
        public String toString() {
            return "TCP " + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /**
     * A UNIX socket by its i-PI name: {@code NAME} means {@code /tmp/ipi_NAME}, as in i-PI's
     * {@code <address>} and ASE's {@code SocketIOCalculator(unixsocket=NAME)}; a name containing
     * '/' is taken as the socket's full path.
     */
    static Unix unix(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("UNIX socket name must not be empty");
        }
        return new Unix(Path.of(name.contains("/") ? name : UNIX_PREFIX + name));
    }

    /**
     * A TCP address from {@code HOST:PORT}, {@code [IPv6]:PORT} or {@code PORT} alone (meaning
     * localhost).
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    static Inet inet(String text) {
        String host = "localhost";
        String port = text.trim();
        int colon = port.lastIndexOf(':');
        if (colon >= 0) {
            host = port.substring(0, colon);
            port = port.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
        }
        try {
            return new Inet(host, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("i-PI TCP address must be HOST:PORT or PORT, got '" + text + "'");
        }
    }
}
