package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** Why a version needs attention ({@code GET /apis/modeldeploy/v1/attention}). */
@Serdeable
public enum AttentionReason {
    /** In ERROR. */
    ERROR,
    /** In LOST. */
    LOST,
    /** Longer in its status than that status's limit (the server's stuck-after setting). */
    STUCK;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AttentionReason fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
