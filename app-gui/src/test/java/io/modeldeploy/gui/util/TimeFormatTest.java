package io.modeldeploy.gui.util;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeFormatTest {

    private static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");

    @AfterEach
    void resetClock() {
        TimeFormat.useClock(null);
        TimeFormat.utcProperty().set(false);
    }

    @Test
    void relativeTimesUseTheLargestWholeUnit() {
        assertEquals("just now", TimeFormat.relative(NOW.minusSeconds(59), NOW));
        assertEquals("1 min ago", TimeFormat.relative(NOW.minusSeconds(60), NOW));
        assertEquals("3 min ago", TimeFormat.relative(NOW.minusSeconds(3 * 60 + 59), NOW));
        assertEquals("59 min ago", TimeFormat.relative(NOW.minus(Duration.ofMinutes(59)), NOW));
        assertEquals("2 h ago", TimeFormat.relative(NOW.minus(Duration.ofMinutes(150)), NOW));
        assertEquals("5 d ago", TimeFormat.relative(NOW.minus(Duration.ofDays(5).plusHours(3)), NOW));
        assertEquals("30 d ago", TimeFormat.relative(NOW.minus(Duration.ofDays(30)), NOW));
    }

    @Test
    void staleDataNeverSaysJustNowButAsOfWhen() {
        TimeFormat.useClock(Clock.fixed(NOW, ZoneId.of("UTC")));
        Instant asOf = NOW.minusSeconds(20);
        assertEquals("as of 11:59", TimeFormat.relativeAsOf(NOW.minusSeconds(30), asOf));
        assertEquals("3 min ago", TimeFormat.relativeAsOf(NOW.minusSeconds(3 * 60), asOf));
    }

    @Test
    void olderThanAMonthShowsTheLocalDate() {
        TimeFormat.useClock(Clock.fixed(NOW, ZoneId.of("Europe/Berlin")));
        assertEquals("2026-05-01", TimeFormat.relative(Instant.parse("2026-04-30T23:30:00Z"), NOW));
    }

    @Test
    void futureTimesFromClockSkewReadAsIn() {
        assertEquals("just now", TimeFormat.relative(NOW.plusSeconds(20), NOW));
        assertEquals("in 2 min", TimeFormat.relative(NOW.plusSeconds(150), NOW));
    }

    @Test
    void relativeWithoutNowUsesTheConfiguredClock() {
        TimeFormat.useClock(Clock.fixed(NOW, ZoneId.of("UTC")));
        assertEquals("2 h ago", TimeFormat.relative(NOW.minus(Duration.ofHours(2))));
    }

    @Test
    void exactTimeIsLocalAndNamesItsZone() {
        assertEquals("2026-07-01 14:00:00 CEST", TimeFormat.exact(NOW, ZoneId.of("Europe/Berlin")));
        TimeFormat.useClock(Clock.fixed(NOW, ZoneId.of("America/New_York")));
        assertEquals("2026-07-01 08:00:00 EDT", TimeFormat.exact(NOW));
        assertEquals("2026-07-01 08:00:00 EDT (just now)", TimeFormat.exactWithRelative(NOW));
        TimeFormat.useClock(Clock.fixed(NOW, ZoneId.of("Europe/Berlin")));
        assertEquals("2026-12-04 10:05:12 CET", TimeFormat.exact(Instant.parse("2026-12-04T09:05:12Z")));
    }

    @Test
    void theUtcSettingShowsEveryExactTimeInUtc() {
        TimeFormat.useClock(Clock.fixed(NOW, ZoneId.of("Europe/Berlin")));
        TimeFormat.utcProperty().set(true);
        assertEquals("2026-12-04 09:05:12 UTC", TimeFormat.exact(Instant.parse("2026-12-04T09:05:12Z")));
        assertEquals("2026-07-01 12:00:00 UTC (just now)", TimeFormat.exactWithRelative(NOW));
        TimeFormat.utcProperty().set(false);
        assertEquals("2026-07-01 14:00:00 CEST", TimeFormat.exact(NOW));
    }

    @Test
    void theUtcSettingAlsoCoversTheClockTimesOfStaleDataAndTheStatusBar() {
        TimeFormat.useClock(Clock.fixed(NOW, ZoneId.of("Europe/Berlin")));
        TimeFormat.utcProperty().set(true);
        try {
            assertEquals("as of 12:00", TimeFormat.relativeAsOf(NOW, NOW));
            assertEquals(ZoneId.of("UTC"), TimeFormat.shown(ZoneId.of("Europe/Berlin")));
        } finally {
            TimeFormat.utcProperty().set(false);
        }
        assertEquals("as of 14:00", TimeFormat.relativeAsOf(NOW, NOW));
        assertEquals(ZoneId.of("Europe/Berlin"), TimeFormat.shown(ZoneId.of("Europe/Berlin")));
    }

    @Test
    void durationsShowTwoUnitsAndDropZeroParts() {
        assertEquals("0 s", TimeFormat.duration(Duration.ZERO));
        assertEquals("250 ms", TimeFormat.duration(Duration.ofMillis(250)));
        assertEquals("45 s", TimeFormat.duration(Duration.ofSeconds(45)));
        assertEquals("3 min 20 s", TimeFormat.duration(Duration.ofSeconds(200)));
        assertEquals("2 h 5 min", TimeFormat.duration(Duration.ofMinutes(125).plusSeconds(30)));
        assertEquals("2 h", TimeFormat.duration(Duration.ofHours(2)));
        assertEquals("3 d 4 h", TimeFormat.duration(Duration.ofHours(76)));
        assertEquals("5 min", TimeFormat.duration(Duration.ofMinutes(-5)));
    }

    @Test
    void missingValuesAreADash() {
        assertEquals(TimeFormat.NONE, TimeFormat.relative(null, NOW));
        assertEquals(TimeFormat.NONE, TimeFormat.exact(null));
        assertEquals(TimeFormat.NONE, TimeFormat.duration(null));
    }
}
