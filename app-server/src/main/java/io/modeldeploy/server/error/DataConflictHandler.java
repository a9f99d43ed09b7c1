package io.modeldeploy.server.error;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.modeldeploy.model.ErrorBody;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.Set;

/**
 * A write that lost a race on a unique key (two creates of one name at the same moment), or that
 * the database gave up on to resolve a conflict with a concurrent transaction (PostgreSQL's
 * deadlock and serialization failures, a row lock waited for too long), is a 409 the caller may
 * simply retry (hence
 * {@code x-should-retry: true}). A lost database connection is a 503 (see
 * {@link DatabaseUnavailableHandler}). Any other database failure is ours, a 500 without internals.
 */
@Produces
@Singleton
public class DataConflictHandler implements ExceptionHandler<DataAccessException, HttpResponse<ErrorBody>> {
    private static final Logger LOG = LoggerFactory.getLogger(DataConflictHandler.class);
    private static final Set<String> RETRYABLE_STATES = Set.of(
            "23505", // unique violation
            "40001", // serialization failure
            "40P01", // deadlock detected
            "55P03", // PostgreSQL: lock not available
            "HYT00"); // H2: lock wait timed out

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, DataAccessException exception) {
        if (isRetryable(exception)) {
            return HttpResponse.<ErrorBody>status(HttpStatus.CONFLICT)
                    .header(HttpErrorExceptionHandler.SHOULD_RETRY_HEADER, "true")
                    .body(new ErrorBody("Concurrent modification - please retry."));
        }
        if (DatabaseUnavailableHandler.isUnavailable(exception)) {
            return DatabaseUnavailableHandler.unavailable(request, exception);
        }
        LOG.error("Database failure on {} {}", request.getMethod(), request.getPath(), exception);
        return HttpResponse.<ErrorBody>status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ErrorBody(UnexpectedErrorHandler.DETAIL));
    }

    private static boolean isRetryable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && RETRYABLE_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
