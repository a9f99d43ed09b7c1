package io.modeldeploy.server.api;

import io.micronaut.http.HttpParameters;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.server.error.HttpErrorException;
import io.modeldeploy.server.service.DeploymentService;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Reads query parameters that must be integers or booleans, recording what is wrong with them. */
final class QueryValues {
    private QueryValues() {
    }

    static int integer(HttpParameters parameters, String name, int defaultValue, int min, int max,
                       ValidationErrors errors) {
        String raw = parameters.get(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        List<Object> loc = List.of("query", name);
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            errors.add("int_parsing", loc, "Input should be a valid integer, unable to parse string as an integer",
                    raw, null);
            return defaultValue;
        }
        if (value < min) {
            errors.greaterOrEqual(loc, raw, min);
            return defaultValue;
        }
        if (value > max) {
            errors.lessOrEqual(loc, raw, max);
            return defaultValue;
        }
        return (int) value;
    }

    static boolean bool(HttpParameters parameters, String name, ValidationErrors errors) {
        return bool(parameters.get(name), List.of("query", name), errors);
    }

    /** A boolean query value at {@code loc}: absent or empty is false. */
    static boolean bool(String raw, List<Object> loc, ValidationErrors errors) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> {
                return true;
            }
            case "false", "0", "no", "off" -> {
                return false;
            }
            default -> {
                errors.add("bool_parsing", loc, "Input should be a valid boolean, unable to interpret input",
                        raw, null);
                return false;
            }
        }
    }

    /** A whole number as Python's {@code int()} reads it: blanks around, a sign, digits with single underscores between. */
    private static final Pattern PYTHON_INT = Pattern.compile("[+-]?[0-9]+(_[0-9]+)*");

    /**
     * {@code ?version=} of deployment {@code workspace/name}: absent or empty means the latest
     * version. As NeMo: not an integer is a 400; an integer no version can have (zero, negative, or
     * beyond {@code int}) is a version that does not exist, 404.
     */
    static Integer version(String raw, String workspace, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return version(raw, () -> DeploymentService.versionNotFound(workspace, name, raw.strip()));
    }

    /** A version path segment, as NeMo: not an integer is a 400, zero or negative simply does not exist. */
    static int versionSegment(String raw, String workspace, String name) {
        return version(raw, () -> DeploymentService.versionNotFound(workspace, name, raw.strip()));
    }

    private static int version(String raw, Supplier<HttpErrorException> notFound) {
        String text = raw.strip();
        if (!PYTHON_INT.matcher(text).matches()) {
            throw HttpErrorException.badRequest("Invalid version '" + raw + "': must be a positive integer");
        }
        BigInteger value = new BigInteger(text.replace("_", ""));
        if (value.bitLength() >= Integer.SIZE) {
            throw notFound.get();
        }
        return value.intValue();
    }

    static int pageSize(HttpParameters parameters, ValidationErrors errors) {
        return integer(parameters, "page_size", ApiLimits.DEFAULT_PAGE_SIZE, 1, ApiLimits.MAX_PAGE_SIZE, errors);
    }

    static int page(HttpParameters parameters, ValidationErrors errors) {
        return integer(parameters, "page", 1, 1, Integer.MAX_VALUE, errors);
    }
}
