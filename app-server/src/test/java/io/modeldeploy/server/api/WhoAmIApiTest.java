package io.modeldeploy.server.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /apis/modeldeploy/v1/whoami} with tokens configured but not required: the caller's
 * name and role as the server sees them, and the endpoint in the served OpenAPI document.
 */
@MicronautTest
@Property(name = "modeldeploy.tokens", value = WhoAmIApiTest.TOKENS)
class WhoAmIApiTest {
    static final String WHOAMI = "/apis/modeldeploy/v1/whoami";
    static final String EDITOR_SECRET = "whoami-editor-5b1e9d27c4";
    static final String VIEWER_SECRET = "whoami-viewer-83fa06d2e7";
    static final String TOKENS = "ci-bot:editor:" + EDITOR_SECRET + ",dashboard:viewer:" + VIEWER_SECRET;
    static final String OPENAPI_DOCUMENT = "/swagger/modeldeploy-console-api-0.1.0.yml";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client, jsonMapper);
    }

    private Api.Reply whoami(String authorization) {
        return api.send(HttpRequest.GET(WHOAMI).header("Authorization", authorization));
    }

    @Test
    void anEditorTokenIsItsNameAndMayWrite() {
        Map<String, Object> caller = whoami("Bearer " + EDITOR_SECRET).expect(200).map();
        assertEquals(Map.of("name", "ci-bot", "role", "editor", "can_write", true), caller);
    }

    @Test
    void aViewerTokenIsItsNameAndMayNotWrite() {
        Map<String, Object> caller = whoami("Bearer " + VIEWER_SECRET).expect(200).map();
        assertEquals(Map.of("name", "dashboard", "role", "viewer", "can_write", false), caller);
    }

    @Test
    void aLoopbackCallerWithoutTokenIsAnonymousAndMayWrite() {
        Map<String, Object> caller = api.get(WHOAMI).expect(200).map();
        assertEquals(Map.of("name", "anonymous", "role", "editor", "can_write", true), caller);
    }

    @Test
    void anUnknownTokenIs401WithTheBearerChallenge() {
        Api.Reply reply = whoami("Bearer not-a-known-secret").expect(401);
        assertEquals("Bearer realm=\"modeldeploy\"", reply.headers.get("WWW-Authenticate"));
        assertNotNull(reply.map().get("detail"));
    }

    @Test
    void aCredentialThatIsNotABearerTokenIs401() {
        whoami("Basic dXNlcjpwYXNz").expect(401);
    }

    @Test
    void theOpenApiDocumentListsWhoAmIWithItsAnswersAndFields() {
        String document = api.get(OPENAPI_DOCUMENT).expect(200).body;
        String path = block(document, "  " + WHOAMI + ":", "  ");
        assertTrue(path.contains("get:"), path);
        assertTrue(Pattern.compile("\"?200\"?:").matcher(path).find(), "200 in " + path);
        assertTrue(Pattern.compile("\"?401\"?:").matcher(path).find(), "401 in " + path);
        assertTrue(path.contains("#/components/schemas/CallerIdentity"), path);
        String schema = block(document, "    CallerIdentity:", "    ");
        for (String field : new String[] {"name:", "role:", "can_write:"}) {
            assertTrue(schema.contains(field), field + " in " + schema);
        }
    }

    /** The lines from {@code header} up to the next line indented as little as {@code indent}. */
    static String block(String document, String header, String indent) {
        int start = document.indexOf("\n" + header + "\n");
        assertTrue(start >= 0, header.trim() + " missing in the OpenAPI document");
        Matcher next = Pattern.compile("\n" + indent + "\\S").matcher(document);
        int end = next.find(start + header.length() + 2) ? next.start() : document.length();
        return document.substring(start, end);
    }
}
