package io.modeldeploy.server.error;

import io.micronaut.http.HttpStatus;

/** A client mistake or a state conflict, answered as {@code {"detail": "..."}} with its status. */
public final class HttpErrorException extends RuntimeException {
    private final HttpStatus status;
    private final Integer retryAfterSeconds;

    public HttpErrorException(HttpStatus status, String detail) {
        this(status, detail, null);
    }

    private HttpErrorException(HttpStatus status, String detail, Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    /** The Retry-After the answer carries, in seconds; null for none. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
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

    /** A 429: too many of something at once; the client may try again after {@code retryAfterSeconds}. */
    public static HttpErrorException tooManyRequests(String detail, int retryAfterSeconds) {
        return new HttpErrorException(HttpStatus.TOO_MANY_REQUESTS, detail, retryAfterSeconds);
    }

    /** A 503 that tells the client when to try again. */
    public static HttpErrorException serviceUnavailable(String detail, int retryAfterSeconds) {
        return new HttpErrorException(HttpStatus.SERVICE_UNAVAILABLE, detail, retryAfterSeconds);
    }
}
