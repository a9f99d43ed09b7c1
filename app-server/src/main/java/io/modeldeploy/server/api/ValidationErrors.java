package io.modeldeploy.server.api;

import io.modeldeploy.model.ValidationError;
import io.modeldeploy.server.error.PydanticErrors;
import io.modeldeploy.server.error.RequestValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects FastAPI-shaped validation problems so that one answer lists all of them. */
final class ValidationErrors {
    private final List<ValidationError> errors = new ArrayList<>();

    void add(ValidationError error) {
        errors.add(error);
    }

    void add(String type, List<Object> loc, String msg, Object input, Map<String, Object> ctx) {
        add(new ValidationError(type, loc, msg, input, ctx));
    }

    void missing(List<Object> loc, Object input) {
        add(PydanticErrors.missing(loc, input));
    }

    void stringType(List<Object> loc, Object input) {
        add(PydanticErrors.stringType(loc, input));
    }

    void greaterOrEqual(List<Object> loc, Object input, long min) {
        add(PydanticErrors.greaterOrEqual(loc, input, min));
    }

    void lessOrEqual(List<Object> loc, Object input, long max) {
        add(PydanticErrors.lessOrEqual(loc, input, max));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<ValidationError> list() {
        return List.copyOf(errors);
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
    }
}
