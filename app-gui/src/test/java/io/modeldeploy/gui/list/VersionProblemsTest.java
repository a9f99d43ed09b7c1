package io.modeldeploy.gui.list;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.gui.session.DeploymentStore.Origin;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.modeldeploy.model.DeploymentStatus.CREATED;
import static io.modeldeploy.model.DeploymentStatus.DELETED;
import static io.modeldeploy.model.DeploymentStatus.DELETING;
import static io.modeldeploy.model.DeploymentStatus.ERROR;
import static io.modeldeploy.model.DeploymentStatus.LOST;
import static io.modeldeploy.model.DeploymentStatus.PENDING;
import static io.modeldeploy.model.DeploymentStatus.READY;
import static io.modeldeploy.model.DeploymentStatus.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Older versions in the list without a window: the fleet read brings every version, a row shows
 * the worst problem of its older versions, the chips can count every version, and the Status
 * column sorts by severity (stuck included).
 */
class VersionProblemsTest {

    private static final Duration STUCK_AFTER = Duration.ofMinutes(10);

    private final DeploymentListLiveTest.ManualClock clock = new DeploymentListLiveTest.ManualClock();
    private FakeClient client;
    private ConsoleSession session;
    private DeploymentListViewModel vm;
    private Instant now;

    @BeforeEach
    void setUp() {
        now = clock.now;
        client = new FakeClient();
        client.deployments.addAll(List.of(
                version("nlp", "e5-mistral-7b", 1, ERROR, "CrashLoopBackOff", now.minusSeconds(300)),
                version("nlp", "e5-mistral-7b", 2, READY, "", now.minusSeconds(60)),
                version("nlp", "llama", 1, READY, "", now.minusSeconds(60)),
                version("nlp", "phi", 1, ERROR, "oom", now.minusSeconds(60))));
        client.stuckAfterSeconds = Map.of(CREATED, STUCK_AFTER.toSeconds(), PENDING, STUCK_AFTER.toSeconds(),
                DELETING, STUCK_AFTER.toSeconds());
        session = TestSessions.of(client, TaskRunner.direct(), clock);
        session.readAttentionLimits();
        vm = new DeploymentListViewModel(session);
        vm.visibleRows().setComparator(Comparator.comparing(DeploymentRow::key));
        vm.refresh();
    }

    private static ModelDeployment version(String workspace, String name, int version, DeploymentStatus status,
                                           String message, Instant updatedAt) {
        return Deployments.of(workspace, name, version, status, message, updatedAt);
    }

    private List<String> visibleKeys() {
        return vm.visibleRows().stream().map(DeploymentRow::key).toList();
    }

    @Test
    void theFleetReadBringsEveryVersionAndTheRowShowsAnOlderVersionsError() {
        assertTrue(client.listedAllVersions, "the list asks the server for every version");
        DeploymentRow e5 = vm.find("nlp", "e5-mistral-7b").orElseThrow();
        assertEquals(2, e5.version(), "the row shows the latest version");
        assertEquals(READY, e5.status());
        assertEquals(1, e5.olderProblem().entityVersion(), "the badge: v1 Error");
        assertEquals(Severity.ERROR, e5.olderProblemSeverity());
        assertEquals(Set.of(ERROR, READY), e5.everyStatus());
        assertNull(vm.find("nlp", "llama").orElseThrow().olderProblem());
    }

    @Test
    void anOlderVersionNoWorseThanTheLatestOrNotInTroubleGetsNoBadge() {
        session.store().mergeAll(List.of(
                version("w", "rolling", 1, PENDING, "", now.minusSeconds(30)),
                version("w", "rolling", 2, READY, "", now),
                version("w", "both-bad", 1, ERROR, "", now.minusSeconds(30)),
                version("w", "both-bad", 2, ERROR, "", now)), Origin.LOAD);
        assertNull(vm.find("w", "rolling").orElseThrow().olderProblem(), "a version rolling out is no problem");
        assertNull(vm.find("w", "both-bad").orElseThrow().olderProblem(), "the row shows Error already");
    }

    @Test
    void aStreamedChangeOfAnOlderVersionShowsOnItsRow() {
        ModelDeployment llamaV2 = version("nlp", "llama", 2, READY, "", now);
        session.store().merge(llamaV2, Origin.OWN_WRITE);
        ModelDeployment llamaV1 = session.store().versions(new DeploymentKey("nlp", "llama"))
                .get(1);
        session.onEvents(List.of(Deployments.statusChanged(50, llamaV1, LOST, "node gone", now.plusSeconds(1), "ctrl")));
        DeploymentRow llama = vm.find("nlp", "llama").orElseThrow();
        assertEquals(2, llama.version());
        assertEquals(LOST, llama.olderProblem().status());
        assertTrue(vm.highlights().containsKey("nlp/llama"), "changed elsewhere: highlighted");
    }

    @Test
    void theChipsCountTheLatestVersionsOrEveryVersion() {
        assertEquals(1, vm.countProperty(ERROR).get(), "latest only: phi");
        assertEquals(2, vm.countProperty(READY).get());
        assertEquals(3, vm.countAnyStatusProperty().get());

        vm.allVersionsProperty().set(true);
        assertEquals(2, vm.countProperty(ERROR).get(), "every version: phi and e5-mistral-7b v1");
        assertEquals(2, vm.countProperty(READY).get());
        assertEquals(3, vm.countAnyStatusProperty().get(), "All counts deployments, not versions");

        vm.toggleStatus(ERROR, true);
        assertEquals(List.of("nlp/e5-mistral-7b", "nlp/phi"), visibleKeys(), "the Error chip finds v1's error");
        assertEquals(3, vm.countAnyStatusProperty().get(), "the counts do not depend on the chosen chips");
        vm.allVersionsProperty().set(false);
        assertEquals(List.of("nlp/phi"), visibleKeys());
    }

    @Test
    void theNeedsAttentionCountTakesTheLatestVersionsOrEveryVersionAndStuckOnes() {
        assertEquals(1, vm.needingAttentionProperty().get(), "latest only: phi");
        vm.allVersionsProperty().set(true);
        assertEquals(2, vm.needingAttentionProperty().get(), "every version: phi and e5-mistral-7b (v1)");

        session.store().merge(version("nlp", "slow", 1, DELETING, "", now.minusSeconds(60)), Origin.LOAD);
        assertEquals(2, vm.needingAttentionProperty().get());
        clock.now = now.plus(STUCK_AFTER);
        vm.refreshStuck();
        assertEquals(3, vm.needingAttentionProperty().get(), "stuck in Deleting");
        vm.searchTextProperty().set("phi");
        assertEquals(1, vm.needingAttentionProperty().get(), "within the workspace and search filters");
    }

    @Test
    void aVersionUnchangedInProgressForLongIsStuckOnceTheTimeHasPassed() {
        session.store().merge(version("w", "slow", 1, PENDING, "Pulling image", now.minusSeconds(60)),
                Origin.LOAD);
        assertEquals(Severity.PENDING, vm.find("w", "slow").orElseThrow().severity());

        clock.now = now.plus(STUCK_AFTER);
        vm.refreshStuck();
        assertEquals(Severity.STUCK, vm.find("w", "slow").orElseThrow().severity());
    }

    @Test
    void theStatusColumnSortsBySeverityStuckAfterLostAndBeforePending() {
        Instant longAgo = now.minus(STUCK_AFTER).minusSeconds(1);
        List<ModelDeployment> fleet = List.of(
                version("s", "deleted", 1, DELETED, "", now),
                version("s", "ready", 1, READY, "", now),
                version("s", "deleting", 1, DELETING, "", now),
                version("s", "unknown", 1, UNKNOWN, "", now),
                version("s", "created", 1, CREATED, "", now),
                version("s", "pending", 1, PENDING, "", now),
                version("s", "stuck", 1, DELETING, "", longAgo),
                version("s", "lost", 1, LOST, "", now),
                version("s", "error", 1, ERROR, "", now));
        session.store().mergeAll(fleet, Origin.LOAD);
        vm.selectWorkspace("s");
        List<DeploymentRow> rows = new ArrayList<>(vm.visibleRows());
        Collections.shuffle(rows, new java.util.Random(7));
        rows.sort(vm.severityOrder());
        assertEquals(List.of("error", "lost", "stuck", "pending", "created", "unknown", "deleting", "ready",
                "deleted"), rows.stream().map(DeploymentRow::name).toList());
    }

    @Test
    void withEveryVersionCountedTheWorstVersionDecidesTheOrder() {
        session.store().merge(version("nlp", "qwen", 1, LOST, "", now),
                Origin.LOAD);
        List<DeploymentRow> rows = new ArrayList<>(vm.rows());
        rows.sort(vm.severityOrder());
        assertEquals(List.of("phi", "qwen", "e5-mistral-7b", "llama"), rows.stream().map(DeploymentRow::name).toList(),
                "latest only: Error, Lost, then the Ready row with an older Error before the plain Ready one");
        vm.allVersionsProperty().set(true);
        rows.sort(vm.severityOrder());
        assertEquals(List.of("phi", "e5-mistral-7b", "qwen", "llama"), rows.stream().map(DeploymentRow::name).toList(),
                "every version: by the worst version, the latest's state breaking ties");
    }
}
