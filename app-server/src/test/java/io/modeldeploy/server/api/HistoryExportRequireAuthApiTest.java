package io.modeldeploy.server.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.modeldeploy.server.api.Api.deployments;
import static io.modeldeploy.server.api.Api.unique;
import static io.modeldeploy.server.api.HistoryExports.CSV;
import static io.modeldeploy.server.api.HistoryExports.EXPORT;
import static io.modeldeploy.server.api.HistoryExports.NDJSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** With --require-auth the exports need a token, and a viewer's is enough. */
@MicronautTest
@Property(name = "modeldeploy.require-auth", value = "true")
@Property(name = "modeldeploy.tokens", value = HistoryExportApiTest.TOKENS)
class HistoryExportRequireAuthApiTest {
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
    void withoutATokenNoFormatIsAnswered() {
        String workspace = unique("guarded");
        String name = unique("model");
        api.send(HttpRequest.POST(deployments(workspace), "{\"name\":\"" + name + "\",\"config\":\"cfg\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(HistoryExportApiTest.CRON_SECRET)).expect(201);
        for (String accept : List.of(CSV, NDJSON, MediaType.APPLICATION_JSON)) {
            assertEquals(401, api.send(HttpRequest.GET(EXPORT).header("Accept", accept)).status, accept);
            assertEquals(401, api.send(HttpRequest.GET(deployments(workspace, name, "status-history"))
                    .header("Accept", accept)).status, accept);
            api.send(HttpRequest.GET(Api.query(EXPORT, "workspace", workspace)).header("Accept", accept)
                    .bearerAuth(HistoryExportApiTest.VIEWER_SECRET)).expect(200);
            api.send(HttpRequest.GET(deployments(workspace, name, "status-history")).header("Accept", accept)
                    .bearerAuth(HistoryExportApiTest.VIEWER_SECRET)).expect(200);
        }
    }
}
