package io.modeldeploy.gui.detail;

import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.StatusHistoryEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.modeldeploy.model.DeploymentStatus.CREATED;
import static io.modeldeploy.model.DeploymentStatus.ERROR;
import static io.modeldeploy.model.DeploymentStatus.LOST;
import static io.modeldeploy.model.DeploymentStatus.PENDING;
import static io.modeldeploy.model.DeploymentStatus.READY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineModelTest {

    private static final Instant T0 = Instant.parse("2026-07-01T10:00:00Z");

    private static StatusHistoryEntry at(long minutes, DeploymentStatus status, String message) {
        return new StatusHistoryEntry(T0.plus(Duration.ofMinutes(minutes)), status, message, "alice", ChangeSource.API);
    }

    private static final List<StatusHistoryEntry> HISTORY = List.of(
            at(0, CREATED, "Deployment created"),
            at(10, PENDING, "Pulling image"),
            at(40, READY, ""),
            at(100, PENDING, "Rolling"),
            at(110, READY, "warm"));

    @Test
    void rowsAreNewestFirstAndLastUntilTheNextEntry() {
        List<TimelineItem> rows = TimelineModel.newestFirst(HISTORY);

        assertEquals(List.of("warm", "Rolling", "", "Pulling image", "Deployment created"),
                rows.stream().map(r -> r.entry().statusMessage()).toList());
        Instant now = T0.plus(Duration.ofMinutes(115));
        assertTrue(rows.get(0).ongoing());
        assertNull(rows.get(0).until());
        assertEquals(Duration.ofMinutes(5), rows.get(0).duration(now));
        assertEquals(Duration.ofMinutes(10), rows.get(1).duration(now));
        assertEquals(Duration.ofMinutes(60), rows.get(2).duration(now));
        assertEquals(Duration.ofMinutes(30), rows.get(3).duration(now));
        assertEquals(Duration.ofMinutes(10), rows.get(4).duration(now));
        assertTrue(rows.stream().skip(1).noneMatch(TimelineItem::ongoing));
    }

    @Test
    void aStretchOfOlderEntriesEndsWhereTheShownOnesBegin() {
        List<TimelineItem> older = TimelineModel.newestFirst(HISTORY.subList(0, 2), HISTORY.get(2).timestamp());
        assertEquals(Duration.ofMinutes(30), older.get(0).duration(Instant.MAX));
        assertTrue(older.stream().noneMatch(TimelineItem::ongoing));
    }

    @Test
    void sharesCoverTheWholeLifeAndAddUpTo100Percent() {
        Instant now = T0.plus(Duration.ofMinutes(120));
        List<StatusShare> shares = TimelineModel.shares(HISTORY, true, T0, READY, now);

        assertEquals(List.of(CREATED, PENDING, READY), shares.stream().map(StatusShare::status).toList());
        assertEquals(Duration.ofMinutes(10), shares.get(0).duration());
        assertEquals(Duration.ofMinutes(40), shares.get(1).duration());
        assertEquals(Duration.ofMinutes(70), shares.get(2).duration());
        assertEquals(1.0, shares.stream().mapToDouble(StatusShare::fraction).sum(), 1e-9);
        assertEquals(70 / 120.0, shares.get(2).fraction(), 1e-9);
        assertEquals("58%", shares.get(2).percentText());
    }

    @Test
    void withOlderHistoryMissingTheGapIsItsOwnSegment() {
        Instant created = T0.minus(Duration.ofMinutes(60));
        Instant now = T0.plus(Duration.ofMinutes(120));
        List<StatusShare> shares = TimelineModel.shares(HISTORY.subList(2, 5), false, created, READY, now);

        assertTrue(shares.get(0).notLoaded());
        assertEquals(Duration.ofMinutes(100), shares.get(0).duration(), "from creation to the oldest loaded entry");
        assertEquals(1.0, shares.stream().mapToDouble(StatusShare::fraction).sum(), 1e-9);
        assertEquals(List.of(PENDING, READY), shares.stream().skip(1).map(StatusShare::status).toList());
    }

    @Test
    void timeBeforeTheFirstEntryOfACompleteHistoryCountsForThatEntrysStatus() {
        Instant created = T0.minus(Duration.ofMinutes(5));
        List<StatusShare> shares = TimelineModel.shares(HISTORY.subList(0, 1), true, created, CREATED,
                T0.plus(Duration.ofMinutes(5)));
        assertEquals(1, shares.size());
        assertEquals(CREATED, shares.get(0).status());
        assertEquals(Duration.ofMinutes(10), shares.get(0).duration());
        assertEquals(1.0, shares.get(0).fraction());
    }

    @Test
    void aVersionCreatedThisInstantIsEntirelyInItsNewestStatus() {
        List<StatusShare> shares = TimelineModel.shares(List.of(at(0, CREATED, "x"), at(0, PENDING, "y")), true, T0,
                PENDING, T0);
        assertEquals(List.of(new StatusShare(PENDING, Duration.ZERO, 1.0)), shares);
    }

    @Test
    void withoutAnyHistoryTheCurrentStatusFillsTheStrip() {
        List<StatusShare> shares = TimelineModel.shares(List.of(), true, T0, PENDING, T0.plusSeconds(90));
        assertEquals(List.of(new StatusShare(PENDING, Duration.ofSeconds(90), 1.0)), shares);
        assertTrue(TimelineModel.shares(List.of(), true, T0, null, T0).isEmpty());
    }

    @Test
    void sharesOfAManyEntryHistoryStillAddUpTo100Percent() {
        java.util.ArrayList<StatusHistoryEntry> many = new java.util.ArrayList<>();
        DeploymentStatus[] cycle = DeploymentStatus.values();
        for (int i = 0; i < 5000; i++) {
            many.add(new StatusHistoryEntry(T0.plusMillis(i * 977L + (i % 7) * 13L), cycle[i % cycle.length], "m" + i,
                    "a", ChangeSource.API));
        }
        List<StatusShare> shares = TimelineModel.shares(many, false, T0.minusSeconds(3600), READY,
                T0.plusSeconds(10_000));
        assertEquals(1.0, shares.stream().mapToDouble(StatusShare::fraction).sum(), 1e-9);
        assertEquals(cycle.length + 1, shares.size());
    }

    @Test
    void aFreshWindowContinuesAfterTheNewestShownEntry() {
        List<StatusHistoryEntry> shown = HISTORY.subList(0, 3);
        assertEquals(3, TimelineModel.continuationIndex(shown, HISTORY));
        assertEquals(5, TimelineModel.continuationIndex(HISTORY, HISTORY), "nothing new");
        assertEquals(-1, TimelineModel.continuationIndex(shown, HISTORY.subList(3, 5)), "gap: can't join");
        assertEquals(-1, TimelineModel.continuationIndex(List.of(), HISTORY));
    }

    @Test
    void percentTextKeepsSmallSharesVisible() {
        assertEquals("0.4%", new StatusShare(READY, Duration.ZERO, 0.004).percentText());
        assertEquals("0%", new StatusShare(READY, Duration.ZERO, 0).percentText());
        assertEquals("100%", new StatusShare(READY, Duration.ZERO, 1).percentText());
    }

    @Test
    void theShownPercentagesAddUpTo100AndZeroSharesAreLeftOut() {
        // Created 0.3%, Pending 99.45%, Error 0.2%, Ready 0.04%, Lost 0.01%: shown rounded on their own,
        // they would add up to 99.9% or 100.1% and show Ready and Lost as 0.0%.
        Instant created = T0;
        List<StatusHistoryEntry> history = List.of(at(0, CREATED, "c"), at(3, PENDING, "p"),
                new StatusHistoryEntry(T0.plusSeconds(60 * 3 + 59_670), ERROR, "e", "a", ChangeSource.API),
                new StatusHistoryEntry(T0.plusSeconds(60 * 3 + 59_670 + 120), READY, "r", "a", ChangeSource.API),
                new StatusHistoryEntry(T0.plusSeconds(60 * 3 + 59_670 + 144), LOST, "l", "a", ChangeSource.API));
        Instant now = T0.plusSeconds(60_000);
        List<StatusShare> shares = TimelineModel.shares(history, true, created, LOST, now);

        List<String> shown = shares.stream().filter(StatusShare::shown).map(StatusShare::percentText).toList();
        double sum = shown.stream().mapToDouble(t -> Double.parseDouble(t.replace("%", ""))).sum();
        assertEquals(100.0, sum, 1e-9, "as shown: " + shown);
        assertEquals(List.of(CREATED, PENDING, ERROR),
                shares.stream().filter(StatusShare::shown).map(StatusShare::status).toList(),
                "Ready (0.04%) and Lost (0.01%) would show 0.0%: " + shares);
    }

    @Test
    void sharesAllAtOnePercentOrMoreAreShownInWholePercents() {
        List<StatusShare> thirds = TimelineModel.roundedTogether(List.of(
                new StatusShare(CREATED, Duration.ofMinutes(1), 1 / 3.0),
                new StatusShare(PENDING, Duration.ofMinutes(1), 1 / 3.0),
                new StatusShare(READY, Duration.ofMinutes(1), 1 / 3.0)));
        assertEquals(List.of("34%", "33%", "33%"), thirds.stream().map(StatusShare::percentText).toList());
    }
}
