package io.modeldeploy.server.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.modeldeploy.server.security.Endpoints.assertAllowedRead;
import static io.modeldeploy.server.security.Endpoints.assertForbidden;
import static io.modeldeploy.server.security.Endpoints.assertSecurityHeaders;
import static io.modeldeploy.server.security.Endpoints.assertUnauthorized;
import static io.modeldeploy.server.security.Endpoints.bearer;
import static io.modeldeploy.server.security.TestHttp.deployments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens from {@code modeldeploy.tokens} on a server bound to 0.0.0.0 (which it may only do
 * because a token is configured): viewers read and stream but may not write, editors write under
 * their own name, unknown tokens are refused. Requests come from loopback, where no token at all
 * still means the anonymous caller (no --require-auth here).
 */
@MicronautTest(transactional = false)
@Property(name = "micronaut.server.host", value = "0.0.0.0")
@Property(name = "modeldeploy.tokens", value = ConfiguredTokensTest.TOKENS)
@Timeout(60)
class ConfiguredTokensTest {
    static final String EDITOR_SECRET = "ed-secret-7f3a9c2e51b84d06";
    static final String VIEWER_SECRET = "vi-secret-0c9d4b7e2a6f8135";
    static final String COLON_SECRET = "se:cr:et-with:colons";
    static final String SPACED_SECRET = "sp-secret-e2c4a6b8";
    static final String TOKENS = "editor-ed:editor:" + EDITOR_SECRET
            + ",viewer-vi:viewer:" + VIEWER_SECRET
            + ",colon.user@example:EDITOR:" + COLON_SECRET
            + ",  spaced:Viewer:" + SPACED_SECRET + "  ,";
    static final String WS = "tokens";

    @Inject
    EmbeddedServer server;

    private TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp("127.0.0.1", server.getPort());
    }

    private String createTarget() {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
        http.postJson(deployments(WS), "{\"name\":\"" + name + "\",\"config\":\"cfg\"}",
                "Authorization", bearer(EDITOR_SECRET)).expect(201);
        return name;
    }

    @SuppressWarnings("unchecked")
    private static String lastActor(Map<String, Object> deployment) {
        List<Map<String, Object>> history = (List<Map<String, Object>>) deployment.get("status_history");
        return (String) history.get(history.size() - 1).get("actor");
    }

    @SuppressWarnings("unchecked")
    private static String principal(Map<String, Object> deployment) {
        return (String) ((Map<String, Object>) deployment.get("auth_context")).get("principal_id");
    }

    /** Everything a write could change: the deployment's versions and the newest event id. */
    private String snapshot(String name) {
        return http.get(deployments(WS, name, "versions")).expect(200).body() + "|" + http.lastEventId("-");
    }

    @Test
    void theServerListensOnTheWildcardAddressBecauseATokenIsConfigured() throws IOException {
        assertEquals("0.0.0.0", server.getHost());
        TestHttp.Reply health = http.get("/health");
        assertEquals(200, health.status, health.toString());
        // Java binds 0.0.0.0 as a dual-stack socket: it shows as 0.0.0.0 in /proc/net/tcp or as :: in tcp6.
        String port = String.format(Locale.ROOT, ":%04X", server.getPort());
        List<String> wildcards = List.of("00000000" + port, "00000000000000000000000000000000" + port);
        List<String> listening = new java.util.ArrayList<>();
        for (Path table : List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"))) {
            if (Files.isReadable(table)) {
                Files.readAllLines(table).stream().skip(1)
                        .map(line -> line.trim().split("\\s+"))
                        .filter(fields -> fields.length > 3 && fields[1].endsWith(port) && fields[3].equals("0A"))
                        .forEach(fields -> listening.add(fields[1]));
            }
        }
        if (!listening.isEmpty() || Files.isReadable(Path.of("/proc/net/tcp"))) {
            assertTrue(listening.stream().anyMatch(wildcards::contains),
                    "a socket listens on the wildcard address at port " + server.getPort() + "; listening: " + listening);
        }
    }

    @Test
    void aViewerMayReadEveryRouteAndOpenTheEventStream() {
        String name = createTarget();
        for (String secret : List.of(VIEWER_SECRET, SPACED_SECRET)) {
            for (Endpoints.Call call : Endpoints.reads(WS, name)) {
                assertAllowedRead(call.send(http, "Authorization", bearer(secret)), call);
            }
            // The stream does not just open: it delivers (the heartbeat on connect).
            assertTrue(http.lastEventId(WS, "Authorization", bearer(secret)) > 0);
        }
    }

    @Test
    void aViewerMayNotWriteAnythingAndItsRefusedWritesChangeNothing() {
        String name = createTarget();
        String before = snapshot(name);
        for (String secret : List.of(VIEWER_SECRET, SPACED_SECRET)) {
            for (Endpoints.Call call : Endpoints.writes(WS, name, name + "-new")) {
                assertForbidden(call.send(http, "Authorization", bearer(secret)), call + " as a viewer");
            }
            // Refused before anything is looked up: no difference between existing and missing targets.
            for (Endpoints.Call call : Endpoints.writes("no-such-ws", "no-such-name", "x")) {
                assertForbidden(call.send(http, "Authorization", bearer(secret)), call + " as a viewer");
            }
        }
        assertEquals(before, snapshot(name), "no refused write changed anything");
        assertEquals(404, http.get(deployments(WS, name + "-new")).status, "the refused create created nothing");
    }

    @Test
    void anEditorWritesUnderItsTokenName() {
        String name = "ed-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> created = http.postJson(deployments(WS), "{\"name\":\"" + name + "\",\"config\":\"cfg\"}",
                "Authorization", bearer(EDITOR_SECRET)).expect(201).map();
        assertEquals("editor-ed", principal(created), "auth_context.principal_id on create");
        assertEquals("editor-ed", lastActor(created), "actor of the first history entry");

        Map<String, Object> updated = http.patchJson(deployments(WS, name, "status"),
                "{\"status\":\"READY\",\"status_message\":\"by the editor\"}", "Authorization",
                bearer(EDITOR_SECRET)).expect(200).map();
        assertEquals("editor-ed", lastActor(updated));

        Map<String, Object> version2 = http.postJson(deployments(WS, name), "{\"config\":\"cfg-2\"}",
                "Authorization", bearer(COLON_SECRET)).expect(201).map();
        assertEquals("colon.user@example", principal(version2), "a secret may contain ':'; the role is case-blind");
        assertEquals("colon.user@example", lastActor(version2));

        Map<String, Object> posted = http.postJson(deployments(WS, name, "status") + "?version=1",
                "{\"status\":\"ERROR\",\"status_message\":\"posted\"}", "Authorization", bearer(COLON_SECRET))
                .expect(200).map();
        assertEquals("colon.user@example", lastActor(posted));

        TestHttp.Reply deleted = http.delete(deployments(WS, name), "Authorization", bearer(EDITOR_SECRET));
        assertEquals(202, deleted.status, deleted.toString());
        assertEquals("editor-ed", lastActor(deleted.map()));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) http.get(
                deployments(WS, name, "status-history") + "?version=1").expect(200).map().get("data");
        assertEquals(List.of("editor-ed", "editor-ed", "colon.user@example", "editor-ed"),
                history.stream().map(e -> e.get("actor")).toList(), "who did what to version 1");
    }

    @Test
    void unknownTokensAreRefusedAndNoTokenFromLoopbackIsAnonymous() {
        String name = createTarget();
        String before = snapshot(name);
        for (String authorization : List.of("Bearer " + EDITOR_SECRET + "-", "Bearer " + VIEWER_SECRET.toUpperCase(Locale.ROOT),
                "Bearer editor-ed", "Bearer editor-ed:editor:" + EDITOR_SECRET, "Bearer se", "Bearer " + SPACED_SECRET + " x",
                "Basic " + EDITOR_SECRET)) {
            for (Endpoints.Call call : Endpoints.all(WS, name, name + "-new")) {
                assertUnauthorized(call.send(http, "Authorization", authorization), call + " with '" + authorization + "'");
            }
        }
        assertEquals(before, snapshot(name), "no refused request changed anything");

        TestHttp.Reply anonymous = http.patchJson(deployments(WS, name, "status"),
                "{\"status\":\"READY\",\"status_message\":\"anonymous\"}");
        assertEquals(200, anonymous.status, anonymous.toString());
        assertEquals("anonymous", lastActor(anonymous.map()), "loopback without a token is the anonymous caller");
        assertSecurityHeaders(anonymous, "anonymous PATCH");
    }
}
