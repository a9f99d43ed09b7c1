package io.modeldeploy.server.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static io.modeldeploy.server.security.Endpoints.assertAllowedRead;
import static io.modeldeploy.server.security.Endpoints.assertForbidden;
import static io.modeldeploy.server.security.Endpoints.assertSecurityHeaders;
import static io.modeldeploy.server.security.Endpoints.assertUnauthorized;
import static io.modeldeploy.server.security.Endpoints.bearer;
import static io.modeldeploy.server.security.TestHttp.deployments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code modeldeploy.require-auth=true} with configured tokens: loopback is no longer trusted. */
@MicronautTest(transactional = false)
@Property(name = "modeldeploy.require-auth", value = "true")
@Property(name = "modeldeploy.tokens", value = "ops:editor:" + RequireAuthPropertyTest.EDITOR
        + ",auditor:viewer:" + RequireAuthPropertyTest.VIEWER)
// Every route is tried with an unknown token from loopback: more failures than a lockout allows.
@Property(name = "modeldeploy.failed-authentications-before-lockout", value = "1000")
@Timeout(60)
class RequireAuthPropertyTest {
    static final String EDITOR = "ops-secret-5b1e9d0c";
    static final String VIEWER = "auditor-secret-a4f7c2d1";
    static final String WS = "strict";

    @Inject
    EmbeddedServer server;

    private TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp("127.0.0.1", server.getPort());
    }

    @Test
    void everyRouteNeedsATokenFromLoopbackTooButHealthDoesNot() {
        http.postJson(deployments(WS), "{\"name\":\"strict-one\",\"config\":\"cfg\"}", "Authorization", bearer(EDITOR))
                .expect(201);
        String before = http.get(deployments(WS, "strict-one", "versions"), "Authorization", bearer(VIEWER))
                .expect(200).body();
        for (Endpoints.Call call : Endpoints.all(WS, "strict-one", "strict-new")) {
            assertUnauthorized(call.send(http), call + " without a token");
            assertUnauthorized(call.send(http, "Authorization", "Bearer nope"), call + " with an unknown token");
        }
        assertEquals(before, http.get(deployments(WS, "strict-one", "versions"), "Authorization", bearer(VIEWER)).body());
        TestHttp.Reply health = http.get("/health");
        assertEquals(200, health.status, health.toString());
        assertSecurityHeaders(health, "/health");
    }

    @Test
    void theViewerReadsAndStreamsTheEditorWrites() {
        http.postJson(deployments(WS), "{\"name\":\"strict-two\",\"config\":\"cfg\"}", "Authorization", bearer(EDITOR))
                .expect(201);
        for (Endpoints.Call call : Endpoints.reads(WS, "strict-two")) {
            assertAllowedRead(call.send(http, "Authorization", bearer(VIEWER)), call);
        }
        assertTrue(http.lastEventId(WS, "Authorization", bearer(VIEWER)) > 0, "the viewer's stream delivers");
        for (Endpoints.Call call : Endpoints.writes(WS, "strict-two", "strict-three")) {
            assertForbidden(call.send(http, "Authorization", bearer(VIEWER)), call + " as a viewer");
        }
        for (Endpoints.Call call : Endpoints.writes(WS, "strict-two", "strict-three")) {
            TestHttp.Reply reply = call.send(http, "Authorization", bearer(EDITOR));
            assertTrue(reply.status / 100 == 2, call + " as the editor: " + reply);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) http.get(
                deployments(WS, "strict-two", "status-history") + "?version=1", "Authorization", bearer(VIEWER))
                .expect(200).map().get("data");
        assertTrue(history.stream().allMatch(entry -> "ops".equals(entry.get("actor"))),
                "every entry names the editor token: " + history);
    }
}
