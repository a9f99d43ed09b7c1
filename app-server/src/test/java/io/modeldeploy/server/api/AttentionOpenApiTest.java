package io.modeldeploy.server.api;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attention endpoint, the list's filter[attention] and status_since in the served OpenAPI document. */
@MicronautTest
class AttentionOpenApiTest {
    private static final String OPENAPI_DOCUMENT = "/swagger/modeldeploy-console-api-0.1.0.yml";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    private String document() {
        return new Api(client, jsonMapper).get(OPENAPI_DOCUMENT).expect(200).body;
    }

    @Test
    void theAttentionEndpointWithItsAnswersParameterAndSchemas() {
        String document = document();
        String path = block(document, "  " + AttentionApiTest.ATTENTION + ":", "  ");
        assertTrue(path.contains("get:"), path);
        for (String status : new String[] {"200", "401", "422"}) {
            assertTrue(Pattern.compile("\"?" + status + "\"?:").matcher(path).find(), status + " in " + path);
        }
        assertTrue(path.contains("name: workspace") && path.contains("in: query"), path);
        assertTrue(path.contains("#/components/schemas/AttentionList"), path);
        assertTrue(path.contains("#/components/schemas/ValidationErrorBody"), path);
        assertFields(block(document, "    AttentionList:", "    "), "data:", "stuck_after_seconds:");
        assertFields(block(document, "    AttentionItem:", "    "), "reason:", "status:", "since:", "deployment:");
        // the names on the wire, as a generated client must send and read them
        assertFields(block(document, "    AttentionReason:", "    "), "- error", "- lost", "- stuck");
        assertFields(block(document, "    ChangeSource:", "    "), "- api", "- gui");
    }

    @Test
    void theListFilterAndStatusSince() {
        String document = document();
        String list = block(document, "  /apis/models/v2/workspaces/{workspace}/deployments:", "  ");
        assertTrue(list.contains("name: \"filter[attention]\""), list);
        assertTrue(list.contains("type: boolean"), list);
        assertTrue(Pattern.compile("\"?422\"?:").matcher(list).find(), "422 in " + list);
        assertFields(block(document, "    ModelDeployment:", "    "), "status_since:");
    }

    private static void assertFields(String schema, String... fields) {
        for (String field : fields) {
            assertTrue(schema.contains(field), field + " in " + schema);
        }
    }

    /** The lines from {@code header} up to the next line indented as little as {@code indent}. */
    private static String block(String document, String header, String indent) {
        int start = document.indexOf("\n" + header + "\n");
        assertTrue(start >= 0, header.trim() + " missing in the OpenAPI document");
        Matcher next = Pattern.compile("\n" + indent + "\\S").matcher(document);
        int end = next.find(start + header.length() + 2) ? next.start() : document.length();
        return document.substring(start, end);
    }
}
