package io.modeldeploy.server.api;

import io.micronaut.http.HttpParameters;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.server.error.HttpErrorException;

import java.util.List;
import java.util.Locale;

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

    /** {@code ?version=}: absent or empty means the latest version. */
    static Integer version(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            ValidationErrors errors = new ValidationErrors();
            errors.add("int_parsing", List.of("query", "version"),
                    "Input should be a valid integer, unable to parse string as an integer", raw, null);
            errors.throwIfAny();
            return null;
        }
    }

    /** A version path segment, as NeMo: not an integer is a 400, zero or negative simply does not exist. */
    static int versionSegment(String raw) {
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw HttpErrorException.badRequest("Invalid version '" + raw + "': must be a positive integer");
        }
    }

    static int pageSize(HttpParameters parameters, ValidationErrors errors) {
        return integer(parameters, "page_size", ApiLimits.DEFAULT_PAGE_SIZE, 1, ApiLimits.MAX_PAGE_SIZE, errors);
    }

    static int page(HttpParameters parameters, ValidationErrors errors) {
        return integer(parameters, "page", 1, 1, Integer.MAX_VALUE, errors);
    }
}
