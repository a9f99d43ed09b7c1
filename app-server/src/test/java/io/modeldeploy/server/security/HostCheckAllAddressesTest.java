package io.modeldeploy.server.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.modeldeploy.server.security.Endpoints.assertUnauthorized;
import static io.modeldeploy.server.security.Endpoints.bearer;
import static io.modeldeploy.server.security.TestHttp.deployments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Listening on every address, the server is reached by name and checks no {@code Host}; but a
 * loopback caller without a token is trusted only when its {@code Host} names the loopback.
 */
@MicronautTest(transactional = false)
@Property(name = "micronaut.server.host", value = "0.0.0.0")
@Property(name = "modeldeploy.tokens", value = "ops:editor:" + HostCheckAllAddressesTest.EDITOR)
@Timeout(60)
class HostCheckAllAddressesTest {
    static final String EDITOR = "all-addresses-secret-4e9b0d17";

    @Inject
    EmbeddedServer server;

    @Test
    void anyHostWithATokenButTokenlessLoopbackCallersMustNameTheLoopback() {
        TestHttp http = new TestHttp("127.0.0.1", server.getPort());
        String list = deployments("-");
        assertEquals(200, http.get(list, "Host", "modeldeploy.example.com", "Authorization", bearer(EDITOR)).status);
        assertEquals(200, http.get(list, "Host", "localhost:" + server.getPort()).status);
        TestHttp.Reply rebound = http.get(list, "Host", "evil.example:" + server.getPort());
        assertUnauthorized(rebound, "tokenless request for a foreign Host");
        assertTrue(rebound.detail().contains("evil.example"), rebound.detail());
    }
}
