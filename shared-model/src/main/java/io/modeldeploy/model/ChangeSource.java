package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** Where a status change came from: an HTTP client ({@code api}) or the desktop console ({@code gui}). */
@Serdeable
public enum ChangeSource {
    @JsonProperty("api")
    API,
    @JsonProperty("gui")
    GUI;

    /** The name on the wire (the {@code @JsonProperty} of the constant). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the header value; anything but {@code gui} counts as {@code api}. */
    public static ChangeSource fromHeader(String value) {
        return value != null && value.trim().equalsIgnoreCase("gui") ? GUI : API;
    }

    public static ChangeSource fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
