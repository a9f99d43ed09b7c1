package io.modeldeploy.server.openapi;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validator the API suites run every exchange through refuses what the served document does not describe. */
class OpenApiValidationTest {
    private static final String LIST = "/apis/models/v2/workspaces/default/deployments";
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final String EMPTY_PAGE = "{\"data\":[],\"pagination\":{\"page\":1,\"page_size\":10,"
            + "\"current_page_size\":0,\"total_pages\":0,\"total_results\":0},\"sort\":\"created_at\"}";

    private static String problems(int status, String body) {
        return OpenApiValidation.problems(OpenApiValidation.served(), "GET", LIST, Map.of(), null, status, JSON, body);
    }

    @Test
    void aDeclaredAnswerPasses() {
        assertNull(problems(200, EMPTY_PAGE));
    }

    @Test
    void anUndeclaredStatusFails() {
        String problems = problems(299, EMPTY_PAGE);
        assertNotNull(problems);
        assertTrue(problems.contains("299"), problems);
    }

    @Test
    void anUndeclaredFieldFails() {
        String problems = problems(200, EMPTY_PAGE.replace("{\"data\"", "{\"surprise\":1,\"data\""));
        assertNotNull(problems);
        assertTrue(problems.contains("surprise"), problems);
    }

    @Test
    void anUndeclaredEndpointFails() {
        assertNotNull(OpenApiValidation.problems(OpenApiValidation.served(), "GET", "/apis/models/v2/unheard-of",
                Map.of(), null, 200, JSON, "{}"));
    }

    @Test
    void aSuccessfulAnswerToAnInvalidRequestFails() {
        String problems = OpenApiValidation.problems(OpenApiValidation.served(), "GET", LIST + "?page=abc",
                Map.of(), null, 200, JSON, EMPTY_PAGE);
        assertNotNull(problems);
        assertTrue(problems.contains("4xx"), problems);
    }
}
