package io.modeldeploy.gui.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How answers are read: error bodies of every shape, timestamps with and without offset. */
class ErrorAndJsonParsingTest {

    private final ServerEndpoint endpoint = new ServerEndpoint(URI.create("http://127.0.0.1:9"), null);
    private final ObjectMapper json = Json.mapper();

    @Test
    void stringDetailIsTakenAsIs() {
        ApiException e = endpoint.errorFrom(409, "{\"detail\":\"Deployment is marked for deletion (DELETING).\"}");
        assertEquals(409, e.status());
        assertEquals("Deployment is marked for deletion (DELETING).", e.detail());
        assertTrue(e.validationErrors().isEmpty());
    }

    @Test
    void validationListBecomesFieldColonMessageJoinedBySemicolons() {
        ApiException e = endpoint.errorFrom(422, """
                {"detail":[
                  {"type":"string_too_long","loc":["body","status_message"],"msg":"String should have at most 1000 characters","input":"x","ctx":{"max_length":1000}},
                  {"type":"missing","loc":["body","status"],"msg":"Field required","input":{}}
                ]}""");
        assertEquals(422, e.status());
        assertEquals(2, e.validationErrors().size());
        assertEquals("status_message: String should have at most 1000 characters; status: Field required",
                ErrorTexts.message(e));
        assertEquals("ERROR_STATUS 422 [status_message, status]", e.getMessage());
    }

    @Test
    void aRefusedStatusBatchNamesItsFailingTarget() {
        ApiException e = endpoint.errorFrom(409, "{\"detail\":\"Deployment is marked for deletion (DELETING).\","
                + "\"target\":3}");
        assertEquals(409, e.status());
        assertEquals("Deployment is marked for deletion (DELETING).", e.detail());
        assertEquals(3, e.batchTarget().orElseThrow());
        assertTrue(endpoint.errorFrom(412, "{\"detail\":\"changed\",\"target\":0}").isPreconditionFailed());
        assertTrue(endpoint.errorFrom(409, "{\"detail\":\"said so\"}").batchTarget().isEmpty(),
                "a single update's error names no target");
    }

    @Test
    void validationErrorWithoutLocationIsJustTheMessage() {
        ApiException e = endpoint.errorFrom(422, "{\"detail\":[{\"type\":\"x\",\"loc\":[],\"msg\":\"Bad\"}]}");
        assertEquals("Bad", ErrorTexts.message(e));
    }

    @Test
    void bodyThatIsNotJsonGivesAGenericExplanation() {
        ApiException e = endpoint.errorFrom(502, "<html>Bad gateway</html>");
        assertEquals(502, e.status());
        assertNull(e.detail(), "nothing the server said");
        assertTrue(ErrorTexts.message(e).contains("502"), ErrorTexts.message(e));
        ApiException empty = endpoint.errorFrom(404, "");
        assertTrue(empty.isNotFound());
        assertFalse(ErrorTexts.message(empty).isBlank());
    }

    @Test
    void eachErrorStatusBecomesAKindWithTheServersOwnWords() {
        String said = "{\"detail\":\"said so\"}";
        for (int status : new int[] {400, 404, 409, 412, 422, 500, 503}) {
            ApiException e = endpoint.errorFrom(status, said);
            assertEquals(ApiException.Kind.ERROR_STATUS, e.kind(), "HTTP " + status);
            assertEquals(status, e.status());
            assertEquals("said so", e.detail());
            assertFalse(e.isConnectionFailure());
        }
        for (int status : new int[] {401, 403}) {
            ApiException anonymous = endpoint.errorFrom(status, said);
            assertEquals(ApiException.Kind.ACCESS_DENIED, anonymous.kind(), "HTTP " + status);
            assertEquals("said so", anonymous.detail());
            assertFalse(anonymous.tokenSent());
            ApiException withToken = new ServerEndpoint(URI.create("http://127.0.0.1:9"), "t").errorFrom(status, "");
            assertTrue(withToken.tokenSent());
            assertNull(withToken.detail());
        }
        assertEquals("{\"code\":7}", endpoint.errorFrom(500, "{\"detail\":{\"code\":7}}").detail(),
                "a detail that is no text is passed on as JSON");
    }

    @Test
    void failuresWithoutAnswerBecomeKindsThatNameTheServer() {
        URI server = URI.create("http://127.0.0.1:9");
        ApiException refused = endpoint.failureOf(new java.net.ConnectException("Connection refused"));
        assertEquals(ApiException.Kind.CANNOT_CONNECT, refused.kind());
        assertEquals(server, refused.server().orElseThrow());
        assertEquals(0, refused.status());
        assertTrue(refused.isConnectionFailure());
        assertEquals(ApiException.Kind.TIMED_OUT,
                endpoint.failureOf(new java.net.http.HttpConnectTimeoutException("slow")).kind());
        ApiException lost = endpoint.failureOf(new java.io.IOException("Connection reset"));
        assertEquals(ApiException.Kind.CONNECTION_LOST, lost.kind());
        assertEquals("Connection reset", lost.detail());
        ApiException interrupted = endpoint.interrupted(new InterruptedException());
        assertEquals(ApiException.Kind.INTERRUPTED, interrupted.kind());
        assertTrue(Thread.interrupted(), "the interrupt flag stays set (and is cleared here)");
    }

    @Test
    void timestampsWithoutOffsetAreReadAsUtc() throws Exception {
        ModelDeployment d = json.readValue("""
                {"id":"x","name":"n","workspace":"w","created_at":"2026-07-01T10:00:00.123456",
                 "updated_at":"2026-07-01T12:00:00+02:00","entity_version":1,"config":"c","config_version":1,
                 "status":"READY","status_message":"","status_history":[],"brand_new_field":42}""",
                ModelDeployment.class);
        assertEquals(Instant.parse("2026-07-01T10:00:00.123456Z"), d.createdAt());
        assertEquals(Instant.parse("2026-07-01T10:00:00Z"), d.updatedAt());
    }

    @Test
    void unknownEnumValuesDoNotBreakReading() throws Exception {
        StatusHistoryEntry entry = json.readValue(
                "{\"timestamp\":\"2026-07-01T10:00:00Z\",\"status\":\"HIBERNATING\",\"status_message\":\"\","
                        + "\"source\":\"robot\"}", StatusHistoryEntry.class);
        assertNull(entry.status());
        assertNull(entry.source());
        StatusHistoryEntry gui = json.readValue(
                "{\"timestamp\":\"2026-07-01T10:00:00Z\",\"status\":\"READY\",\"source\":\"gui\"}",
                StatusHistoryEntry.class);
        assertEquals(ChangeSource.GUI, gui.source());
        assertEquals(DeploymentStatus.READY, gui.status());
    }

    @Test
    void requestsAreWrittenInSnakeCaseWithoutNulls() throws Exception {
        String body = json.writeValueAsString(new CreateDeploymentRequest("n", "c", null, null));
        assertEquals("{\"name\":\"n\",\"config\":\"c\"}", body);
        String instant = json.writeValueAsString(Instant.parse("2026-07-01T10:00:00Z"));
        assertEquals("\"2026-07-01T10:00:00Z\"", instant);
    }
}
