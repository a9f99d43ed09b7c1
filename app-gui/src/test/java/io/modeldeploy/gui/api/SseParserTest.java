package io.modeldeploy.gui.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event-stream parser against the rules of the SSE specification. */
class SseParserTest {

    private static List<SseEvent> parse(String... lines) {
        SseParser parser = new SseParser();
        List<SseEvent> events = new ArrayList<>();
        for (String line : lines) {
            parser.feed(line).ifPresent(events::add);
        }
        return events;
    }

    @Test
    void anEventIsDispatchedAtTheBlankLineWithItsIdTypeAndData() {
        SseParser parser = new SseParser();
        assertTrue(parser.feed("id: 7").isEmpty());
        assertTrue(parser.feed("event: status_changed").isEmpty());
        assertTrue(parser.feed("data: {\"a\":1}").isEmpty());
        SseEvent event = parser.feed("").orElseThrow();
        assertEquals(new SseEvent("7", "status_changed", "{\"a\":1}"), event);
        assertEquals("7", parser.lastEventId());
    }

    @Test
    void dataLinesAreJoinedWithLineFeeds() {
        List<SseEvent> events = parse("data: first", "data:second", "data:  third", "");
        assertEquals(List.of(new SseEvent(null, "message", "first\nsecond\n third")), events,
                "one space after the colon is dropped, more are kept");
    }

    @Test
    void commentsAndUnknownFieldsAreIgnored() {
        List<SseEvent> events = parse(": keep-alive", ":", "colour: blue", "data: x", ": in between", "");
        assertEquals(List.of(new SseEvent(null, "message", "x")), events);
    }

    @Test
    void aFieldWithoutColonHasAnEmptyValue() {
        assertEquals(List.of(new SseEvent(null, "message", "")), parse("data", ""));
        assertEquals(List.of(new SseEvent(null, "message", "\nz")), parse("data", "data: z", ""));
    }

    @Test
    void withoutDataNothingIsDispatchedAndTheTypeDoesNotLeakIntoTheNextEvent() {
        List<SseEvent> events = parse("event: heartbeat", "id: 3", "", "data: next", "");
        assertEquals(List.of(new SseEvent(null, "message", "next")), events);
    }

    @Test
    void anEventWithoutIdHasNoneButTheLastIdIsRemembered() {
        SseParser parser = new SseParser();
        parser.feed("id: 12");
        parser.feed("data: a");
        assertEquals("12", parser.feed("").orElseThrow().id());
        parser.feed("event: heartbeat");
        parser.feed("data: {}");
        SseEvent heartbeat = parser.feed("").orElseThrow();
        assertNull(heartbeat.id(), "the heartbeat carries no id of its own");
        assertEquals("heartbeat", heartbeat.type());
        assertEquals("12", parser.lastEventId(), "but the stream's last id stays");
    }

    @Test
    void consecutiveBlankLinesDispatchOnlyOnce() {
        assertEquals(1, parse("data: a", "", "", "").size());
    }

    @Test
    void anIdContainingNulIsIgnoredAndAByteOrderMarkIsDropped() {
        SseParser parser = new SseParser();
        parser.feed("\uFEFFid: 5");
        parser.feed("id: 6\0");
        parser.feed("data: x");
        assertEquals("5", parser.feed("").orElseThrow().id());
    }

    @Test
    void retryIsReadOnlyWhenItIsDigits() {
        SseParser parser = new SseParser();
        assertEquals(-1, parser.retryMillis());
        parser.feed("retry: 2500");
        assertEquals(2500, parser.retryMillis());
        parser.feed("retry: soon");
        parser.feed("retry: -1");
        assertEquals(2500, parser.retryMillis());
    }

    @Test
    void resetForgetsAHalfReceivedEvent() {
        SseParser parser = new SseParser();
        parser.feed("event: status_changed");
        parser.feed("data: half");
        parser.reset();
        parser.feed("data: whole");
        assertEquals(new SseEvent(null, "message", "whole"), parser.feed("").orElseThrow());
    }
}
