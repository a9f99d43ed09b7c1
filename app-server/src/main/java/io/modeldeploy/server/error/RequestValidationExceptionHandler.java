package io.modeldeploy.server.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.modeldeploy.model.ValidationErrorBody;
import jakarta.inject.Singleton;

@Produces
@Singleton
public class RequestValidationExceptionHandler
        implements ExceptionHandler<RequestValidationException, HttpResponse<ValidationErrorBody>> {

    @Override
    public HttpResponse<ValidationErrorBody> handle(HttpRequest request, RequestValidationException exception) {
        return HttpResponse.<ValidationErrorBody>status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ValidationErrorBody(exception.errors()));
    }
}
