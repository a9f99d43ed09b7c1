package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.model.ValidationError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorMessagesTest {

    private static final String CONFLICT =
            "Deployment is marked for deletion (DELETING). Only transition to DELETED is allowed.";

    @Test
    void conflictShowsTheServersDetail() {
        String text = ErrorMessages.describe("Couldn't apply the change", new ApiException(409, CONFLICT, List.of()));
        assertEquals("Couldn't apply the change: the server refused the change. " + CONFLICT, text);
    }

    @Test
    void notFoundShowsTheServersDetail() {
        String text = ErrorMessages.describe(new ApiException(404, "Deployment 'default/x' not found", List.of()));
        assertEquals("not found on the server. Deployment 'default/x' not found.", text);
    }

    @Test
    void validationErrorsAreListedByField() {
        ApiException e = ApiException.validation(422, List.of(
                new ValidationError("string_too_long", List.of("body", "status_message"),
                        "String should have at most 1000 characters", "x", Map.of("max_length", 1000)),
                new ValidationError("string_pattern_mismatch", List.of("body", "model_provider_id"),
                        "String should match pattern", "bad", null)));
        String text = ErrorMessages.describe(e);
        assertEquals("the server found invalid input. status message: String should have at most 1000 characters; "
                + "model provider id: String should match pattern.", text);
    }

    @Test
    void connectionFailureSaysTheServerCantBeReached() {
        ApiException e = ApiException.connectionFailure("Connection refused by 127.0.0.1:8080",
                new ConnectException("Connection refused"));
        assertEquals("the server can't be reached. Connection refused by 127.0.0.1:8080.", ErrorMessages.describe(e));
    }

    @Test
    void serverFailuresNameTheStatus() {
        String text = ErrorMessages.describe(new ApiException(500, "Failed to update deployment status", List.of()));
        assertEquals("the server failed (HTTP 500). Failed to update deployment status.", text);
    }

    @Test
    void wrappedFailuresAreUnwrappedAndNothingLooksLikeAStackTrace() {
        ApiException api = new ApiException(409, CONFLICT, List.of());
        assertEquals(ErrorMessages.describe(api), ErrorMessages.describe(new CompletionException(api)));

        String unexpected = ErrorMessages.describe(new IllegalStateException("stream closed",
                new IOException("broken pipe")));
        assertEquals("an unexpected error occurred in the console (stream closed).", unexpected);
        for (String text : List.of(unexpected, ErrorMessages.describe(api),
                ErrorMessages.describe(new NullPointerException()))) {
            assertFalse(text.contains("Exception"), text);
            assertFalse(text.contains("\tat "), text);
            assertTrue(text.endsWith("."), text);
        }
    }
}
