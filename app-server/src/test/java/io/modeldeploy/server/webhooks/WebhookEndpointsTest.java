package io.modeldeploy.server.webhooks;

import io.modeldeploy.model.DeploymentStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MODELDEPLOY_WEBHOOKS: what it accepts, its defaults, and one clear line for each thing it refuses. */
class WebhookEndpointsTest {

    @Test
    void theIssuesExampleReadsWithItsFiltersAndTheDefaultsApplyToWhatIsLeftOut() {
        WebhookEndpoints endpoints = WebhookEndpoints.parse("""
                [{"name": "ops", "url": "https://hooks.example/md", "secret": "s1", "statuses": ["ERROR", "lost"],
                  "workspaces": ["-"], "stuck": true},
                 {"name": "team-a", "url": "http://127.0.0.1:9000/hook?token=abc", "secret": "s2",
                  "workspaces": ["team-a"]}]""");
        WebhookEndpoint ops = endpoints.named("ops").orElseThrow();
        assertEquals(Set.of(DeploymentStatus.ERROR, DeploymentStatus.LOST), ops.statuses());
        assertEquals(Set.of(), ops.workspaces());
        assertTrue(ops.stuck());
        assertTrue(ops.wants("any", DeploymentStatus.LOST));
        assertFalse(ops.wants("any", DeploymentStatus.READY));

        WebhookEndpoint teamA = endpoints.named("team-a").orElseThrow();
        assertTrue(teamA.wants("team-a", DeploymentStatus.READY));
        assertFalse(teamA.wants("team-b", DeploymentStatus.ERROR));
        assertFalse(teamA.wantsStuck("team-a"));
        assertEquals(List.of("ops", "team-a"), endpoints.names());
    }

    @Test
    void anEmptySettingMeansNoWebhooks() {
        assertTrue(WebhookEndpoints.parse("").isEmpty());
        assertTrue(WebhookEndpoints.parse("[]").isEmpty());
    }

    @Test
    void logsSeeSchemeHostAndPortOnlyNeverTheTokenInTheUrl() {
        WebhookEndpoint endpoint = WebhookEndpoints.parse("[{\"name\": \"chat\", \"url\": "
                + "\"https://user:pw@hooks.example/services/T0KEN?key=K3Y\", \"secret\": \"SECRET\"}]").all().get(0);
        assertEquals("https://hooks.example:443", endpoint.safeTarget());
        for (String text : List.of(endpoint.safeTarget(), endpoint.toString())) {
            assertFalse(text.contains("T0KEN") || text.contains("K3Y") || text.contains("pw") || text.contains("SECRET"),
                    text);
        }
    }

    @Test
    void eachMalformedValueIsRefusedWithOneLineNamingTheEntryAndNeverTheSecret() {
        String ok = "\"url\": \"https://h.example/x\", \"secret\": \"TOPSECRET\"";
        List<List<String>> cases = List.of(
                List.of("{\"name\": \"ops\"", "is not valid JSON"),
                List.of("[{\"name\": \"ops\", \"url\": \"https://h.example/x\", \"secret\": TOPSECRET}]",
                        "is not valid JSON"),
                List.of("{\"name\": \"ops\", " + ok + "}", "must be a JSON array"),
                List.of("[\"ops\"]", "entry 1 is not a JSON object"),
                List.of("[{" + ok + "}]", "entry 1: 'name' is missing"),
                List.of("[{\"name\": \" \", " + ok + "}]", "entry 1: 'name' must be a non-empty string"),
                List.of("[{\"name\": \"a\", " + ok + "}, {\"name\": \"a\", " + ok + "}]",
                        "entry 2: the name 'a' is used by an earlier entry"),
                List.of("[{\"name\": \"a\", \"url\": \"ftp://h.example/x\", \"secret\": \"TOPSECRET\"}]",
                        "entry 1 ('a'): 'url' must be an absolute http:// or https:// URL"),
                List.of("[{\"name\": \"a\", \"url\": \"/relative\", \"secret\": \"TOPSECRET\"}]",
                        "entry 1 ('a'): 'url' must be an absolute http:// or https:// URL"),
                List.of("[{\"name\": \"a\", \"url\": \"https://h.example/x\"}]", "entry 1 ('a'): 'secret' is missing"),
                List.of("[{\"name\": \"a\", \"url\": \"https://h.example/x\", \"secret\": \"\"}]",
                        "entry 1 ('a'): 'secret' must be a non-empty string"),
                List.of("[{\"name\": \"a\", " + ok + ", \"statuses\": [\"BROKEN\"]}]",
                        "entry 1 ('a'): 'BROKEN' in 'statuses' is not a status"),
                List.of("[{\"name\": \"a\", " + ok + ", \"statuses\": \"ERROR\"}]",
                        "entry 1 ('a'): 'statuses' must be a non-empty array of strings"),
                List.of("[{\"name\": \"a\", " + ok + ", \"workspaces\": []}]",
                        "entry 1 ('a'): 'workspaces' must be a non-empty array of strings"),
                List.of("[{\"name\": \"a\", " + ok + ", \"stuck\": \"yes\"}]", "entry 1 ('a'): 'stuck' must be true or false"),
                List.of("[{\"name\": \"a\", " + ok + ", \"status\": [\"ERROR\"]}]", "entry 1: unknown field 'status'"));
        for (List<String> example : cases) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> WebhookEndpoints.parse(example.get(0)), example.get(0));
            String message = refused.getMessage();
            System.out.println("[webhooks] " + message);
            assertTrue(message.startsWith("MODELDEPLOY_WEBHOOKS (modeldeploy.webhooks): "), message);
            assertTrue(message.contains(example.get(1)), message);
            assertFalse(message.contains("TOPSECRET"), message);
            assertEquals(1, message.lines().count(), message);
        }
    }
}
