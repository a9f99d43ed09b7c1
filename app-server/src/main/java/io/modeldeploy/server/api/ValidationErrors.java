package io.modeldeploy.server.api;

import io.modeldeploy.model.ValidationError;
import io.modeldeploy.server.error.RequestValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects FastAPI-shaped validation problems so that one answer lists all of them. */
final class ValidationErrors {
    private final List<ValidationError> errors = new ArrayList<>();

    void add(String type, List<Object> loc, String msg, Object input, Map<String, Object> ctx) {
        errors.add(new ValidationError(type, loc, msg, input, ctx));
    }

    void missing(List<Object> loc, Object input) {
        add("missing", loc, "Field required", input, null);
    }

    void stringType(List<Object> loc, Object input) {
        add("string_type", loc, "Input should be a valid string", input, null);
    }

    void tooLong(List<Object> loc, Object input, int max) {
        add("string_too_long", loc, "String should have at most " + max + " characters", input,
                Map.of("max_length", max));
    }

    void tooShort(List<Object> loc, Object input) {
        add("string_too_short", loc, "String should have at least 1 character", input, Map.of("min_length", 1));
    }

    void patternMismatch(List<Object> loc, Object input, String pattern) {
        add("string_pattern_mismatch", loc, "String should match pattern '" + pattern + "'", input,
                Map.of("pattern", pattern));
    }

    void greaterOrEqual(List<Object> loc, Object input, long min) {
        add("greater_than_equal", loc, "Input should be greater than or equal to " + min, input, Map.of("ge", min));
    }

    void lessOrEqual(List<Object> loc, Object input, long max) {
        add("less_than_equal", loc, "Input should be less than or equal to " + max, input, Map.of("le", max));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
    }
}
