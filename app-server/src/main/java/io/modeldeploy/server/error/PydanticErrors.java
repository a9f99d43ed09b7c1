package io.modeldeploy.server.error;

import io.modeldeploy.model.FieldRule;
import io.modeldeploy.model.IntegerRule;
import io.modeldeploy.model.ValidationError;

import java.util.List;
import java.util.Map;

/**
 * The items of a 422 in FastAPI/pydantic's words ({@code type}, {@code msg}, {@code ctx}): the one
 * place that spells them, for the field rules' violations and for what the request reading finds.
 */
public final class PydanticErrors {

    private PydanticErrors() {
    }

    public static ValidationError missing(List<Object> loc, Object input) {
        return new ValidationError("missing", loc, "Field required", input, null);
    }

    public static ValidationError stringType(List<Object> loc, Object input) {
        return new ValidationError("string_type", loc, "Input should be a valid string", input, null);
    }

    public static ValidationError greaterOrEqual(List<Object> loc, Object input, long min) {
        return new ValidationError("greater_than_equal", loc, "Input should be greater than or equal to " + min, input,
                Map.of("ge", min));
    }

    public static ValidationError lessOrEqual(List<Object> loc, Object input, long max) {
        return new ValidationError("less_than_equal", loc, "Input should be less than or equal to " + max, input,
                Map.of("le", max));
    }

    /** A string field's violation of its rule, as pydantic words it. */
    public static ValidationError of(FieldRule rule, FieldRule.Violation violation, List<Object> loc, Object input) {
        return switch (violation.problem()) {
            case MISSING -> missing(loc, input);
            case TOO_LONG -> new ValidationError("string_too_long", loc,
                    "String should have at most " + rule.maxLength() + " characters", input,
                    Map.of("max_length", rule.maxLength()));
            case PATTERN_MISMATCH -> patternMismatch(loc, input, rule.regex());
            case EMPTY -> new ValidationError("string_too_short", loc, "String should have at least 1 character", input,
                    Map.of("min_length", 1));
            case RESERVED -> new ValidationError("value_error", loc,
                    "Value error, '" + rule.reservedValue() + "' is reserved", input, Map.of());
        };
    }

    /** A whole-number field's violation of its rule. */
    public static ValidationError of(IntegerRule.Violation violation, List<Object> loc, Object input) {
        return switch (violation.problem()) {
            case BELOW_MINIMUM -> greaterOrEqual(loc, input, violation.limit());
            case ABOVE_MAXIMUM -> lessOrEqual(loc, input, violation.limit());
        };
    }

    /**
     * The workspace of a path that creates one. NeMo has no rule for it; ours answers in one
     * sentence for every way it can be wrong (too long, other characters, or {@code -}).
     */
    public static ValidationError workspaceInPath(List<Object> loc, Object input) {
        return new ValidationError("string_pattern_mismatch", loc,
                "Workspace names use letters, digits, '_', '-' and '.' (at most " + FieldRule.WORKSPACE.maxLength()
                        + " characters); '-' alone means all workspaces and cannot hold deployments",
                input, Map.of("pattern", FieldRule.WORKSPACE.regex()));
    }

    private static ValidationError patternMismatch(List<Object> loc, Object input, String pattern) {
        return new ValidationError("string_pattern_mismatch", loc, "String should match pattern '" + pattern + "'", input,
                Map.of("pattern", pattern));
    }
}
