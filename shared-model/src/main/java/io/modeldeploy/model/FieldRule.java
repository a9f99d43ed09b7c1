package io.modeldeploy.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The contract's rule for one string field, the one definition the server applies to request
 * bodies and paths and the console applies while the user types: present when
 * {@link #required()}, at most {@link #maxLength()} characters, counted in code points as NeMo's
 * pydantic models count them (an emoji is one character although Java stores it in two chars),
 * matching {@link #regex()} when there is one, not empty unless {@link #allowsEmpty()}, and not
 * the {@link #reservedValue()}, without the NUL character, and for names not {@code .} or {@code ..}
 * ({@link #isName()}). A field with
 * a pattern is never empty, since every pattern asks for at least one character.
 *
 * <p>{@link #check} gives the first problem in the order the server reports them, with the
 * value's length; the limits are this rule's accessors. The server turns a problem into
 * pydantic's 422 item, the console into a sentence (see the Bean Validation constraints in
 * {@code io.modeldeploy.model.constraints} for how the server applies them).
 */
public final class FieldRule {

    /** A workspace in a path that creates one; {@code -} stands for all workspaces. */
    public static final FieldRule WORKSPACE = new FieldRule("workspace", true, ApiLimits.MAX_NAME_LENGTH,
            ApiLimits.NAME_REGEX, false, ApiLimits.ALL_WORKSPACES, true);
    public static final FieldRule NAME = new FieldRule("name", true, ApiLimits.MAX_NAME_LENGTH, ApiLimits.NAME_REGEX,
            false, null, true);
    public static final FieldRule CONFIG = new FieldRule("config", true, ApiLimits.MAX_CONFIG_LENGTH, null, false,
            null, false);
    public static final FieldRule PROJECT = new FieldRule("project", false, ApiLimits.MAX_PROJECT_LENGTH,
            ApiLimits.PROJECT_REGEX, false, null, false);
    public static final FieldRule STATUS_MESSAGE = new FieldRule("status_message", false,
            ApiLimits.MAX_STATUS_MESSAGE_LENGTH, null, true, null, false);
    /**
     * Any string up to 255 characters, as in NeMo (whose controller writes {@code workspace/name},
     * {@link ApiLimits#MODEL_PROVIDER_ID_FORM}, but whose API takes any reference).
     */
    public static final FieldRule MODEL_PROVIDER_ID = new FieldRule("model_provider_id", false,
            ApiLimits.MAX_MODEL_PROVIDER_ID_LENGTH, null, true, null, false);

    /** What is wrong with a value, in the order the rule checks. */
    public enum Problem {
        /** No value (null) for a {@link #required()} field. */
        MISSING,
        /** Longer than {@link #maxLength()}. */
        TOO_LONG,
        /** Does not match {@link #regex()}. */
        PATTERN_MISMATCH,
        /** Empty although the field needs at least one character (and has no pattern saying so). */
        EMPTY,
        /** The {@link #reservedValue()}, which means something else ({@code -}: all workspaces). */
        RESERVED,
        /**
         * A name that is {@code .} or {@code ..}: every HTTP client removes such a path segment, so
         * what it names could never be reached again.
         */
        DOT_SEGMENT,
        /**
         * Holds the NUL character (U+0000), which no text column of PostgreSQL can store: refused for
         * every field, so that no database answers with an error a client could not understand.
         */
        NUL_CHARACTER
    }

    /** A refused value: the problem and the value's length in characters (0 when it is missing). */
    public record Violation(Problem problem, int length) {
    }

    private final String field;
    private final boolean required;
    private final int maxLength;
    private final String regex;
    private final Pattern pattern;
    private final boolean allowsEmpty;
    private final String reservedValue;
    private final boolean name;

    private FieldRule(String field, boolean required, int maxLength, String regex, boolean allowsEmpty,
                      String reservedValue, boolean name) {
        this.field = Objects.requireNonNull(field, "field");
        this.required = required;
        this.maxLength = maxLength;
        this.regex = regex;
        this.pattern = regex == null ? null : Pattern.compile(regex);
        this.allowsEmpty = allowsEmpty;
        this.reservedValue = reservedValue;
        this.name = name;
    }

    /** The field's wire name. */
    public String field() {
        return field;
    }

    /** Whether a request must carry the field; an optional field may be left out (null). */
    public boolean required() {
        return required;
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

    /** The one value that matches the pattern but is refused, or null when there is none. */
    public String reservedValue() {
        return reservedValue;
    }

    /** Whether the value names something that appears as a path segment, so {@code .} and {@code ..} are refused. */
    public boolean isName() {
        return name;
    }

    /** Length as the rules count it: characters (code points). */
    public static int length(String value) {
        return value == null ? 0 : value.codePointCount(0, value.length());
    }

    /** Why {@code value} is refused, or empty when it is accepted. Null means "no value". */
    public Optional<Violation> check(String value) {
        if (value == null) {
            return required ? Optional.of(new Violation(Problem.MISSING, 0)) : Optional.empty();
        }
        int length = length(value);
        if (length > maxLength) {
            return Optional.of(new Violation(Problem.TOO_LONG, length));
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            return Optional.of(new Violation(Problem.PATTERN_MISMATCH, length));
        }
        if (value.indexOf('\0') >= 0) {
            return Optional.of(new Violation(Problem.NUL_CHARACTER, length));
        }
        if (value.isEmpty() && !allowsEmpty) {
            return Optional.of(new Violation(Problem.EMPTY, 0));
        }
        if (value.equals(reservedValue)) {
            return Optional.of(new Violation(Problem.RESERVED, length));
        }
        if (name && (value.equals(".") || value.equals(".."))) {
            return Optional.of(new Violation(Problem.DOT_SEGMENT, length));
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
