package io.modeldeploy.gui.api;

import io.modeldeploy.model.ValidationError;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request to the ModelDeploy server failed: either the server answered with an error status
 * ({@link #status()} is the HTTP status) or it could not be reached at all ({@link #status()} is 0).
 * {@link #getMessage()} is the human-readable {@link #detail()}.
 */
public class ApiException extends Exception {

    private final int status;
    private final String detail;
    private final List<ValidationError> validationErrors;

    public ApiException(int status, String detail, List<ValidationError> validationErrors) {
        this(status, detail, validationErrors, null);
    }

    public ApiException(int status, String detail, List<ValidationError> validationErrors, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.detail = detail;
        this.validationErrors = validationErrors == null ? List.of() : List.copyOf(validationErrors);
    }

    /** A failure to talk to the server at all (refused connection, timeout, broken stream). */
    public static ApiException connectionFailure(String detail, Throwable cause) {
        return new ApiException(0, detail, List.of(), cause);
    }

    /** A 422 answer with FastAPI-style validation errors; the detail lists them as "field: msg". */
    public static ApiException validation(int status, List<ValidationError> errors) {
        return new ApiException(status, describe(errors), errors);
    }

    /** The HTTP status of the answer, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** What went wrong, ready to show to a user. */
    public String detail() {
        return detail;
    }

    /** The individual problems of a 422 answer; empty for every other failure. */
    public List<ValidationError> validationErrors() {
        return validationErrors;
    }

    public boolean isConnectionFailure() {
        return status == 0;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isConflict() {
        return status == 409;
    }

    /** The field a validation error is about: the last element of its {@code loc}, or "" when it has none. */
    public static String fieldOf(ValidationError error) {
        List<Object> loc = error.loc();
        if (loc == null || loc.isEmpty()) {
            return "";
        }
        Object last = loc.get(loc.size() - 1);
        return last == null ? "" : String.valueOf(last);
    }

    static String describe(List<ValidationError> errors) {
        if (errors == null || errors.isEmpty()) {
            return "The request was rejected as invalid.";
        }
        return errors.stream()
                .map(e -> {
                    String field = fieldOf(e);
                    String msg = e.msg() == null ? "invalid value" : e.msg();
                    return field.isEmpty() ? msg : field + ": " + msg;
                })
                .collect(Collectors.joining("; "));
    }
}
