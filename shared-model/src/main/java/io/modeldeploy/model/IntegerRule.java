package io.modeldeploy.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The contract's rule for one whole-number field: from {@link #min()} to {@link #max()}. The server
 * checks the number as it was written in the request (so that a 422 can echo {@code -1.0} or a
 * number far beyond {@code int}); the console checks what the user typed.
 */
public final class IntegerRule {

    /** {@code config_version}: 0 and a missing value both mean the default, version 1. */
    public static final IntegerRule CONFIG_VERSION = new IntegerRule("config_version", 0, Integer.MAX_VALUE);

    /** A version number in a request body (a status batch's target): versions count from 1. */
    public static final IntegerRule VERSION = new IntegerRule("version", 1, Integer.MAX_VALUE);

    /** What is wrong with a number. */
    public enum Problem {
        /** Less than {@link #min()} (pydantic: {@code greater_than_equal}). */
        BELOW_MINIMUM,
        /** More than {@link #max()} (pydantic: {@code less_than_equal}). */
        ABOVE_MAXIMUM
    }

    /** A refused number: the problem and the limit it crossed. */
    public record Violation(Problem problem, long limit) {
    }

    private final String field;
    private final long min;
    private final long max;

    private IntegerRule(String field, long min, long max) {
        this.field = Objects.requireNonNull(field, "field");
        this.min = min;
        this.max = max;
    }

    /** The field's wire name. */
    public String field() {
        return field;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    /** Why {@code value} is refused, or empty when it is accepted. */
    public Optional<Violation> check(long value) {
        return check(BigDecimal.valueOf(value));
    }

    /** The same for a whole number of any size. */
    public Optional<Violation> check(BigDecimal value) {
        if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
            return Optional.of(outOfRange(1));
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0) {
            return Optional.of(outOfRange(-1));
        }
        return Optional.empty();
    }

    /** The violation of a number too large to hold at all (an exponent beyond BigDecimal), by its sign. */
    public Violation outOfRange(int signum) {
        return signum < 0 ? new Violation(Problem.BELOW_MINIMUM, min) : new Violation(Problem.ABOVE_MAXIMUM, max);
    }

    public boolean accepts(long value) {
        return check(value).isEmpty();
    }

    @Override
    public String toString() {
        return "IntegerRule[" + field + "]";
    }
}
