package io.modeldeploy.gui.errors;

import io.modeldeploy.gui.api.ApiException.Kind;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo.TokenSource;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentEventStream.ResyncReason;
import io.modeldeploy.model.ValidationError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's words for failures and connections; the inline messages (formerly ErrorMessages) first. */
class ErrorTextsTest {

    private static final URI SERVER = URI.create("http://10.0.0.5:8080");

    private static final String CONFLICT =
            "Deployment is marked for deletion (DELETING). Only transition to DELETED is allowed.";

    @Test
    void conflictShowsTheServersDetail() {
        String text = ErrorTexts.describe("Couldn't apply the change", new ApiException(409, CONFLICT, List.of()));
        assertEquals("Couldn't apply the change: the server refused the change. " + CONFLICT, text);
    }

    @Test
    void notFoundShowsTheServersDetail() {
        String text = ErrorTexts.describe(new ApiException(404, "Deployment 'default/x' not found", List.of()));
        assertEquals("not found on the server. Deployment 'default/x' not found.", text);
    }

    @Test
    void validationErrorsAreListedByField() {
        ApiException e = ApiException.validation(422, List.of(
                new ValidationError("string_too_long", List.of("body", "status_message"),
                        "String should have at most 1000 characters", "x", Map.of("max_length", 1000)),
                new ValidationError("string_pattern_mismatch", List.of("body", "model_provider_id"),
                        "String should match pattern", "bad", null)));
        String text = ErrorTexts.describe(e);
        assertEquals("the server found invalid input. status message: String should have at most 1000 characters; "
                + "model provider id: String should match pattern.", text);
    }

    @Test
    void connectionFailureSaysTheServerCantBeReached() {
        ApiException e = ApiException.connectionFailure("Connection refused by 127.0.0.1:8080",
                new ConnectException("Connection refused"));
        assertEquals("the server can't be reached. Connection refused by 127.0.0.1:8080.", ErrorTexts.describe(e));
    }

    @Test
    void serverFailuresNameTheStatus() {
        String text = ErrorTexts.describe(new ApiException(500, "Failed to update deployment status", List.of()));
        assertEquals("the server failed (HTTP 500). Failed to update deployment status.", text);
    }

    @Test
    void wrappedFailuresAreUnwrappedAndNothingLooksLikeAStackTrace() {
        ApiException api = new ApiException(409, CONFLICT, List.of());
        assertEquals(ErrorTexts.describe(api), ErrorTexts.describe(new CompletionException(api)));

        String unexpected = ErrorTexts.describe(new IllegalStateException("stream closed",
                new IOException("broken pipe")));
        assertEquals("an unexpected error occurred in the console (stream closed).", unexpected);
        for (String text : List.of(unexpected, ErrorTexts.describe(api),
                ErrorTexts.describe(new NullPointerException()))) {
            assertFalse(text.contains("Exception"), text);
            assertFalse(text.contains("\tat "), text);
            assertTrue(text.endsWith("."), text);
        }
    }

    // ------------------------------------------------------------------ message(): what the client used to say

    @Test
    void theServersOwnDetailIsShownAsIs() {
        assertEquals(CONFLICT, ErrorTexts.message(new ApiException(409, CONFLICT, List.of())));
    }

    @Test
    void withoutTheServersWordsEachStatusHasItsText() {
        assertEquals("The server rejected the request (400 Bad Request).", message(400));
        assertEquals("Not found (404).", message(404));
        assertEquals("The request conflicts with the current state (409).", message(409));
        assertEquals("The deployment changed on the server since you started editing it (412).", message(412));
        assertEquals("The request was rejected as invalid (422).", message(422));
        assertEquals("The server failed to handle the request (500).", message(500));
        assertEquals("The server failed to handle the request (502).", message(502));
        assertEquals("Unexpected answer from the server (418).", message(418));
    }

    private static String message(int status) {
        return ErrorTexts.message(new ApiException(status, null, List.of()));
    }

    @Test
    void accessDeniedSaysWhereToEnterATokenDependingOnWhetherOneWasSent() {
        assertEquals("The server needs a token: enter one in File \u25B8 Connect to server\u2026, or start the "
                + "console with --token TOKEN or MODELDEPLOY_TOKEN.",
                ErrorTexts.message(ApiException.accessDenied(401, false, null)));
        assertEquals("The server does not accept this console's token: enter another one in File \u25B8 Connect to "
                + "server\u2026, or start the console with another --token or MODELDEPLOY_TOKEN (server: Unknown or "
                + "revoked token).",
                ErrorTexts.message(ApiException.accessDenied(401, true, " Unknown or revoked token ")));
        assertEquals("This token may only read: to change deployments, enter an editor token in File \u25B8 Connect "
                + "to server\u2026 (server: Token 'dashboard' may only read).",
                ErrorTexts.message(ApiException.accessDenied(403, true, "Token 'dashboard' may only read")));
        assertEquals("the server refused access. This token may only read: to change deployments, enter an editor "
                + "token in File \u25B8 Connect to server\u2026.",
                ErrorTexts.describe(ApiException.accessDenied(403, true, null)));
    }

    @Test
    void failuresWithoutAnswerNameTheServer() {
        assertEquals("Cannot connect to the server at http://10.0.0.5:8080.", ErrorTexts.message(
                ApiException.noAnswer(Kind.CANNOT_CONNECT, SERVER, null, new ConnectException())));
        assertEquals("The server at http://10.0.0.5:8080 did not answer in time.", ErrorTexts.message(
                ApiException.noAnswer(Kind.TIMED_OUT, SERVER, null, null)));
        assertEquals("Lost the connection to http://10.0.0.5:8080: Connection reset", ErrorTexts.message(
                ApiException.noAnswer(Kind.CONNECTION_LOST, SERVER, "Connection reset", new IOException())));
        assertEquals("The request was interrupted.", ErrorTexts.message(
                ApiException.noAnswer(Kind.INTERRUPTED, SERVER, null, null)));
        assertEquals("The data directory is in use.", ErrorTexts.message(
                ApiException.connectionFailure("The data directory is in use.", null)));
        assertEquals("the server can't be reached. Cannot connect to the server at http://10.0.0.5:8080.",
                ErrorTexts.describe(ApiException.noAnswer(Kind.CANNOT_CONNECT, SERVER, null, null)));
    }

    @Test
    void anUnreadableAnswerSaysWhy() {
        assertEquals("The server's answer could not be read: Unexpected character ('<')", ErrorTexts.message(
                ApiException.unreadableAnswer(200, "Unexpected character ('<')", null)));
        assertEquals("The server sent an empty answer.", ErrorTexts.message(
                ApiException.unreadableAnswer(200, null, null)));
    }

    @Test
    void aConditionalUpdateThatLostSaysTheDeploymentChanged() {
        ApiException e = ApiException.preconditionFailed(null);
        assertEquals(Kind.PRECONDITION_FAILED, e.kind());
        assertEquals("The deployment changed on the server since you started editing it.", ErrorTexts.message(e));
        assertEquals("someone else changed it first. The deployment changed on the server since you started "
                + "editing it.", ErrorTexts.describe(e));
    }

    @Test
    void validationProblemsAreListedWithTheirWireNames() {
        ApiException e = ApiException.validation(422, List.of(
                new ValidationError("missing", List.of("body", "status"), "Field required", null, null),
                new ValidationError("x", List.of(), "Bad", null, null),
                new ValidationError("y", List.of("body", "model_provider_id"), null, null, null)));
        assertEquals("status: Field required; Bad; model_provider_id: invalid value", ErrorTexts.message(e));
    }

    // ------------------------------------------------------------------ alert()

    @Test
    void anAlertAddsWhatToDo() {
        assertEquals("Cannot connect to the server at http://10.0.0.5:8080.\nCheck that the server is running, then "
                + "try again.", ErrorTexts.alert(ApiException.noAnswer(Kind.CANNOT_CONNECT, SERVER, null, null)));
        assertEquals("Deployment 'a/b' not found\nIt may have been deleted in the meantime; refresh the list (F5).",
                ErrorTexts.alert(new ApiException(404, "Deployment 'a/b' not found", List.of())));
        assertEquals(CONFLICT, ErrorTexts.alert(new ApiException(409, CONFLICT, List.of())));
    }

    // ------------------------------------------------------------------ the stream and the connection

    @Test
    void eachResyncReasonHasItsWords() {
        assertEquals("an event could not be read", ErrorTexts.resync(ResyncReason.UNREADABLE_EVENT));
        assertEquals("changes were missed for longer than the server keeps them",
                ErrorTexts.resync(ResyncReason.EVENTS_EXPIRED));
        assertEquals("the server's change log starts over", ErrorTexts.resync(ResyncReason.LOG_RESTARTED));
    }

    @Test
    void theServerIsLocalOrNamedByItsUrl() {
        assertEquals("Local server http://127.0.0.1:8080",
                ErrorTexts.server(ConnectionInfo.embedded(URI.create("http://127.0.0.1:8080"), Path.of("/d"))));
        assertEquals("Server http://10.0.0.5:8080", ErrorTexts.server(ConnectionInfo.remote(SERVER)));
    }

    @Test
    void eachTokenSourceIsOneSentence() {
        Path file = Path.of("/d/local-token");
        assertEquals("This console sends no token.", ErrorTexts.tokenSource(ConnectionInfo.remote(SERVER)));
        assertEquals("This console uses the local editor token of its data directory.", ErrorTexts.tokenSource(
                ConnectionInfo.embedded(SERVER, Path.of("/d"), "secret", file)));
        assertEquals("This console uses the local editor token of your default data directory.",
                ErrorTexts.tokenSource(ConnectionInfo.remote(SERVER, "secret", TokenSource.LOCAL_TOKEN_FILE, file)));
        assertEquals("This console uses the token given with --token.",
                ErrorTexts.tokenSource(ConnectionInfo.remote(SERVER, "secret", TokenSource.OPTION, null)));
        assertEquals("This console uses the token in MODELDEPLOY_TOKEN.",
                ErrorTexts.tokenSource(ConnectionInfo.remote(SERVER, "secret", TokenSource.ENVIRONMENT, null)));
        assertEquals("This console uses the token entered in File \u25B8 Connect to server\u2026.",
                ErrorTexts.tokenSource(ConnectionInfo.remote(SERVER, "secret", TokenSource.ENTERED, null)));
    }
}
