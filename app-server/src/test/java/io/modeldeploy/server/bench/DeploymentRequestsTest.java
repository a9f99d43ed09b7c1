package io.modeldeploy.server.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeploymentRequestsTest {
    private static final Pattern PATCH = Pattern.compile("PATCH (\\S+) HTTP/1\\.1\r\nHost: 127\\.0\\.0\\.1:8080\r\n"
            + "Accept: application/json\r\nContent-Type: application/json\r\nContent-Length: (\\d+)\r\n\r\n"
            + "(\\{\"status\":\"([A-Z]+)\",\"status_message\":\"([^\"]*)\"(,\"model_provider_id\":\"([^\"]*)\")?})");

    private final DeploymentRequests requests = new DeploymentRequests("127.0.0.1:8080", 30, 4, "run1");

    @Test
    void getsRotateOverAllNamesWithConnectionsInterleaved() {
        Set<String> seen = new HashSet<>();
        for (long sequence = 0; sequence < 8; sequence++) {
            for (int connection = 0; connection < 4; connection++) {
                String request = new String(requests.getDeployment(connection, sequence), StandardCharsets.US_ASCII);
                seen.add(request.substring(0, request.indexOf(" HTTP/1.1")));
            }
        }
        assertEquals(30, seen.size());
        assertEquals("GET /apis/models/v2/workspaces/default/deployments/dep-0005 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                        + "Accept: application/json\r\n\r\n",
                new String(requests.getDeployment(1, 1), StandardCharsets.US_ASCII));
    }

    @Test
    void everyPatchIsAUniqueWellFramedChangeToAStatusThatCanBeLeft() {
        Set<String> messages = new HashSet<>();
        Map<String, Set<String>> statusesByName = new HashMap<>();
        int withProvider = 0;
        int total = 0;
        for (long sequence = 0; sequence < 3000; sequence++) {
            for (int connection = 0; connection < 4; connection++) {
                String request = new String(requests.patchStatus(connection, sequence), StandardCharsets.UTF_8);
                Matcher m = PATCH.matcher(request);
                assertTrue(m.matches(), request);
                assertEquals(Integer.parseInt(m.group(2)), m.group(3).getBytes(StandardCharsets.UTF_8).length);
                String status = m.group(4);
                assertTrue(Set.of("UNKNOWN", "CREATED", "PENDING", "READY", "ERROR", "LOST").contains(status), status);
                String message = m.group(5);
                assertTrue(message.length() >= 35 && message.length() <= 160, message);
                assertTrue(message.matches("bench run1 c\\d r\\d+ " + status + " [a-z0-9]*"), message);
                assertTrue(messages.add(message), "repeated: " + message);
                statusesByName.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(status);
                if (m.group(7) != null) {
                    withProvider++;
                    assertTrue(m.group(7).matches("default/provider-\\d+"), m.group(7));
                }
                total++;
            }
        }
        assertEquals(30, statusesByName.size());
        statusesByName.forEach((path, statuses) -> assertEquals(6, statuses.size(), path + " saw " + statuses));
        assertEquals(total / 3, withProvider);
        Set<Integer> lengths = new HashSet<>();
        messages.forEach(message -> lengths.add(message.length()));
        assertTrue(lengths.contains(35) && lengths.contains(160), "lengths from 35 to 160, got " + lengths.size());
    }

    @Test
    void seedingAndCounting() {
        assertEquals("POST /apis/models/v2/workspaces/default/deployments HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                        + "Accept: application/json\r\nContent-Type: application/json\r\nContent-Length: 34\r\n\r\n"
                        + "{\"name\":\"dep-0007\",\"config\":\"cfg\"}",
                new String(requests.create(7), StandardCharsets.US_ASCII));
        String history = new String(requests.historySize(29), StandardCharsets.US_ASCII);
        assertTrue(history.startsWith("GET /apis/models/v2/workspaces/default/deployments/dep-0029/status-history"
                + "?page_size=1 HTTP/1.1\r\n"), history);
    }
}
