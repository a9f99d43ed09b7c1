package io.modeldeploy.server.demo;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.DemoState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without demo mode there is no seed, and the demo endpoints refuse with 409. */
@MicronautTest
class DemoModeOffTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void noSeedAndDemoEndpointsAnswer409() {
        String list = client.toBlocking().retrieve("/apis/models/v2/workspaces/-/deployments");
        assertTrue(list.contains("\"total_results\":0"), list);
        DemoState state = client.toBlocking().retrieve("/apis/modeldeploy/v1/demo", DemoState.class);
        assertFalse(state.enabled());
        HttpClientResponseException reset = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/apis/modeldeploy/v1/demo/reset", "")));
        assertEquals(HttpStatus.CONFLICT, reset.getStatus());
        HttpClientResponseException start = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.PUT("/apis/modeldeploy/v1/demo", Map.of("running", true))));
        assertEquals(HttpStatus.CONFLICT, start.getStatus());
    }
}
