package io.modeldeploy.server.error;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.modeldeploy.model.ErrorBody;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which database failures a caller may retry (409) and which are ours (500). */
class DataConflictHandlerTest {

    private final DataConflictHandler handler = new DataConflictHandler();

    private HttpResponse<ErrorBody> answerTo(String sqlState) {
        return handler.handle(HttpRequest.PATCH("/apis/models/v2/workspaces/w/deployments/d/status", ""),
                new DataAccessException("failed", new SQLException("failed", sqlState)));
    }

    @Test
    void aRowLockWaitedForTooLongIsARetryableConflict() {
        for (String state : new String[] {"HYT00", "55P03", "40P01", "40001", "23505"}) {
            HttpResponse<ErrorBody> answer = answerTo(state);
            assertEquals(HttpStatus.CONFLICT, answer.getStatus(), state);
            assertEquals("true", answer.getHeaders().get(HttpErrorExceptionHandler.SHOULD_RETRY_HEADER), state);
        }
    }

    @Test
    void anyOtherDatabaseFailureIsOurs() {
        assertEquals(HttpStatus.INTERNAL_SERVER_ERROR, answerTo("42P01").getStatus());
    }
}
