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

/**
 * A write that lost a race on a unique key (two creates of one name at the same moment) is a
 * 409 the caller may simply retry (hence {@code x-should-retry: true}); any other database failure is ours, a 500 without internals.
 */
@Produces
@Singleton
public class DataConflictHandler implements ExceptionHandler<DataAccessException, HttpResponse<ErrorBody>> {
    private static final Logger LOG = LoggerFactory.getLogger(DataConflictHandler.class);
    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, DataAccessException exception) {
        if (isUniqueViolation(exception)) {
            return HttpResponse.<ErrorBody>status(HttpStatus.CONFLICT)
                    .header(ApiExceptionHandler.SHOULD_RETRY_HEADER, "true")
                    .body(new ErrorBody("Concurrent modification - please retry."));
        }
        LOG.error("Database failure on {} {}", request.getMethod(), request.getPath(), exception);
        return HttpResponse.<ErrorBody>status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ErrorBody(UnexpectedErrorHandler.DETAIL));
    }

    private static boolean isUniqueViolation(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
