package io.modeldeploy.gui.api;

import java.util.Optional;

/**
 * Parses a {@code text/event-stream} line by line, as the HTML specification's "event stream
 * interpretation" describes: {@code field: value} lines (one optional space after the colon is
 * dropped), {@code data} lines joined with line feeds, comments (lines starting with {@code :})
 * ignored, unknown fields ignored, and an event dispatched at each blank line if it has data.
 *
 * <p>Lines are given without their terminator ({@code \r\n}, {@code \n} or {@code \r}, as
 * {@link java.io.BufferedReader#readLine()} splits them). Not thread-safe: one parser per connection.
 */
public final class SseParser {

    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String eventType;
    private String eventId;
    private String lastEventId;
    private long retryMillis = -1;
    private boolean firstLine = true;

    /**
     * Feeds one line. Answers the event completed by it (only a blank line completes one), or
     * empty.
     */
    public Optional<SseEvent> feed(String line) {
        if (firstLine) {
            firstLine = false;
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
        }
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.charAt(0) == ':') {
            return Optional.empty(); // comment, e.g. a keep-alive
        }
        int colon = line.indexOf(':');
        String field;
        String value;
        if (colon < 0) {
            field = line;
            value = "";
        } else {
            field = line.substring(0, colon);
            value = line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "event" -> eventType = value;
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    eventId = value;
                    lastEventId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    try {
                        retryMillis = Long.parseLong(value);
                    } catch (NumberFormatException tooLong) {
                        // ignored, as the specification says for values that are not a number
                    }
                }
            }
            default -> {
                // unknown fields are ignored
            }
        }
        return Optional.empty();
    }

    /** Forgets a half-received event, e.g. when the connection broke in the middle of it. */
    public void reset() {
        data.setLength(0);
        hasData = false;
        eventType = null;
        eventId = null;
        firstLine = true;
    }

    /** The last {@code id:} value seen on this stream (per the specification it outlives its event); null if none. */
    public String lastEventId() {
        return lastEventId;
    }

    /** The last {@code retry:} value in milliseconds, or -1 if the server sent none. */
    public long retryMillis() {
        return retryMillis;
    }

    private Optional<SseEvent> dispatch() {
        if (!hasData) {
            // No data: nothing to dispatch, but the event's fields are spent.
            eventType = null;
            eventId = null;
            return Optional.empty();
        }
        String type = eventType == null || eventType.isEmpty() ? SseEvent.DEFAULT_TYPE : eventType;
        SseEvent event = new SseEvent(eventId, type, data.toString());
        data.setLength(0);
        hasData = false;
        eventType = null;
        eventId = null;
        return Optional.of(event);
    }
}
