package io.modeldeploy.server.security;

import io.modeldeploy.server.ModelDeployServer;
import io.modeldeploy.server.RunningServer;
import io.modeldeploy.server.ServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static io.modeldeploy.server.security.Endpoints.assertAllowedRead;
import static io.modeldeploy.server.security.Endpoints.assertSecurityHeaders;
import static io.modeldeploy.server.security.Endpoints.assertUnauthorized;
import static io.modeldeploy.server.security.Endpoints.bearer;
import static io.modeldeploy.server.security.TestHttp.deployments;
import static io.modeldeploy.server.security.TestHttp.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access control of a server started the way the console and ServerMain start it
 * ({@link ModelDeployServer#start}), over real HTTP from loopback: the local token file, the
 * anonymous loopback caller, {@code --require-auth}, bad tokens, the recorded actor and principal,
 * the security headers on every answer, and paths that try to slip past the filter.
 */
@Timeout(120)
class AccessControlTest {
    private static final String WS = "team-sec";
    private static final String CREATE_BODY = "{\"name\":\"%s\",\"config\":\"cfg\"}";

    /** The local token's name: the OS user, as TokenRegistry sanitizes it. */
    static String localUserName() {
        String safe = System.getProperty("user.name", "local").replaceAll("[^\\w\\-.@]", "_");
        return safe.isEmpty() ? "local" : safe;
    }

    private static RunningServer start(Path dataDir, boolean requireAuth) {
        return ModelDeployServer.start(ServerOptions.defaults().withPort(0).withDataDir(dataDir)
                .withRequireAuth(requireAuth));
    }

    @SuppressWarnings("unchecked")
    private static String firstActor(Map<String, Object> deployment) {
        List<Map<String, Object>> history = (List<Map<String, Object>>) deployment.get("status_history");
        return (String) history.get(0).get("actor");
    }

    @SuppressWarnings("unchecked")
    private static String lastActor(Map<String, Object> deployment) {
        List<Map<String, Object>> history = (List<Map<String, Object>>) deployment.get("status_history");
        return (String) history.get(history.size() - 1).get("actor");
    }

    @SuppressWarnings("unchecked")
    private static String principal(Map<String, Object> deployment) {
        Map<String, Object> auth = (Map<String, Object>) deployment.get("auth_context");
        assertNotNull(auth, "auth_context of " + deployment);
        return (String) auth.get("principal_id");
    }

    // ---- the local token ----

    @Test
    void theLocalTokenFileIsCreatedOwnerOnlyAndReusedAfterARestart(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve("local-token");
        String secret;
        try (RunningServer server = start(dataDir, true)) {
            assertTrue(Files.isRegularFile(file), "the local token is created on first start");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                    "only the owner may read the local token");
            secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            assertTrue(secret.length() >= 32, "a long random secret: " + secret.length() + " chars");
            assertEquals(secret, server.localToken(), "RunningServer hands the console the same token");

            TestHttp http = new TestHttp(server.baseUrl());
            Map<String, Object> created = http.postJson(deployments(WS), CREATE_BODY.formatted("local-one"),
                    "Authorization", bearer(secret)).expect(201).map();
            assertEquals(localUserName(), principal(created), "auth_context.principal_id is the OS user's name");
            assertEquals(localUserName(), firstActor(created), "the history names the OS user");
        }
        // Someone loosened the file: the next start tightens it again, and keeps the secret.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (RunningServer server = start(dataDir, true)) {
            assertEquals(secret, Files.readString(file, StandardCharsets.UTF_8).trim(),
                    "the restart reuses the local token instead of making a new one");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                    "the restart makes the local token owner-only again");
            TestHttp http = new TestHttp(server.baseUrl());
            Map<String, Object> updated = http.patchJson(deployments(WS, "local-one", "status"),
                    "{\"status\":\"READY\",\"status_message\":\"after restart\"}",
                    "Authorization", bearer(secret)).expect(200).map();
            assertEquals(localUserName(), lastActor(updated), "the token still works after the restart");
        }
    }

    // ---- loopback without a token ----

    @Test
    void loopbackWithoutATokenIsTheAnonymousEditor(@TempDir Path dataDir) {
        try (RunningServer server = start(dataDir, false)) {
            TestHttp http = new TestHttp(server.baseUrl());
            Map<String, Object> created = http.postJson(deployments(WS), CREATE_BODY.formatted("anon-one"))
                    .expect(201).map();
            assertEquals("anonymous", principal(created));
            assertEquals("anonymous", firstActor(created));
            Map<String, Object> updated = http.patchJson(deployments(WS, "anon-one", "status"),
                    "{\"status\":\"READY\",\"status_message\":\"anon\"}").expect(200).map();
            assertEquals("anonymous", lastActor(updated));

            // With the local token the same loopback caller is named.
            String secret = server.localToken();
            Map<String, Object> named = http.patchJson(deployments(WS, "anon-one", "status"),
                    "{\"status\":\"READY\",\"status_message\":\"named\"}", "Authorization", bearer(secret))
                    .expect(200).map();
            assertEquals(localUserName(), lastActor(named));
            Map<String, Object> history = http.get(deployments(WS, "anon-one", "status-history")).expect(200).map();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) history.get("data");
            assertEquals(List.of("anonymous", "anonymous", localUserName()),
                    entries.stream().map(e -> e.get("actor")).toList(), "actor of every history entry");
        }
    }

    // ---- --require-auth ----

    @Test
    void withRequireAuthEveryApiRouteNeedsATokenEvenFromLoopback(@TempDir Path dataDir) {
        try (RunningServer server = start(dataDir, true)) {
            TestHttp http = new TestHttp(server.baseUrl());
            String secret = server.localToken();
            http.postJson(deployments(WS), CREATE_BODY.formatted("guarded"), "Authorization", bearer(secret))
                    .expect(201);
            String before = http.get(deployments(WS, "guarded"), "Authorization", bearer(secret)).expect(200).body();

            for (Endpoints.Call call : Endpoints.all(WS, "guarded", "guarded-new")) {
                assertUnauthorized(call.send(http), call);
            }
            assertEquals(before, http.get(deployments(WS, "guarded"), "Authorization", bearer(secret)).body(),
                    "no refused write changed the deployment");
            assertEquals(404, http.get(deployments(WS, "guarded-new"), "Authorization", bearer(secret)).status,
                    "the refused create created nothing");

            // /health needs no token.
            TestHttp.Reply health = http.get("/health");
            assertEquals(200, health.status, health.toString());
            assertSecurityHeaders(health, "/health");

            // With the local token everything works, and the OS user is the actor.
            for (Endpoints.Call call : Endpoints.reads(WS, "guarded")) {
                assertAllowedRead(call.send(http, "Authorization", bearer(secret)), call);
            }
            for (Endpoints.Call call : Endpoints.writes(WS, "guarded", "guarded-new")) {
                TestHttp.Reply reply = call.send(http, "Authorization", bearer(secret));
                assertTrue(reply.status / 100 == 2, call + ": " + reply);
                assertSecurityHeaders(reply, call);
            }
            Map<String, Object> deleted = http.get(deployments(WS, "guarded"), "Authorization", bearer(secret))
                    .expect(200).map();
            assertEquals("DELETING", deleted.get("status"));
            assertEquals(localUserName(), lastActor(deleted), "the delete was recorded under the OS user");
        }
    }

    // ---- tokens that are sent must be valid, from anywhere ----

    @Test
    void aBadOrNonBearerTokenIsRefusedEvenFromLoopback(@TempDir Path dataDir) {
        try (RunningServer server = start(dataDir, false)) {
            TestHttp http = new TestHttp(server.baseUrl());
            String secret = server.localToken();
            http.postJson(deployments(WS), CREATE_BODY.formatted("target")).expect(201);
            String before = http.get(deployments(WS, "target")).expect(200).body();

            List<String> badAuthorizations = List.of(
                    "Bearer not-a-known-token",
                    "Bearer " + secret + "x",
                    "Bearer " + secret.substring(1),
                    "Bearer " + secret.toUpperCase(java.util.Locale.ROOT),
                    "Bearer",
                    "Bearer ",
                    "Bearer    ",
                    secret,
                    "Basic " + java.util.Base64.getEncoder().encodeToString(("user:" + secret).getBytes(StandardCharsets.UTF_8)),
                    "Token " + secret,
                    "Bearer:" + secret,
                    "Bearer" + secret,
                    "Digest username=\"x\"");
            for (String authorization : badAuthorizations) {
                for (Endpoints.Call call : Endpoints.all(WS, "target", "never-created")) {
                    assertUnauthorized(call.send(http, "Authorization", authorization),
                            call + " with Authorization '" + authorization + "'");
                }
            }
            assertEquals(before, http.get(deployments(WS, "target")).body(), "no refused write changed anything");
            assertEquals(404, http.get(deployments(WS, "never-created")).status, "no refused create created anything");
        }
    }

    @Test
    void theBearerSchemeIsCaseInsensitiveAndSurroundingSpaceIsIgnored(@TempDir Path dataDir) {
        try (RunningServer server = start(dataDir, true)) {
            TestHttp http = new TestHttp(server.baseUrl());
            String secret = server.localToken();
            for (String authorization : List.of("bearer " + secret, "BEARER " + secret, "Bearer   " + secret + "  ")) {
                assertEquals(200, http.get(deployments("-"), "Authorization", authorization).status, authorization);
            }
        }
    }

    // ---- headers ----

    @Test
    void everyAnswerSaysNosniffAndNamesNoServer(@TempDir Path dataDir) {
        try (RunningServer server = start(dataDir, false)) {
            TestHttp http = new TestHttp(server.baseUrl());
            List<TestHttp.Reply> replies = new java.util.ArrayList<>();
            replies.add(http.postJson(deployments(WS), CREATE_BODY.formatted("headers")).expect(201));
            replies.add(http.get(deployments(WS, "headers")).expect(200));
            replies.add(http.get(deployments(WS, "missing")).expect(404));
            replies.add(http.postJson(deployments(WS), "{\"name\":").expect(422));
            replies.add(http.postJson(deployments(WS), CREATE_BODY.formatted("headers")).expect(409));
            replies.add(http.send("POST", deployments(WS), "x", "Content-Type", "text/plain"));
            replies.add(http.send("PUT", deployments(WS, "headers"), "{}", "Content-Type", "application/json"));
            replies.add(http.get(deployments(WS) + "?filter[nope]=1").expect(400));
            replies.add(http.get(deployments(WS, "headers"), "Authorization", "Bearer wrong").expect(401));
            replies.add(http.get(events(WS), "Accept", "text/event-stream").expect(200));
            replies.add(http.get("/health").expect(200));
            replies.add(http.get("/no/such/page"));
            replies.add(http.send("OPTIONS", deployments(WS), null));
            replies.add(http.send("HEAD", deployments(WS, "headers"), null));
            for (TestHttp.Reply reply : replies) {
                assertSecurityHeaders(reply, reply.status + " " + reply.headers());
                if (reply.status >= 400 && !"HEAD".equals(reply.method)) {
                    Object json = reply.jsonOrNull();
                    assertTrue(json instanceof Map<?, ?> map && map.containsKey("detail"),
                            "a " + reply.status + " has a {\"detail\": ...} body: " + reply.body());
                }
            }
        }
    }

    // ---- paths that try to get around the /apis/** filter ----

    @Test
    void pathVariantsDoNotSlipPastTheTokenCheck(@TempDir Path dataDir) {
        try (RunningServer server = start(dataDir, true)) {
            TestHttp http = new TestHttp(server.baseUrl());
            String secret = server.localToken();
            http.postJson(deployments(WS), CREATE_BODY.formatted("target"), "Authorization", bearer(secret)).expect(201);
            String before = http.get(deployments(WS, "target"), "Authorization", bearer(secret)).expect(200).body();
            String rest = "models/v2/workspaces/" + WS + "/deployments";
            List<String> prefixes = List.of(
                    "//apis/" + rest,
                    "/apis//" + rest,
                    "/apis/./" + rest,
                    "/x/../apis/" + rest,
                    "/apis/../apis/" + rest,
                    "/%61pis/" + rest,
                    "/ap%69s/" + rest,
                    "/APIS/" + rest,
                    "/Apis/" + rest,
                    "/apis%2F" + rest,
                    "/apis%2f" + rest,
                    "/apis/" + rest.replace("/", "%2F"),
                    "/apis\\" + rest.replace("/", "\\"),
                    "/apis/" + rest + "/",
                    "/apis/" + rest + ";jsessionid=1",
                    "/./apis/" + rest,
                    "/apis/" + rest.replace("deployments", "%64eployments"),
                    "http://127.0.0.1:" + http.port() + "/apis/" + rest,
                    "/apis/" + rest + "%00");
            for (String prefix : prefixes) {
                List<Endpoints.Call> calls = List.of(
                        new Endpoints.Call("GET", prefix, null, false),
                        new Endpoints.Call("GET", prefix + "/target", null, false),
                        new Endpoints.Call("POST", prefix, CREATE_BODY.formatted("sneaked"), true),
                        new Endpoints.Call("PATCH", prefix + "/target/status",
                                "{\"status\":\"READY\",\"status_message\":\"sneaked\"}", true),
                        new Endpoints.Call("DELETE", prefix + "/target", null, true));
                for (Endpoints.Call call : calls) {
                    TestHttp.Reply reply = call.send(http);
                    assertFalse(reply.status / 100 == 2, call + " without a token must not succeed: " + reply);
                    assertTrue(reply.status < 500, call + ": " + reply);
                    assertSecurityHeaders(reply, call);
                }
            }
            assertEquals(before, http.get(deployments(WS, "target"), "Authorization", bearer(secret)).body(),
                    "nothing changed the deployment");
            assertEquals(404, http.get(deployments(WS, "sneaked"), "Authorization", bearer(secret)).status,
                    "nothing was created");
        }
    }
}
