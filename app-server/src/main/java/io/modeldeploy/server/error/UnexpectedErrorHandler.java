package io.modeldeploy.server.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.modeldeploy.model.ErrorBody;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our own bugs: logged in full, answered without a stack trace. A lost database connection can
 * surface as any exception wrapping it; that one is a 503, not a bug.
 */
@Produces
@Singleton
public class UnexpectedErrorHandler implements ExceptionHandler<RuntimeException, HttpResponse<ErrorBody>> {
    static final String DETAIL = "An unexpected error occurred.";
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, RuntimeException exception) {
        if (DatabaseUnavailableHandler.isUnavailable(exception)) {
            return DatabaseUnavailableHandler.unavailable(request, exception);
        }
        LOG.error("Unexpected failure on {} {}", request.getMethod(), request.getPath(), exception);
        return HttpResponse.<ErrorBody>status(HttpStatus.INTERNAL_SERVER_ERROR).body(new ErrorBody(DETAIL));
    }
}
