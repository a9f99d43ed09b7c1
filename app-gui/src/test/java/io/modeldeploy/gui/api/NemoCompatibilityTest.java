package io.modeldeploy.gui.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.testing.nemo.NemoModelsDouble;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusUpdateRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API client with a plain NeMo Platform (the models-service double) and with our server: what
 * each offers is found by trying it, NeMo's naive timestamps are UTC, its error shapes read as ours,
 * and a status change is a POST on both.
 */
class NemoCompatibilityTest {

    @Test
    void ourServerOffersEveryExtensionItsConsoleUses() {
        try (TestServer server = TestServer.start()) {
            server.create("caps", "probe", "cfg");
            HttpDeploymentApiClient client = new HttpDeploymentApiClient(server.baseUrl());

            assertEquals(ServerCapabilities.ALL, assertDoesNotThrowApi(client::capabilities));
        }
    }

    @Test
    void nemoOffersNoneOfThemAndIsAskedOnlyWhatItCanAnswer() {
        try (NemoModelsDouble nemo = NemoModelsDouble.start()) {
            nemo.createDeployment("default", "llama", "llama-nim");
            nemo.clearRequests();
            HttpDeploymentApiClient client = new HttpDeploymentApiClient(nemo.baseUri());

            assertEquals(ServerCapabilities.NONE, assertDoesNotThrowApi(client::capabilities));
            assertTrue(nemo.requests().stream().noneMatch(r -> r.startsWith("POST") || r.startsWith("DELETE")
                    || r.startsWith("PUT") || r.startsWith("PATCH")), "finding out changes nothing: " + nemo.requests());
        }
    }

    @Test
    void nemosTimestampsWithoutAnOffsetAreReadAsUtc() throws Exception {
        try (NemoModelsDouble nemo = NemoModelsDouble.start()) {
            nemo.createDeployment("default", "llama", "llama-nim");
            JsonNode raw = nemo.postStatus("default", "llama", "READY", "serving");
            HttpDeploymentApiClient client = new HttpDeploymentApiClient(nemo.baseUri());

            ModelDeployment read = client.getDeployment("default", "llama");

            String updatedAt = raw.get("updated_at").asText();
            assertTrue(updatedAt.matches(".*T\\d\\d:\\d\\d:\\d\\d\\.\\d{6}"), "naive, as NeMo sends it: " + updatedAt);
            assertEquals(LocalDateTime.parse(updatedAt).toInstant(ZoneOffset.UTC), read.updatedAt());
            assertEquals(LocalDateTime.parse(raw.get("created_at").asText()).toInstant(ZoneOffset.UTC),
                    read.createdAt());
            String newest = raw.get("status_history").get(1).get("timestamp").asText();
            assertEquals(Instant.parse(newest), read.statusHistory().get(1).timestamp());
            assertEquals(read.updatedAt(), read.statusHistory().get(1).timestamp(),
                    "the naive update time and the history's Z time are the same instant");
        }
    }

    @Test
    void aNemoBodyAsTheReferenceShowsItIsReadWithNaiveTimesAsUtc() throws Exception {
        String body = """
                {"id": "model-deployment-4xYk2Qm9sV1Lr7cP3bN8dT", "name": "llama-demo", "workspace": "default",
                 "created_at": "2026-07-01T10:00:00.000000", "updated_at": "2026-07-01T10:04:12.512000",
                 "entity_version": 1, "config": "llama-nim", "config_version": 3, "status": "READY",
                 "status_message": "", "status_history": [
                   {"timestamp": "2026-07-01T10:00:05.000000Z", "status": "CREATED", "status_message": "Deployment created"},
                   {"timestamp": "2026-07-01T10:04:12.500000Z", "status": "READY", "status_message": ""}],
                 "model_provider_id": "default/llama-demo"}""";

        ModelDeployment read = Json.mapper().readValue(body, ModelDeployment.class);

        assertEquals(Instant.parse("2026-07-01T10:00:00Z"), read.createdAt());
        assertEquals(Instant.parse("2026-07-01T10:04:12.512Z"), read.updatedAt());
        assertEquals(Instant.parse("2026-07-01T10:04:12.500Z"), read.statusHistory().get(1).timestamp());
    }

    @Test
    void nemosStringDetailIsTheMessageShownInline() {
        try (NemoModelsDouble nemo = NemoModelsDouble.start()) {
            HttpDeploymentApiClient client = new HttpDeploymentApiClient(nemo.baseUri());

            ApiException refused = assertThrows(ApiException.class, () -> client.createDeployment("default",
                    new CreateDeploymentRequest("llama", "no-such-config", null, null)));

            assertEquals(400, refused.status());
            assertEquals("Deployment config 'default/no-such-config' does not exist", refused.detail());
            assertEquals("Couldn't create: the server rejected the request. Deployment config "
                    + "'default/no-such-config' does not exist.", ErrorTexts.describe("Couldn't create", refused));
        }
    }

    @Test
    void nemosListOfPydanticErrorsNamesTheFieldInline() {
        try (NemoModelsDouble nemo = NemoModelsDouble.start()) {
            HttpDeploymentApiClient client = new HttpDeploymentApiClient(nemo.baseUri());

            ApiException refused = assertThrows(ApiException.class, () -> client.createDeployment("default",
                    new CreateDeploymentRequest("bad name!", "llama-nim", null, null)));

            assertEquals(422, refused.status());
            assertEquals(1, refused.validationErrors().size());
            assertEquals(List.of("body", "name"), refused.validationErrors().get(0).loc());
            assertEquals("string_pattern_mismatch", refused.validationErrors().get(0).type());
            String inline = ErrorTexts.describe("Couldn't create", refused);
            assertTrue(inline.startsWith("Couldn't create: the server found invalid input.") && inline.contains("name"),
                    inline);
        }
    }

    @Test
    void statusChangesArePostsOnOurServerTooAndStillRecordedAsFromTheConsole() throws Exception {
        try (TestServer server = TestServer.start()) {
            server.create("post", "target", "cfg");
            HttpDeploymentApiClient client = new HttpDeploymentApiClient(server.baseUrl());
            ModelDeployment before = client.getVersion("post", "target", 1);

            ModelDeployment after = client.updateStatus("post", "target", 1,
                    new StatusUpdateRequest(DeploymentStatus.READY, "by post", null), before.etag());

            assertEquals(DeploymentStatus.READY, after.status());
            JsonNode stored = server.get(TestServer.deployment("post", "target"));
            JsonNode history = stored.get("status_history");
            assertEquals("gui", history.get(history.size() - 1).get("source").asText());
            ApiException stale = assertThrows(ApiException.class, () -> client.updateStatus("post", "target", 1,
                    new StatusUpdateRequest(DeploymentStatus.ERROR, "stale", null), before.etag()));
            assertTrue(stale.isPreconditionFailed(), "our server still honours If-Match on POST");
        }
    }

    private interface ApiCall<T> {
        T call() throws ApiException;
    }

    private static <T> T assertDoesNotThrowApi(ApiCall<T> call) {
        try {
            return call.call();
        } catch (ApiException e) {
            throw new AssertionError(e);
        }
    }
}
