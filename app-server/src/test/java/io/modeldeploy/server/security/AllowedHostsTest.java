package io.modeldeploy.server.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedHostsTest {

    @Test
    void namesAreComparedWithoutPortCaseOrTrailingDot() {
        assertEquals("console.example.com", AllowedHosts.hostName("Console.Example.COM.:8443"));
        assertEquals("[::1]", AllowedHosts.hostName("[::1]:8080"));
        assertEquals("localhost", AllowedHosts.hostName(" localhost "));
        assertNull(AllowedHosts.hostName("localhost:http"));
        assertNull(AllowedHosts.hostName("[::1"));
        assertNull(AllowedHosts.hostName(":8080"));
    }

    @Test
    void noNameIsLookedUpAndOnlyLoopbackLiteralsPass() {
        AllowedHosts none = new AllowedHosts(null);
        for (String loopback : List.of("127.0.0.1", "127.255.255.254:1", "[::1]", "[::ffff:127.0.0.1]", "localhost",
                "a.b.localhost")) {
            assertTrue(none.allows(loopback), loopback);
        }
        for (String other : List.of("128.0.0.1", "127.0.0.256", "0127.0.0.1", "[::2]", "[::1:]x", "localhost.evil",
                "1.2.3", "999.999.999.999", "[not-an-address]")) {
            assertFalse(none.allows(other), other);
        }
    }

    @Test
    void aConfiguredListIsCheckedAtStartAndSaysWhatIsWrong() {
        assertEquals(Set.of("a.example", "b.example", "[fd00::1]"),
                AllowedHosts.parse(" A.example., b.example ,, [fd00::1]", "MODELDEPLOY_ALLOWED_HOSTS"));
        for (String bad : List.of("http://a.example", "a.example:8080", "a example", "*.example", "a_b.example")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AllowedHosts.parse(bad, "MODELDEPLOY_ALLOWED_HOSTS"), bad);
            assertTrue(e.getMessage().startsWith("MODELDEPLOY_ALLOWED_HOSTS: '" + bad + "' is not a host name"),
                    e.getMessage());
        }
    }
}
