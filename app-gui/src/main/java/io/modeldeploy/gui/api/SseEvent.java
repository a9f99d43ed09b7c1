package io.modeldeploy.gui.api;

import java.util.Objects;

/**
 * One dispatched server-sent event.
 *
 * @param id    the value of this event's own {@code id:} field, or null when the event had none
 *              (the heartbeat has none, so it never moves the client's Last-Event-ID)
 * @param type  the {@code event:} field, {@code "message"} when the event had none
 * @param data  the {@code data:} lines joined with {@code \n}
 */
public record SseEvent(String id, String type, String data) {

    /** The type of an event without an {@code event:} field, as the SSE specification says. */
    public static final String DEFAULT_TYPE = "message";

    public SseEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
