package io.modeldeploy.server.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.server.openapi.OpenApiValidation;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static io.modeldeploy.server.security.Endpoints.assertSecurityHeaders;
import static io.modeldeploy.server.security.Endpoints.bearer;
import static io.modeldeploy.server.security.TestHttp.deployments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DNS rebinding: a server on loopback answers only requests whose {@code Host} names the loopback
 * or a configured name, whatever token they carry, and changes nothing for the others.
 */
@MicronautTest(transactional = false)
@Property(name = "modeldeploy.allowed-hosts", value = "console.example.com, Proxy.Internal.")
@Property(name = "modeldeploy.tokens", value = "ops:editor:" + HostCheckTest.EDITOR)
@Timeout(60)
class HostCheckTest {
    static final String EDITOR = "host-check-secret-8c1d5e2a";
    private static final String WS = "rebinding";

    @Inject
    EmbeddedServer server;

    private TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp("127.0.0.1", server.getPort());
        http.postJson(deployments(WS), "{\"name\":\"target\",\"config\":\"cfg\"}");
    }

    private String withPort(String host) {
        return host + ":" + server.getPort();
    }

    private static void assertMisdirected(TestHttp.Reply reply, Object what) {
        assertEquals(421, reply.status, what + ": " + reply);
        assertSecurityHeaders(reply, what);
        if (!"HEAD".equals(reply.method)) {
            assertTrue(reply.detail().contains("MODELDEPLOY_ALLOWED_HOSTS"), what + ": the detail names the setting: "
                    + reply.detail());
        }
    }

    @Test
    void aForeignHostGets421OnEveryRouteWithOrWithoutATokenAndNothingChanges() {
        String before = http.get(deployments(WS, "target", "versions")).expect(200).body();
        for (String foreign : List.of("evil.example", "evil.example:" + server.getPort(), "localhost.evil.example",
                "127.0.0.1.nip.io", "10.0.0.5", "[::2]", "localhost:80:80", "")) {
            for (Endpoints.Call call : Endpoints.all(WS, "target", "never-created")) {
                assertMisdirected(call.send(http, "Host", foreign), call + " for Host '" + foreign + "'");
                assertMisdirected(call.send(http, "Host", foreign, "Authorization", bearer(EDITOR)),
                        call + " for Host '" + foreign + "' with a valid token");
            }
        }
        assertMisdirected(http.get("/health/readiness", "Host", "evil.example"), "the health check");
        assertEquals(before, http.get(deployments(WS, "target", "versions")).expect(200).body(),
                "no refused request changed anything");
        assertEquals(404, http.get(deployments(WS, "never-created")).status, "the refused create did not happen");
    }

    @Test
    void theLoopbackByAnyOfItsNamesAndTheConfiguredNamesAreAnswered() {
        for (String host : List.of(withPort("localhost"), withPort("127.0.0.1"), withPort("[::1]"), "LOCALHOST",
                "localhost.", withPort("127.1.2.3"), withPort("console.localhost"), "[0:0:0:0:0:0:0:1]",
                withPort("console.example.com"), "CONSOLE.EXAMPLE.COM", withPort("proxy.internal"))) {
            for (Endpoints.Call call : Endpoints.reads(WS, "target")) {
                assertEquals(200, call.send(http, "Host", host).status, call + " for Host '" + host + "'");
            }
        }
        TestHttp.Reply withoutHost = http.send("GET", deployments(WS, "target"), null, "Host", null);
        assertEquals(200, withoutHost.status, "HTTP/1.0-style request without Host: " + withoutHost);
    }

    @Test
    void theRefusalIsInTheServedOpenApiDocument() {
        for (Endpoints.Call call : Endpoints.all(WS, "target", "never-created")) {
            if (call.method().equals("HEAD") || call.target().contains("/deployment-events")) {
                continue; // no body to check; the stream's 421 is the same filter's
            }
            Map<String, List<String>> requestHeaders = call.body() == null ? Map.of("Host", List.of("evil.example"))
                    : Map.of("Host", List.of("evil.example"), "Content-Type", List.of("application/json"));
            TestHttp.Reply reply = call.send(http, "Host", "evil.example");
            OpenApiValidation.check(call.method(), call.target(), requestHeaders, call.body(), reply.status,
                    reply.headers(), reply.body());
        }
    }
}
