package io.modeldeploy.server.error;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.modeldeploy.model.ErrorBody;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Errors the framework answers itself (no such route, wrong method, body too large, a request
 * line or header too long, a missing or unconvertible parameter) in the API's own shape:
 * {@code {"detail": "..."}}.
 */
@Singleton
public class DetailErrorResponseProcessor implements ErrorResponseProcessor<ErrorBody> {
    private final int maxRequestLine;

    public DetailErrorResponseProcessor(
            @Value("${micronaut.server.netty.max-initial-line-length:4096}") int maxRequestLine) {
        this.maxRequestLine = maxRequestLine;
    }

    @Override
    public MutableHttpResponse<ErrorBody> processResponse(ErrorContext errorContext, MutableHttpResponse<?> response) {
        Throwable decodingFailure = errorContext.getRequest() instanceof NettyHttpRequest<?> netty
                ? netty.getNativeRequest().decoderResult().cause() : null;
        if (decodingFailure instanceof TooLongHttpLineException) {
            // the framework calls every part of a request too long to read 413, the body's status
            return response.status(HttpStatus.REQUEST_URI_TOO_LONG).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ErrorBody("The request line (method, path and query) is longer than " + maxRequestLine
                            + " bytes; send fewer or shorter query values (a long $in list in several requests)"));
        }
        if (decodingFailure instanceof TooLongHttpHeaderException) {
            return response.status(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE)
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ErrorBody("The request headers are too large"));
        }
        String detail = errorContext.getErrors().stream()
                .map(Error::getMessage)
                .collect(Collectors.joining("; "));
        if (detail.isBlank()) {
            detail = response.reason();
        }
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(new ErrorBody(detail));
    }
}
