package io.modeldeploy.gui.list;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.ModelDeployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

import static io.modeldeploy.gui.Deployments.T0;
import static io.modeldeploy.gui.Deployments.entry;
import static io.modeldeploy.model.DeploymentStatus.CREATED;
import static io.modeldeploy.model.DeploymentStatus.DELETED;
import static io.modeldeploy.model.DeploymentStatus.ERROR;
import static io.modeldeploy.model.DeploymentStatus.PENDING;
import static io.modeldeploy.model.DeploymentStatus.READY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streamed changes applied to the list without a window: merge, order, duplicates, purges, highlights. */
class DeploymentListLiveTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-07-02T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Runs background work only when told to. */
    static final class Queue implements Executor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            tasks.add(command);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    private FakeClient client;
    private Queue background;
    private ManualClock clock;
    private ConsoleSession session;
    private DeploymentListViewModel vm;
    private ModelDeployment llama;

    @BeforeEach
    void setUp() {
        client = new FakeClient();
        llama = Deployments.withHistory(Deployments.of("prod", "llama", CREATED, ""),
                entry(CREATED, "Deployment created", T0, "alice"),
                entry(READY, "serving", T0.plusSeconds(60), "ctrl"));
        client.deployments.addAll(List.of(llama,
                Deployments.of("prod", "phi", ERROR, "oom"),
                Deployments.of("dev", "gemma", PENDING, "pulling")));
        background = new Queue();
        clock = new ManualClock();
        session = TestSessions.of(client, new TaskRunner(background, Runnable::run), clock);
        vm = new DeploymentListViewModel(session);
        vm.visibleRows().setComparator(Comparator.comparing(DeploymentRow::key));
        vm.refresh();
        background.runAll();
    }

    /** Streams {@code events} into the session; answers the keys of the rows they changed, in row order. */
    private List<String> applyEvents(List<DeploymentEvent> events) {
        java.util.Map<String, DeploymentRow> before = new java.util.HashMap<>();
        vm.rows().forEach(r -> before.put(r.key(), r));
        session.onEvents(events);
        List<String> changed = new java.util.ArrayList<>();
        vm.rows().forEach(r -> {
            if (before.remove(r.key()) != r) {
                changed.add(r.key());
            }
        });
        changed.addAll(before.keySet().stream().filter(k -> vm.rows().stream().noneMatch(r -> r.key().equals(k)))
                .toList());
        return changed;
    }

    private DeploymentRow row(String workspace, String name) {
        return vm.find(workspace, name).orElseThrow();
    }

    @Test
    void aStatusChangeUpdatesTheRowAppendsItsEntryAndHighlightsIt() {
        DeploymentEvent change = Deployments.statusChanged(11, llama, ERROR, "node lost", T0.plusSeconds(120), "bob");
        List<String> changed = applyEvents(List.of(change));

        assertEquals(List.of("prod/llama"), changed);
        DeploymentRow row = row("prod", "llama");
        assertEquals(ERROR, row.status());
        assertEquals("node lost", row.message());
        assertEquals(T0.plusSeconds(120), row.updatedAt());
        assertEquals(List.of(CREATED, READY, ERROR), row.deployment().statusHistory().stream()
                .map(e -> e.status()).toList(), "the history is the held one plus the added entry");
        assertTrue(vm.highlights().containsKey("prod/llama"));
        assertEquals(Duration.ZERO, vm.highlightAge("prod/llama").orElseThrow());
        assertEquals(0, client.getCalls, "nothing had to be read");
    }

    @Test
    void eventsOfOneBatchAreAppliedInOrder() {
        DeploymentEvent first = Deployments.statusChanged(11, llama, PENDING, "restarting", T0.plusSeconds(120), "bob");
        ModelDeployment between = Deployments.after(llama, first);
        DeploymentEvent second = Deployments.statusChanged(12, between, READY, "back", T0.plusSeconds(180), "bob");

        applyEvents(List.of(first, second));

        DeploymentRow row = row("prod", "llama");
        assertEquals(READY, row.status());
        assertEquals("back", row.message());
        assertEquals(4, row.deployment().statusHistory().size());
    }

    @Test
    void aReplayedOrOlderStateChangesNothingAndIsNotHighlighted() {
        DeploymentEvent change = Deployments.statusChanged(11, llama, ERROR, "node lost", T0.plusSeconds(120), "bob");
        applyEvents(List.of(change));
        vm.pruneHighlights();
        clock.now = clock.now.plus(Duration.ofSeconds(5));
        vm.pruneHighlights();
        assertTrue(vm.highlights().isEmpty());
        DeploymentRow before = row("prod", "llama");

        assertEquals(List.of(), applyEvents(List.of(change)), "the same state again");
        DeploymentEvent older = Deployments.statusChanged(9, llama, PENDING, "old news", T0.plusSeconds(90), "bob");
        assertEquals(List.of(), applyEvents(List.of(older)));

        assertTrue(vm.highlights().isEmpty());
        assertEquals(before, row("prod", "llama"), "the very same row object");
        assertEquals(3, row("prod", "llama").deployment().statusHistory().size());
    }

    @Test
    void aChangeOfAnOlderVersionLeavesTheRowAsItIs() {
        ModelDeployment v2 = Deployments.of("prod", "phi", 2, PENDING, "update pending", T0.plusSeconds(30));
        applyEvents(List.of(Deployments.event(20, DeploymentEventType.VERSION_CREATED,
                Deployments.withHistory(v2, entry(PENDING, "update pending", T0.plusSeconds(30), "alice")))));
        assertEquals(2, row("prod", "phi").version());

        ModelDeployment v1 = Deployments.of("prod", "phi", ERROR, "oom");
        applyEvents(List.of(Deployments.statusChanged(21, v1, DELETED, "gone", T0.plusSeconds(40), "ctrl")));

        assertEquals(2, row("prod", "phi").version());
        assertEquals(PENDING, row("prod", "phi").status());
    }

    @Test
    void newDeploymentsAndVersionsUpdateCountsAndWorkspaceChoices() {
        assertEquals(1, vm.countProperty(PENDING).get());
        ModelDeployment created = Deployments.withHistory(Deployments.of("staging", "qwen", CREATED, ""),
                entry(CREATED, "Deployment created", T0.plusSeconds(5), "carol"));
        applyEvents(List.of(Deployments.event(30, DeploymentEventType.CREATED, created)));

        assertTrue(vm.exists("staging", "qwen"));
        assertEquals(List.of("All workspaces (4)", "dev (1)", "prod (2)", "staging (1)"),
                vm.workspaceOptions().stream().map(WorkspaceOption::toString).toList());
        assertEquals(1, vm.countProperty(CREATED).get());
        assertEquals(4, vm.totalCountProperty().get());

        ModelDeployment v2 = Deployments.withHistory(Deployments.of("dev", "gemma", 2, PENDING, "", T0),
                entry(PENDING, "Deployment update pending", T0.plusSeconds(9), "carol"));
        applyEvents(List.of(Deployments.event(31, DeploymentEventType.VERSION_CREATED, v2)));
        assertEquals(2, row("dev", "gemma").version());
        assertEquals("Deployment update pending", row("dev", "gemma").message());
        assertTrue(vm.highlights().keySet().containsAll(List.of("staging/qwen", "dev/gemma")));
    }

    @Test
    void aChangeOfADeploymentNotHeldShowsAtOnceWithoutPassingOffItsEntryAsTheWholeHistory() {
        ModelDeployment unknown = Deployments.of("prod", "mistral", READY, "");
        applyEvents(List.of(Deployments.statusChanged(40, unknown, READY, "up", T0.plusSeconds(3), "a")));

        DeploymentRow row = row("prod", "mistral");
        assertEquals(READY, row.status());
        assertEquals(T0.plusSeconds(3), row.updatedAt());
        assertTrue(row.deployment().statusHistory().isEmpty(), "one entry is not the history: it is read when needed");
        assertTrue(vm.highlights().containsKey("prod/mistral"));
        assertEquals(0, client.getCalls, "the list needs no read for it");
    }

    @Test
    void purgingTheLatestVersionShowsThePreviousOneAndPurgingTheLastRemovesTheRow() {
        ModelDeployment v2 = Deployments.withHistory(Deployments.of("prod", "phi", 2, PENDING, "", T0),
                entry(PENDING, "Deployment update pending", T0.plusSeconds(9), "carol"));
        applyEvents(List.of(Deployments.event(50, DeploymentEventType.VERSION_CREATED, v2)));
        // The server purges v2; v1 stays, and the console holds it already.
        applyEvents(List.of(Deployments.event(51, DeploymentEventType.PURGED, v2)));
        assertEquals(1, row("prod", "phi").version());
        assertEquals(ERROR, row("prod", "phi").status());
        assertEquals(0, client.getCalls);

        client.deployments.removeIf(d -> d.name().equals("phi"));
        applyEvents(List.of(Deployments.event(52, DeploymentEventType.PURGED,
                Deployments.of("prod", "phi", ERROR, "oom"))));
        assertEquals(1, row("prod", "phi").version(), "the row stays until the server says what is left");
        background.runAll();
        assertEquals(1, client.getCalls);
        assertFalse(vm.exists("prod", "phi"));
        assertEquals(List.of("All workspaces (2)", "dev (1)", "prod (1)"),
                vm.workspaceOptions().stream().map(WorkspaceOption::toString).toList());
    }

    @Test
    void thePurgeOfAnOlderVersionLeavesTheRow() {
        ModelDeployment v2 = Deployments.withHistory(Deployments.of("prod", "phi", 2, PENDING, "", T0),
                entry(PENDING, "Deployment update pending", T0.plusSeconds(9), "carol"));
        applyEvents(List.of(Deployments.event(50, DeploymentEventType.VERSION_CREATED, v2)));
        applyEvents(List.of(Deployments.event(51, DeploymentEventType.PURGED,
                Deployments.of("prod", "phi", DELETED, "gone"))));
        background.runAll();
        assertEquals(0, client.getCalls);
        assertEquals(2, row("prod", "phi").version());
    }

    @Test
    void aDeploymentCreatedAgainUnderAPurgedNameReplacesTheRow() {
        ModelDeployment v3 = Deployments.of("prod", "phi", 3, DELETED, "gone", T0.plusSeconds(50));
        session.store().merge(v3, DeploymentStore.Origin.OWN_WRITE);
        ModelDeployment reborn = new ModelDeployment("model-deployment-new-phi", "phi", "prod", null,
                T0.plusSeconds(90), T0.plusSeconds(90), 1, "cfg", 1, CREATED, "Deployment created",
                List.of(entry(CREATED, "Deployment created", T0.plusSeconds(90), "dave")), null, null, null);
        applyEvents(List.of(Deployments.event(60, DeploymentEventType.CREATED, reborn)));
        assertEquals(1, row("prod", "phi").version());
        assertEquals("model-deployment-new-phi", row("prod", "phi").deployment().id());
    }

    @Test
    void highlightsEndAfterTheirDuration() {
        applyEvents(List.of(Deployments.statusChanged(11, llama, ERROR, "x", T0.plusSeconds(120), "bob")));
        clock.now = clock.now.plus(DeploymentListViewModel.HIGHLIGHT_DURATION.dividedBy(2));
        vm.pruneHighlights();
        assertEquals(DeploymentListViewModel.HIGHLIGHT_DURATION.dividedBy(2),
                vm.highlightAge("prod/llama").orElseThrow());
        clock.now = clock.now.plus(DeploymentListViewModel.HIGHLIGHT_DURATION);
        assertTrue(vm.highlightAge("prod/llama").isEmpty());
        vm.pruneHighlights();
        assertTrue(vm.highlights().isEmpty());
    }

    @Test
    void theSelectedRowStaysVisibleWhenAChangeTakesItOutOfTheFilterUntilTheSelectionMoves() {
        vm.toggleStatus(READY, true);
        background.runAll(); // filters are matched in the background
        assertEquals(List.of("prod/llama"), visibleKeys());
        vm.setSelectedKey("prod/llama");

        applyEvents(List.of(Deployments.statusChanged(11, llama, ERROR, "x", T0.plusSeconds(120), "bob")));

        assertEquals(List.of("prod/llama"), visibleKeys(), "the admin is looking at it");
        assertTrue(vm.isKeptOutsideFilter(row("prod", "llama")));
        assertEquals(0, vm.countProperty(READY).get(), "the counts tell the truth");

        vm.setSelectedKey(null);
        assertEquals(List.of(), visibleKeys());
        assertFalse(vm.isKeptOutsideFilter(row("prod", "llama")));
    }

    @Test
    void anUnselectedRowLeavesTheFilterAtOnceAndAFilterChangeAppliesToTheKeptRowToo() {
        vm.toggleStatus(READY, true);
        background.runAll();
        applyEvents(List.of(Deployments.statusChanged(11, llama, ERROR, "x", T0.plusSeconds(120), "bob")));
        assertEquals(List.of(), visibleKeys());

        DeploymentEvent back = Deployments.statusChanged(12, row("prod", "llama").deployment(), READY, "y",
                T0.plusSeconds(130), "bob");
        applyEvents(List.of(back));
        vm.setSelectedKey("prod/llama");
        applyEvents(List.of(Deployments.statusChanged(13, row("prod", "llama").deployment(), ERROR, "z",
                T0.plusSeconds(140), "bob")));
        assertEquals(List.of("prod/llama"), visibleKeys());
        vm.toggleStatus(PENDING, true);
        background.runAll();
        assertEquals(List.of("dev/gemma"), visibleKeys(), "an explicit filter change applies to every row");
    }

    @Test
    void changesArrivingWhileTheListLoadsSurviveTheLoad() {
        vm.refresh(); // a reload starts; its answer is what the server had before the change
        DeploymentEvent change = Deployments.statusChanged(11, llama, ERROR, "node lost", T0.plusSeconds(120), "bob");
        applyEvents(List.of(change));
        ModelDeployment v2 = Deployments.withHistory(Deployments.of("prod", "phi", 2, PENDING, "", T0),
                entry(PENDING, "Deployment update pending", T0.plusSeconds(9), "carol"));
        applyEvents(List.of(Deployments.event(12, DeploymentEventType.VERSION_CREATED, v2)));

        background.runAll();

        assertEquals(ERROR, row("prod", "llama").status());
        assertEquals(2, row("prod", "phi").version());
    }

    @Test
    void anAnswerOlderThanAStreamedChangeDoesNotUndoIt() {
        DeploymentEvent change = Deployments.statusChanged(11, llama, ERROR, "later", T0.plusSeconds(120), "bob");
        applyEvents(List.of(change));
        session.store().merge(Deployments.withHistory(llama, entry(CREATED, "Deployment created", T0, "alice"),
                entry(READY, "serving", T0.plusSeconds(60), "ctrl"), entry(PENDING, "mine", T0.plusSeconds(100),
                        "me")), DeploymentStore.Origin.OWN_WRITE);
        assertEquals("later", row("prod", "llama").message());
    }

    private List<String> visibleKeys() {
        return vm.visibleRows().stream().map(DeploymentRow::key).toList();
    }
}
