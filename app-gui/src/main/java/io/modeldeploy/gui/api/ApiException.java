package io.modeldeploy.gui.api;

import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.ValidationError;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A request to the ModelDeploy server failed: either the server answered with an error status
 * ({@link #status()} is the HTTP status) or it could not be reached at all ({@link #status()} is 0).
 * {@link #getMessage()} is the human-readable {@link #detail()}.
 */
public class ApiException extends Exception {

    /** HTTP 412: an {@code If-Match} did not match the current state. */
    public static final int PRECONDITION_FAILED = 412;

    private final int status;
    private final String detail;
    private final List<ValidationError> validationErrors;
    private final transient ModelDeployment currentDeployment;

    public ApiException(int status, String detail, List<ValidationError> validationErrors) {
        this(status, detail, validationErrors, null);
    }

    public ApiException(int status, String detail, List<ValidationError> validationErrors, Throwable cause) {
        this(status, detail, validationErrors, cause, null);
    }

    private ApiException(int status, String detail, List<ValidationError> validationErrors, Throwable cause,
                         ModelDeployment currentDeployment) {
        super(detail, cause);
        this.status = status;
        this.detail = detail;
        this.validationErrors = validationErrors == null ? List.of() : List.copyOf(validationErrors);
        this.currentDeployment = currentDeployment;
    }

    /**
     * A 412 answer to a conditional update: the version changed since the state the request was
     * based on. {@code current} is the version as the server now has it (the answer's body), or
     * null when the body could not be read.
     */
    public static ApiException preconditionFailed(ModelDeployment current) {
        return new ApiException(PRECONDITION_FAILED,
                "The deployment changed on the server since you started editing it.", List.of(), null, current);
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

    /** True for a 412: a conditional update was based on a state the version no longer has. */
    public boolean isPreconditionFailed() {
        return status == PRECONDITION_FAILED;
    }

    /** For a 412: the version as the server has it now, if the answer carried it. Empty otherwise. */
    public Optional<ModelDeployment> currentDeployment() {
        return Optional.ofNullable(currentDeployment);
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
