package io.modeldeploy.server.error;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.modeldeploy.model.ErrorBody;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The database cannot be reached (down, restarting, failing over, or every connection busy for
 * longer than the pool waits): a 503 with Retry-After, so that clients and load balancers retry
 * rather than report a bug. Nothing was changed.
 */
@Produces
@Singleton
public class DatabaseUnavailableHandler
        implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<ErrorBody>> {
    static final String DETAIL = "The database is not available at the moment - please retry.";
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, CannotGetJdbcConnectionException exception) {
        return unavailable(request, exception);
    }

    static HttpResponse<ErrorBody> unavailable(HttpRequest<?> request, Throwable exception) {
        LOG.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getPath(), rootMessage(exception));
        return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpErrorExceptionHandler.SHOULD_RETRY_HEADER, "true")
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(new ErrorBody(DETAIL));
    }

    /**
     * A connection that could not be had, set up or was lost (SQLState class 08: connection
     * exception; Micronaut's ConnectionException: a pooled connection found closed).
     */
    static boolean isUnavailable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof ConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
