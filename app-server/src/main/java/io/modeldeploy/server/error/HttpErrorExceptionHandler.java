package io.modeldeploy.server.error;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.modeldeploy.model.ErrorBody;
import jakarta.inject.Singleton;

@Produces
@Singleton
public class HttpErrorExceptionHandler implements ExceptionHandler<HttpErrorException, HttpResponse<ErrorBody>> {

    /** Like NeMo's platform server: generated SDKs must not retry a 409 by themselves. */
    static final String SHOULD_RETRY_HEADER = "x-should-retry";

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, HttpErrorException exception) {
        MutableHttpResponse<ErrorBody> response = HttpResponse.status(exception.status())
                .body(new ErrorBody(exception.detail()));
        if (exception.status() == HttpStatus.CONFLICT) {
            response.header(SHOULD_RETRY_HEADER, "false");
        }
        if (exception.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, exception.retryAfterSeconds().toString());
        }
        return response;
    }
}
