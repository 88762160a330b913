package potentia.ipi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IpiAddressTest {

    @Test
    void unixNamesFollowTheIpiConvention() {
        assertEquals(Path.of("/tmp/ipi_si"), IpiAddress.unix("si").path());
        assertEquals(Path.of("/run/user/1/driver.sock"), IpiAddress.unix("/run/user/1/driver.sock").path());
        assertEquals(Path.of("./here"), IpiAddress.unix("./here").path());
        assertThrows(IllegalArgumentException.class, () -> IpiAddress.unix(""));
    }

    @Test
    void inetAddressesParse() {
        assertEquals(new IpiAddress.Inet("localhost", 31415), IpiAddress.inet("31415"));
        assertEquals(new IpiAddress.Inet("node7", 3141), IpiAddress.inet("node7:3141"));
        assertEquals(new IpiAddress.Inet("::1", 3141), IpiAddress.inet("[::1]:3141"));
        assertEquals("TCP [::1]:3141", IpiAddress.inet("[::1]:3141").toString());
        for (String bad : new String[] {"host:", "host:port", ":", "host:70000", "host:0"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpiAddress.inet(bad), bad);
            assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("port"), e.getMessage());
        }
    }
}
