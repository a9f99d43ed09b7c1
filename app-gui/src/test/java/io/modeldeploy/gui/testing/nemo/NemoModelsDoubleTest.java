package io.modeldeploy.gui.testing.nemo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The double answers as the NeMo contract documents, so console tests against it mean something. */
class NemoModelsDoubleTest {

    private static final String DEPLOYMENTS = NemoModelsDouble.PREFIX + "default/deployments";

    private final NemoModelsDouble nemo = NemoModelsDouble.start();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        nemo.close();
    }

    @Test
    void createdDeploymentHasNaiveTimestampsNullFieldsAndAnEmptyHistory() {
        JsonNode created = nemo.createDeployment("default", "llama", "llama-nim");

        assertEquals("CREATED", created.get("status").asText());
        assertEquals("Deployment created", created.get("status_message").asText());
        assertEquals(0, created.get("status_history").size());
        assertTrue(created.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}"),
                created.get("created_at").asText());
        assertTrue(created.get("model_provider_id").isNull());
        assertTrue(created.get("id").asText().startsWith("model-deployment-"));
    }

    @Test
    void statusPostFollowsNemosHistoryRulesAndNoOpWritesNothing() throws Exception {
        nemo.createDeployment("default", "llama", "llama-nim");
        nemo.postStatus("default", "llama", "PENDING", "Pulling image");
        JsonNode unchanged = nemo.postStatus("default", "llama", "PENDING", "Pulling image");
        JsonNode ready = nemo.postStatus("default", "llama", "READY", "");

        JsonNode history = ready.get("status_history");
        assertEquals(3, history.size(), history.toString());
        assertEquals("CREATED", history.get(0).get("status").asText());
        assertEquals("PENDING", history.get(1).get("status").asText());
        assertEquals("READY", history.get(2).get("status").asText());
        assertTrue(history.get(2).get("timestamp").asText().endsWith("Z"));
        assertEquals(2, unchanged.get("status_history").size());
        assertFalse(ready.get("updated_at").asText().equals(unchanged.get("updated_at").asText()));
    }

    @Test
    void historyKeepsTheNewest100Entries() {
        nemo.createDeployment("default", "llama", "llama-nim");
        JsonNode last = null;
        for (int i = 0; i < 120; i++) {
            last = nemo.postStatus("default", "llama", i % 2 == 0 ? "READY" : "PENDING", "step " + i);
        }
        assertEquals(NemoModelsDouble.HISTORY_CAP, last.get("status_history").size());
        assertEquals("step 119", last.get("status_history").get(99).get("status_message").asText());
    }

    @Test
    void offersNoneOfTheConsolesExtensions() throws Exception {
        nemo.createDeployment("default", "llama", "llama-nim");

        HttpResponse<String> patch = send("PATCH", DEPLOYMENTS + "/llama/status", "{\"status\":\"READY\"}");
        assertEquals(405, patch.statusCode());
        assertEquals(404, send("GET", DEPLOYMENTS + "/llama/status-history?version=1", null).statusCode());
        assertEquals(404, send("GET", "/apis/models/v2/workspaces/-/deployment-events", null).statusCode());
        assertEquals(404, send("GET", "/apis/modeldeploy/v1/whoami", null).statusCode());
        HttpResponse<String> latest = send("GET", DEPLOYMENTS + "/llama", null);
        assertTrue(latest.headers().firstValue("ETag").isEmpty());
    }

    @Test
    void answersNemosErrors() throws Exception {
        nemo.createDeployment("default", "llama", "llama-nim");

        HttpResponse<String> badVersion = send("POST", DEPLOYMENTS + "/llama/status?version=abc",
                "{\"status\":\"READY\"}");
        assertEquals(400, badVersion.statusCode());
        assertEquals("Invalid version 'abc': must be a positive integer",
                json.readTree(badVersion.body()).get("detail").asText());

        HttpResponse<String> badStatus = send("POST", DEPLOYMENTS + "/llama/status", "{\"status\":\"RUNNING\"}");
        assertEquals(422, badStatus.statusCode());
        JsonNode error = json.readTree(badStatus.body()).get("detail").get(0);
        assertEquals("enum", error.get("type").asText());
        assertEquals("[\"body\",\"status\"]", error.get("loc").toString());

        assertEquals(202, send("DELETE", DEPLOYMENTS + "/llama", null).statusCode());
        HttpResponse<String> conflict = send("POST", DEPLOYMENTS + "/llama/status", "{\"status\":\"READY\"}");
        assertEquals(409, conflict.statusCode());
        assertEquals("false", conflict.headers().firstValue("x-should-retry").orElseThrow());

        HttpResponse<String> missing = send("POST", DEPLOYMENTS + "/nope", "{\"config\":\"llama-nim\"}");
        assertEquals(400, missing.statusCode());
    }

    @Test
    void latestOnlyListLeavesNullFieldsOutAndFiltersLikeNemo() throws Exception {
        nemo.createDeployment("default", "llama", "llama-nim");
        nemo.createDeployment("default", "mistral", "mistral-nim");
        send("POST", DEPLOYMENTS + "/llama", "{\"config\":\"llama-nim\"}");

        JsonNode page = json.readTree(send("GET", DEPLOYMENTS + "?filter%5Bname%5D%5B%24like%5D=LLA", null).body());
        assertEquals(1, page.get("data").size());
        JsonNode llama = page.get("data").get(0);
        assertEquals(2, llama.get("entity_version").asInt());
        assertFalse(llama.has("model_provider_id"));
        page = json.readTree(send("GET", DEPLOYMENTS + "?filter%5Bname%5D%5B%24like%5D=m_stral%25", null).body());
        assertEquals("mistral", page.get("data").get(0).get("name").asText());

        assertEquals(400, send("GET", DEPLOYMENTS + "?filter%5Bcolour%5D=red", null).statusCode());
        assertEquals(2, json.readTree(send("GET", "/apis/models/v2/workspaces/-/deployments", null).body())
                .get("pagination").get("total_results").asInt());
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(nemo.baseUri().resolve(path));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
