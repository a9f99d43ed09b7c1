package io.modeldeploy.server.api;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Reads an ISO-8601 date-time query parameter, recording a pydantic-shaped problem when it is not one. */
final class QueryDateTimes {
    static final String EXPECTED = "expected an ISO-8601 date-time such as 2026-12-01T08:30:00Z or "
            + "2026-12-01T09:30:00+01:00 (without an offset it is UTC; a date alone is its midnight UTC; "
            + "write + as %2B in a URL), in the years 1 to 9999";

    private QueryDateTimes() {
    }

    /** Null when absent or empty. */
    static @Nullable Instant parse(@Nullable String raw, String name, ValidationErrors errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        OffsetDateTime parsed = read(text);
        if (parsed == null && text.indexOf(' ') > 10) {
            // a '+' of an offset that was not percent-encoded arrives as a space
            parsed = read(text.substring(0, text.lastIndexOf(' ')) + "+" + text.substring(text.lastIndexOf(' ') + 1));
        }
        if (parsed == null || parsed.getYear() < 1 || parsed.getYear() > 9999) {
            errors.add("datetime_parsing", List.of("query", name), "Input should be a valid datetime, " + EXPECTED, raw,
                    Map.of("error", EXPECTED));
            return null;
        }
        return parsed.toInstant();
    }

    private static @Nullable OffsetDateTime read(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }
}
