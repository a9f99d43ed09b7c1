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

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code GET /apis/modeldeploy/v1/whoami} with --require-auth: no anonymous caller, not even on loopback. */
@MicronautTest
@Property(name = "modeldeploy.require-auth", value = "true")
@Property(name = "modeldeploy.tokens", value = WhoAmIApiTest.TOKENS)
class WhoAmIRequireAuthApiTest {
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

    @Test
    void withoutTokenIs401() {
        Api.Reply reply = api.get(WhoAmIApiTest.WHOAMI).expect(401);
        assertEquals("Bearer realm=\"modeldeploy\"", reply.headers.get("WWW-Authenticate"));
    }

    @Test
    void aViewerTokenIsStillAnswered() {
        Map<String, Object> caller = api.send(HttpRequest.GET(WhoAmIApiTest.WHOAMI)
                .header("Authorization", "Bearer " + WhoAmIApiTest.VIEWER_SECRET)).expect(200).map();
        assertEquals(Map.of("name", "dashboard", "role", "viewer", "can_write", false), caller);
    }
}
