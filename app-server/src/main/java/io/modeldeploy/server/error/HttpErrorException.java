package io.modeldeploy.server.error;

import io.micronaut.http.HttpStatus;

/** A client mistake or a state conflict, answered as {@code {"detail": "..."}} with its status. */
public final class HttpErrorException extends RuntimeException {
    private final HttpStatus status;

    public HttpErrorException(HttpStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    public static HttpErrorException notFound(String detail) {
        return new HttpErrorException(HttpStatus.NOT_FOUND, detail);
    }

    public static HttpErrorException conflict(String detail) {
        return new HttpErrorException(HttpStatus.CONFLICT, detail);
    }

    public static HttpErrorException badRequest(String detail) {
        return new HttpErrorException(HttpStatus.BAD_REQUEST, detail);
    }

    public static HttpErrorException serviceUnavailable(String detail) {
        return new HttpErrorException(HttpStatus.SERVICE_UNAVAILABLE, detail);
    }
}
