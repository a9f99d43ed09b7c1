package io.modeldeploy.server.error;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.modeldeploy.model.ErrorBody;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Errors the framework answers itself (no such route, wrong method or content type, body too
 * large, a missing or unconvertible parameter) in the API's own shape: {@code {"detail": "..."}}.
 */
@Singleton
public class DetailErrorResponseProcessor implements ErrorResponseProcessor<ErrorBody> {

    @Override
    public MutableHttpResponse<ErrorBody> processResponse(ErrorContext errorContext, MutableHttpResponse<?> response) {
        String detail = errorContext.getErrors().stream()
                .map(Error::getMessage)
                .collect(Collectors.joining("; "));
        if (detail.isBlank()) {
            detail = response.reason();
        }
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(new ErrorBody(detail));
    }
}
