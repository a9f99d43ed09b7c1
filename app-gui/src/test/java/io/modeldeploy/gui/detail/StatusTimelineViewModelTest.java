package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.model.StatusUpdateRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusTimelineViewModelTest {

    private FakeDeploymentApiClient client;
    private QueuedExecutor background;
    private ConsoleSession session;
    private StatusTimelineViewModel timeline;
    private Instant now;

    @BeforeEach
    void setUp() {
        client = new FakeDeploymentApiClient();
        background = new QueuedExecutor();
        now = Instant.parse("2026-07-02T00:00:00Z");
        session = TestSessions.of(client, new TaskRunner(background, Runnable::run), new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
        timeline = new StatusTimelineViewModel(session);
    }

    private static List<StatusHistoryEntry> newestFirst(List<StatusHistoryEntry> chronological) {
        List<StatusHistoryEntry> copy = new ArrayList<>(chronological);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private List<StatusHistoryEntry> shownNewestFirst() {
        return timeline.items().stream().map(TimelineItem::entry).toList();
    }

    @Test
    void aShortHistoryIsCompleteNewestFirstWithDurations() {
        FakeDeploymentApiClient.Stored stored = client.create("default", "llama", 1);
        client.addChanges(stored, 3);
        now = client.clock.plus(Duration.ofMinutes(5));

        timeline.show(stored.toResource());

        assertEquals(newestFirst(stored.history), shownNewestFirst());
        assertFalse(timeline.hasOlderProperty().get());
        assertEquals(0, timeline.oldestPosition());
        assertEquals("4 entries", timeline.summaryProperty().get());
        assertEquals("for 5 min, ongoing", timeline.durationText(timeline.items().get(0)));
        assertEquals("for 1 min", timeline.durationText(timeline.items().get(1)));
        assertFalse(timeline.loadOlder(), "nothing older to load");
        assertEquals(List.of(), client.calls);
        assertEquals(1.0, timeline.shares().stream().mapToDouble(StatusShare::fraction).sum(), 1e-9);
        assertTrue(timeline.shares().stream().noneMatch(StatusShare::notLoaded));
    }

    @Test
    void scrollingToTheEndLoadsOlderPagesUntilTheWholeHistoryIsShown() {
        FakeDeploymentApiClient.Stored stored = client.create("default", "llama", 1);
        client.addChanges(stored, 449); // 450 entries in all
        timeline.show(stored.toResource());

        assertEquals(100, timeline.items().size());
        assertTrue(timeline.hasOlderProperty().get());
        assertEquals("Newest 100 entries; scroll down for older ones", timeline.summaryProperty().get());
        assertTrue(timeline.shares().get(0).notLoaded(), "the strip marks the part not loaded yet");

        assertTrue(timeline.loadOlder());
        assertTrue(timeline.loadingOlderProperty().get());
        assertFalse(timeline.loadOlder(), "one request at a time");
        background.runAll();
        // Probe for the total (450), then page 2 of 200 (200..399) of which 200..349 are missing.
        assertEquals(List.of("statusHistory 1 1", "statusHistory 2 200"), client.calls);
        assertEquals(250, timeline.items().size());
        assertEquals(200, timeline.oldestPosition());
        assertEquals(String.format("Newest %,d of %,d entries", 250, 450), timeline.summaryProperty().get());

        timeline.loadOlder();
        background.runAll();
        assertEquals("statusHistory 1 200", client.calls.get(2));
        assertEquals(3, client.calls.size(), "no second probe: positions never change");
        assertEquals(newestFirst(stored.history), shownNewestFirst());
        assertFalse(timeline.hasOlderProperty().get());
        assertEquals("450 entries", timeline.summaryProperty().get());
        assertTrue(timeline.shares().stream().noneMatch(StatusShare::notLoaded));
        assertFalse(timeline.loadOlder());

        // Every row lasts until the next newer one.
        List<TimelineItem> rows = timeline.items();
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(rows.get(i - 1).entry().timestamp(), rows.get(i).until(), "row " + i);
        }
        assertTrue(rows.get(0).ongoing());
    }

    @Test
    void exactlyAHundredEntriesAreCheckedOnceAndFoundComplete() {
        FakeDeploymentApiClient.Stored stored = client.create("default", "llama", 1);
        client.addChanges(stored, 99);
        timeline.show(stored.toResource());
        assertTrue(timeline.hasOlderProperty().get(), "a full window may hide older entries");

        timeline.loadOlder();
        background.runAll();

        assertEquals(List.of("statusHistory 1 1"), client.calls);
        assertFalse(timeline.hasOlderProperty().get());
        assertEquals(100, timeline.items().size());
    }

    @Test
    void historyThatGrewAfterReadingIsStillJoinedWithoutGapsOrDuplicates() {
        FakeDeploymentApiClient.Stored stored = client.create("default", "llama", 1);
        client.addChanges(stored, 299);
        List<ModelDeployment> fresher = TestSessions.record(session, DeploymentStore.Origin.LOAD);
        timeline.show(stored.toResource());
        client.addChanges(stored, 7); // someone else changed the status meanwhile

        timeline.loadOlder();
        background.runAll();
        while (timeline.hasOlderProperty().get()) {
            assertTrue(timeline.loadOlder());
            background.runAll();
        }

        List<StatusHistoryEntry> shown = timeline.chronologicalEntries();
        assertEquals(shown.size(), shown.stream().distinct().count(), "no duplicates");
        assertEquals(stored.history.subList(0, shown.size()), shown, "a gap-free prefix of the history");
        assertEquals(300, shown.size(), "everything up to what was read; the 7 newer ones come with the next read");
        assertTrue(fresher.isEmpty(), "the anchor was found on the page, no re-read needed");
        assertEquals("", timeline.loadErrorProperty().get());
    }

    @Test
    void aPageThatDoesNotLineUpMakesItReadTheVersionAgainAndRetry() {
        FakeDeploymentApiClient.Stored stored = client.create("default", "llama", 1);
        client.addChanges(stored, 299);
        List<ModelDeployment> fresher = TestSessions.record(session, DeploymentStore.Origin.LOAD);
        timeline.show(stored.toResource());
        client.addChanges(stored, 250); // more than a page: the anchor is not where it is looked for

        timeline.loadOlder();
        background.runAll();

        assertEquals(1, fresher.size(), "the version was read again");
        assertTrue(client.calls.contains("getVersion llama 1"));
        List<StatusHistoryEntry> shown = timeline.chronologicalEntries();
        List<StatusHistoryEntry> all = stored.history;
        assertEquals(all.subList(all.size() - shown.size(), all.size()), shown, "the newest entries, without gaps");
        assertEquals(all.get(all.size() - 1), timeline.items().get(0).entry());
    }

    @Test
    void aFailedLoadIsShownInlineAndCanBeRetried() {
        FakeDeploymentApiClient.Stored stored = client.create("default", "llama", 1);
        client.addChanges(stored, 150);
        timeline.show(stored.toResource());
        client.failNext(new ApiException(500, "Failed to read history", List.of()));

        timeline.loadOlder();
        background.runAll();

        assertEquals("Couldn't load older entries: the server failed (HTTP 500). Failed to read history.",
                timeline.loadErrorProperty().get());
        assertFalse(timeline.loadingOlderProperty().get());
        assertEquals(100, timeline.items().size());

        timeline.loadOlder();
        background.runAll();
        assertEquals("", timeline.loadErrorProperty().get());
        assertEquals(151, timeline.items().size());
    }

    @Test
    void anAppliedChangeGoesOnTopAndKeepsTheOlderEntriesLoaded() throws Exception {
        FakeDeploymentApiClient.Stored stored = client.create("default", "llama", 1);
        client.addChanges(stored, 120);
        timeline.show(stored.toResource());
        timeline.loadOlder();
        background.runAll();
        assertEquals(121, timeline.items().size());
        StatusHistoryEntry previousTop = timeline.items().get(0).entry();

        ModelDeployment answer = client.updateStatus("default", "llama", 1,
                new StatusUpdateRequest(DeploymentStatus.ERROR, "OOM"));
        timeline.merge(answer);

        assertEquals(122, timeline.items().size());
        TimelineItem top = timeline.items().get(0);
        assertEquals(DeploymentStatus.ERROR, top.status());
        assertEquals("OOM", top.entry().statusMessage());
        assertTrue(top.ongoing());
        assertEquals(previousTop, timeline.items().get(1).entry());
        assertEquals(top.entry().timestamp(), timeline.items().get(1).until());
        assertFalse(timeline.hasOlderProperty().get());
        assertEquals("122 entries", timeline.summaryProperty().get());
    }

    @Test
    void aLateAnswerForAnotherVersionIsDropped() {
        FakeDeploymentApiClient.Stored first = client.create("default", "llama", 1);
        client.addChanges(first, 150);
        FakeDeploymentApiClient.Stored second = client.create("default", "other", 1);
        timeline.show(first.toResource());
        timeline.loadOlder();
        timeline.show(second.toResource());
        background.runAll();

        assertEquals(newestFirst(second.history), shownNewestFirst());
        assertFalse(timeline.loadingOlderProperty().get());
    }

    @Test
    void tickMovesTheOngoingDurationForward() {
        FakeDeploymentApiClient.Stored stored = client.create("default", "llama", 1);
        now = stored.createdAt.plus(Duration.ofMinutes(2));
        timeline.show(stored.toResource());
        assertEquals("for 2 min, ongoing", timeline.durationText(timeline.items().get(0)));

        now = now.plus(Duration.ofHours(1));
        timeline.tick();
        assertEquals("for 1 h 2 min, ongoing", timeline.durationText(timeline.items().get(0)));
        assertEquals("1 h ago", timeline.relativeTime(timeline.items().get(0)));
        assertEquals(Duration.ofMinutes(62), timeline.shares().get(0).duration());
    }

    @Test
    void shareTextsNameStatusDurationAndPercent() {
        assertEquals("Ready: 2 h 5 min (82%)",
                StatusTimelineViewModel.shareText(new StatusShare(DeploymentStatus.READY, Duration.ofMinutes(125), 0.82)));
        assertEquals("Older history not loaded yet: 3 d (15%)",
                StatusTimelineViewModel.shareText(new StatusShare(null, Duration.ofDays(3), 0.15)));
    }

    @Test
    void theHistoryCanBeFilteredByStatusAndByText() {
        FakeDeploymentApiClient.Stored stored = client.create("default", "llama", 1);
        client.addChanges(stored, 6);
        client.changeElsewhere(stored, DeploymentStatus.ERROR, "CrashLoopBackOff: container nim exited 137");
        timeline.show(stored.toResource());
        assertEquals(8, timeline.items().size());

        timeline.statusFilterProperty().set(DeploymentStatus.READY);
        assertEquals(3, timeline.items().size());
        assertTrue(timeline.items().stream().allMatch(item -> item.status() == DeploymentStatus.READY));
        assertEquals("3 matching \u00b7 8 entries", timeline.summaryProperty().get());

        timeline.statusFilterProperty().set(null);
        timeline.textFilterProperty().set("crashloop");
        assertEquals(List.of("CrashLoopBackOff: container nim exited 137"),
                timeline.items().stream().map(item -> item.entry().statusMessage()).toList());
        timeline.textFilterProperty().set("BOB");
        assertEquals(1, timeline.items().size(), "the actor is searched too");

        timeline.statusFilterProperty().set(DeploymentStatus.PENDING);
        assertTrue(timeline.items().isEmpty(), "both filters apply");
        assertTrue(timeline.filteringProperty().get());

        timeline.clearFilter();
        assertFalse(timeline.filteringProperty().get());
        assertEquals(newestFirst(stored.history), shownNewestFirst());
        assertEquals("8 entries", timeline.summaryProperty().get());
    }

    @Test
    void aNewerEntryThatMatchesTheFilterComesOnTop() {
        FakeDeploymentApiClient.Stored stored = client.create("default", "llama", 1);
        client.addChanges(stored, 2);
        timeline.show(stored.toResource());
        timeline.statusFilterProperty().set(DeploymentStatus.ERROR);
        assertTrue(timeline.items().isEmpty());

        client.changeElsewhere(stored, DeploymentStatus.ERROR, "OOMKilled");
        timeline.merge(stored.toResource());

        assertEquals(List.of("OOMKilled"), timeline.items().stream().map(item -> item.entry().statusMessage()).toList());
    }

    @Test
    void theLegendLeavesOutSharesThatShowAsZero() {
        FakeDeploymentApiClient.Stored stored = client.create("default", "llama", 1);
        client.addChanges(stored, 1);
        now = client.clock.plus(Duration.ofDays(30));
        timeline.show(stored.toResource());

        assertEquals(List.of(DeploymentStatus.READY),
                timeline.legend().stream().map(StatusShare::status).toList(), "Created lasted one minute of 30 days");
        assertEquals(2, timeline.shares().size(), "the strip still has both segments");
    }

    @Test
    void copyMessageTakesTheWholeMessage() {
        String longMessage = "x".repeat(600);
        TimelineItem item = new TimelineItem(new StatusHistoryEntry(now, DeploymentStatus.ERROR, longMessage, "bob",
                null), null);
        assertEquals(longMessage, StatusTimelineViewModel.messageOf(item));
        assertEquals("", StatusTimelineViewModel.messageOf(new TimelineItem(
                new StatusHistoryEntry(now, DeploymentStatus.ERROR, null, "bob", null), null)));
    }
}
