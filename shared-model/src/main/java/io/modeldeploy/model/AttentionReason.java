package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** Why a version needs attention ({@code GET /apis/modeldeploy/v1/attention}). */
@Serdeable
public enum AttentionReason {
    /** In ERROR. */
    @JsonProperty("error")
    ERROR,
    /** In LOST. */
    @JsonProperty("lost")
    LOST,
    /** Longer in its status than that status's limit (the server's stuck-after setting). */
    @JsonProperty("stuck")
    STUCK;

    /** The name on the wire (the {@code @JsonProperty} of the constant). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AttentionReason fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
