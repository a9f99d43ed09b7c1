package io.modeldeploy.server.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientAddressesTest {

    private static String client(ClientAddresses addresses, String peer, String... forwardedFor) {
        MutableHttpRequest<Object> request = HttpRequest.GET("/");
        for (String line : forwardedFor) {
            request.header("X-Forwarded-For", line);
        }
        InetSocketAddress remote = new InetSocketAddress(ClientAddresses.literal(peer).orElseThrow(), 40000);
        HttpRequest<Object> fromPeer = new HttpRequestWrapper<>(request) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return remote;
            }
        };
        return addresses.of(fromPeer).getHostAddress();
    }

    @Test
    void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
        ClientAddresses none = new ClientAddresses(null);
        assertEquals("10.1.2.3", client(none, "10.1.2.3", "127.0.0.1"));
        ClientAddresses proxies = new ClientAddresses("10.0.0.0/24, fd00::/8, 192.0.2.1");
        assertEquals("10.0.1.9", client(proxies, "10.0.1.9", "127.0.0.1"), "10.0.1.9 is outside 10.0.0.0/24");
        assertEquals("203.0.113.5", client(proxies, "10.0.0.9", "127.0.0.1, 203.0.113.5"));
        assertEquals("203.0.113.5", client(proxies, "192.0.2.1", "1.1.1.1, 203.0.113.5, 10.0.0.4"),
                "proxies in a chain are skipped from the right");
        assertEquals("0:0:0:0:0:0:0:1", client(proxies, "fd00::1", "[::1]"));
        assertEquals("10.0.0.4", client(proxies, "192.0.2.1", "evil.example, 10.0.0.4"),
                "a malformed hop ends the list: the last trusted one is the client");
        assertEquals("10.0.0.9", client(proxies, "10.0.0.9"), "no header: the proxy itself");
    }

    @Test
    void literalsOnlyAndNoNameIsEverLookedUp() {
        for (String bad : List.of("localhost", "example.com", "256.1.1.1", "1.2.3", "", "1.2.3.4:80", "[::1")) {
            assertEquals(Optional.empty(), ClientAddresses.literal(bad), bad);
        }
        assertTrue(ClientAddresses.literal("[2001:db8::1]").isPresent());
    }

    @Test
    void aBadTrustedProxyStopsTheServerWithTheEntryNamed() {
        for (String bad : List.of("proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "::1/129")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ClientAddresses.parse(bad, "MODELDEPLOY_TRUSTED_PROXIES"), bad);
            assertTrue(e.getMessage().startsWith("MODELDEPLOY_TRUSTED_PROXIES: '" + bad + "' is not an IP address"),
                    e.getMessage());
        }
    }
}
