package io.modeldeploy.server.error;

import io.modeldeploy.model.FieldRule;
import io.modeldeploy.model.IntegerRule;
import io.modeldeploy.model.ValidationError;

import java.util.LinkedHashMap;
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

    public static ValidationError listType(List<Object> loc, Object input) {
        return new ValidationError("list_type", loc, "Input should be a valid list", input, null);
    }

    /** A list with fewer than {@code min} items ({@code actual} of them). */
    public static ValidationError listTooShort(List<Object> loc, Object input, int min, int actual) {
        return new ValidationError("too_short", loc, "List should have at least " + min + " item"
                + (min == 1 ? "" : "s") + " after validation, not " + actual, input,
                listLengthContext("min_length", min, actual));
    }

    /** A list with more than {@code max} items ({@code actual} of them). */
    public static ValidationError listTooLong(List<Object> loc, Object input, int max, int actual) {
        return new ValidationError("too_long", loc, "List should have at most " + max + " items after validation, not "
                + actual, input, listLengthContext("max_length", max, actual));
    }

    /** {@code {"field_type", limit, "actual_length"}} in this order, in every JVM. */
    private static Map<String, Object> listLengthContext(String limitName, int limit, int actual) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("field_type", "List");
        ctx.put(limitName, limit);
        ctx.put("actual_length", actual);
        return ctx;
    }

    /** A list item that should be an object of the given model (a status batch target). */
    public static ValidationError modelType(List<Object> loc, Object input, String className) {
        return new ValidationError("model_type", loc, "Input should be a valid dictionary or instance of " + className,
                input, Map.of("class_name", className));
    }

    /** A status batch target that names the same deployment version as an earlier one. */
    public static ValidationError duplicateTarget(List<Object> loc, Object input, int earlierTarget) {
        return new ValidationError("value_error", loc, "Value error, the same deployment version as target "
                + earlierTarget + "; a batch changes each version once", input, Map.of());
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
            case DOT_SEGMENT -> dotSegment(loc, input);
            case NUL_CHARACTER -> nulCharacter(loc, input);
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
     * sentence for every way it can be wrong (too long, other characters, {@code -}, {@code .} or {@code ..}).
     */
    public static ValidationError workspaceInPath(List<Object> loc, Object input) {
        return new ValidationError("string_pattern_mismatch", loc,
                "Workspace names use letters, digits, '_', '-' and '.' (at most " + FieldRule.WORKSPACE.maxLength()
                        + " characters); '-' alone means all workspaces and cannot hold deployments; '.' and '..' are "
                        + "removed from paths by HTTP clients and cannot be names",
                input, Map.of("pattern", FieldRule.WORKSPACE.regex()));
    }

    /** {@code .} or {@code ..} as a name: a path segment every HTTP client removes. */
    public static ValidationError dotSegment(List<Object> loc, Object input) {
        return new ValidationError("value_error", loc, "Value error, '" + input + "' cannot be a name: HTTP clients "
                + "remove '.' and '..' from paths, so it could never be reached", input, Map.of());
    }

    /** Text holding U+0000, which no stored text can hold (PostgreSQL refuses it). */
    public static ValidationError nulCharacter(List<Object> loc, Object input) {
        return new ValidationError("value_error", loc, "Value error, text cannot contain the NUL character (U+0000)",
                input, Map.of());
    }

    private static ValidationError patternMismatch(List<Object> loc, Object input, String pattern) {
        return new ValidationError("string_pattern_mismatch", loc, "String should match pattern '" + pattern + "'", input,
                Map.of("pattern", pattern));
    }
}
