package io.modeldeploy.server.error;

import io.modeldeploy.model.ValidationError;

import java.util.List;

/** The request was understood but its values are invalid: a 422 listing every problem. */
public final class RequestValidationException extends RuntimeException {
    private final List<ValidationError> errors;

    public RequestValidationException(List<ValidationError> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.get(0).msg(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public RequestValidationException(ValidationError error) {
        this(List.of(error));
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
