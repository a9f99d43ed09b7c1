package io.modeldeploy.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The contract's rule for one string field, the one definition the server applies to request
 * bodies and paths and the console applies while the user types: at most {@link #maxLength()}
 * characters, counted in code points as NeMo's pydantic models count them (an emoji is one
 * character although Java stores it in two chars), matching {@link #regex()} when there is one,
 * and not empty unless {@link #allowsEmpty()}. A field with a pattern is never empty, since every
 * pattern asks for at least one character.
 */
public final class FieldRule {

    public static final FieldRule WORKSPACE = new FieldRule("workspace", ApiLimits.MAX_NAME_LENGTH,
            ApiLimits.NAME_REGEX, false);
    public static final FieldRule NAME = new FieldRule("name", ApiLimits.MAX_NAME_LENGTH, ApiLimits.NAME_REGEX, false);
    public static final FieldRule CONFIG = new FieldRule("config", ApiLimits.MAX_CONFIG_LENGTH, null, false);
    public static final FieldRule PROJECT = new FieldRule("project", ApiLimits.MAX_PROJECT_LENGTH,
            ApiLimits.PROJECT_REGEX, false);
    public static final FieldRule STATUS_MESSAGE = new FieldRule("status_message",
            ApiLimits.MAX_STATUS_MESSAGE_LENGTH, null, true);
    public static final FieldRule MODEL_PROVIDER_ID = new FieldRule("model_provider_id",
            ApiLimits.MAX_MODEL_PROVIDER_ID_LENGTH, ApiLimits.MODEL_PROVIDER_ID_REGEX, false);

    /** What is wrong with a value, in the order the server checks: length, then pattern, then emptiness. */
    public enum Problem {
        TOO_LONG,
        PATTERN_MISMATCH,
        EMPTY
    }

    /** A refused value: the problem and the value's length in characters. */
    public record Violation(Problem problem, int length) {
    }

    private final String field;
    private final int maxLength;
    private final String regex;
    private final Pattern pattern;
    private final boolean allowsEmpty;

    private FieldRule(String field, int maxLength, String regex, boolean allowsEmpty) {
        this.field = Objects.requireNonNull(field, "field");
        this.maxLength = maxLength;
        this.regex = regex;
        this.pattern = regex == null ? null : Pattern.compile(regex);
        this.allowsEmpty = allowsEmpty;
    }

    /** The field's wire name. */
    public String field() {
        return field;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The pattern as the contract writes it, or null for a field without one. */
    public String regex() {
        return regex;
    }

    public Pattern pattern() {
        return pattern;
    }

    public boolean allowsEmpty() {
        return allowsEmpty;
    }

    /** Length as the rules count it: characters (code points). */
    public static int length(String value) {
        return value == null ? 0 : value.codePointCount(0, value.length());
    }

    /** Why {@code value} is refused, or empty when it is accepted. */
    public Optional<Violation> check(String value) {
        String text = value == null ? "" : value;
        int length = length(text);
        if (length > maxLength) {
            return Optional.of(new Violation(Problem.TOO_LONG, length));
        }
        if (pattern != null && !pattern.matcher(text).matches()) {
            return Optional.of(new Violation(Problem.PATTERN_MISMATCH, length));
        }
        if (text.isEmpty() && !allowsEmpty) {
            return Optional.of(new Violation(Problem.EMPTY, 0));
        }
        return Optional.empty();
    }

    public boolean accepts(String value) {
        return check(value).isEmpty();
    }

    @Override
    public String toString() {
        return "FieldRule[" + field + "]";
    }
}
