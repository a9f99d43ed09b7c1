package io.modeldeploy.server.security;

import java.util.List;

import static io.modeldeploy.server.security.TestHttp.deployments;
import static io.modeldeploy.server.security.TestHttp.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every route under {@code /apis/**}, as requests a test can send with or without a token, and the checks they share. */
final class Endpoints {
    private Endpoints() {
    }

    /** One request: {@code write} when it is POST, PATCH or DELETE. */
    record Call(String method, String target, String body, boolean write) {
        TestHttp.Reply send(TestHttp http, String... headers) {
            String[] all = headers;
            if (body != null) {
                all = new String[headers.length + 2];
                all[0] = "Content-Type";
                all[1] = "application/json";
                System.arraycopy(headers, 0, all, 2, headers.length);
            } else if (target.endsWith("/deployment-events")) {
                all = new String[headers.length + 2];
                all[0] = "Accept";
                all[1] = "text/event-stream";
                System.arraycopy(headers, 0, all, 2, headers.length);
            }
            return http.send(method, target, body, all);
        }

        @Override
        public String toString() {
            return method + " " + target;
        }
    }

    /** Every read route, for an existing deployment {@code name} (version 1) in {@code workspace}. */
    static List<Call> reads(String workspace, String name) {
        return List.of(
                new Call("GET", deployments(workspace), null, false),
                new Call("GET", deployments("-") + "?all_versions=true", null, false),
                new Call("GET", deployments(workspace, name), null, false),
                new Call("GET", deployments(workspace, name, "versions"), null, false),
                new Call("GET", deployments(workspace, name, "versions", "1"), null, false),
                new Call("GET", deployments(workspace, name, "status-history"), null, false),
                new Call("GET", deployments(workspace, name, "models"), null, false),
                new Call("HEAD", deployments(workspace, name), null, false),
                new Call("GET", events(workspace), null, false),
                new Call("GET", events("-"), null, false),
                new Call("GET", "/apis/modeldeploy/v1/attention?workspace=" + TestHttp.encode(workspace), null, false),
                new Call("GET", "/apis/modeldeploy/v1/history-export?workspace=" + TestHttp.encode(workspace), null, false));
    }

    /** Every write route; applied in this order they all succeed on a fresh deployment {@code name}. */
    static List<Call> writes(String workspace, String name, String createdName) {
        return List.of(
                new Call("POST", deployments(workspace), "{\"name\":\"" + createdName + "\",\"config\":\"cfg\"}", true),
                new Call("POST", deployments(workspace, name), "{\"config\":\"cfg-2\"}", true),
                new Call("PATCH", deployments(workspace, name, "status") + "?version=1",
                        "{\"status\":\"READY\",\"status_message\":\"patched\"}", true),
                new Call("POST", deployments(workspace, name, "status"),
                        "{\"status\":\"ERROR\",\"status_message\":\"posted\"}", true),
                new Call("POST", "/apis/modeldeploy/v1/status-batches", "{\"status\":\"LOST\",\"targets\":"
                        + "[{\"workspace\":\"" + workspace + "\",\"name\":\"" + name + "\"}]}", true),
                new Call("DELETE", deployments(workspace, name, "versions", "1"), null, true),
                new Call("DELETE", deployments(workspace, name), null, true));
    }

    static List<Call> all(String workspace, String name, String createdName) {
        List<Call> all = new java.util.ArrayList<>(reads(workspace, name));
        all.addAll(writes(workspace, name, createdName));
        return all;
    }

    /** Headers every answer carries: no MIME sniffing, no server banner. */
    static void assertSecurityHeaders(TestHttp.Reply reply, Object what) {
        assertEquals("nosniff", reply.header("X-Content-Type-Options"), what + ": X-Content-Type-Options in "
                + reply.headers());
        assertFalse(reply.hasHeader("Server"), what + ": no Server header, got " + reply.header("Server"));
    }

    /** A 401 with a Bearer challenge and a {@code {"detail": "..."}} body. */
    static void assertUnauthorized(TestHttp.Reply reply, Object what) {
        assertEquals(401, reply.status, what + ": " + reply);
        String challenge = reply.header("WWW-Authenticate");
        assertNotNull(challenge, what + ": a 401 carries WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer"), what + ": WWW-Authenticate is a Bearer challenge: " + challenge);
        if (!"HEAD".equals(reply.method)) {
            assertFalse(reply.detail().isBlank(), what + ": the detail says why");
        }
        assertSecurityHeaders(reply, what);
    }

    /** A 403 with a {@code {"detail": "..."}} body. */
    static void assertForbidden(TestHttp.Reply reply, Object what) {
        assertEquals(403, reply.status, what + ": " + reply);
        assertFalse(reply.detail().isBlank(), what + ": the detail says why");
        assertSecurityHeaders(reply, what);
    }

    /** The answer of a read that is allowed: 200 (the stream's headers only). */
    static void assertAllowedRead(TestHttp.Reply reply, Call call) {
        assertEquals(200, reply.status, call + ": " + reply);
        if (call.target().endsWith("/deployment-events")) {
            assertTrue(reply.isEventStream(), call + " is an event stream: " + reply.headers());
        }
        assertSecurityHeaders(reply, call);
    }

    static String bearer(String secret) {
        return "Bearer " + secret;
    }
}
