package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** What happened to a deployment version; also the SSE {@code event:} name. */
@Serdeable
public enum DeploymentEventType {
    /** Version 1 of a new deployment. */
    CREATED,
    /** An applied change of status, message or model provider. */
    STATUS_CHANGED,
    /** A new version (N+1) of an existing deployment. */
    VERSION_CREATED,
    /** A version was marked DELETING by a delete request. */
    DELETED,
    /** A DELETED version was removed for good; {@code deployment} is its last state. */
    PURGED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeploymentEventType fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
