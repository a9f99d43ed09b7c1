package io.modeldeploy.gui.list;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentStore.Origin;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StreamHeartbeat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.modeldeploy.model.DeploymentStatus.DELETING;
import static io.modeldeploy.model.DeploymentStatus.ERROR;
import static io.modeldeploy.model.DeploymentStatus.LOST;
import static io.modeldeploy.model.DeploymentStatus.PENDING;
import static io.modeldeploy.model.DeploymentStatus.READY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Needs attention" in the list without a window: the server's stuck limits read once, the count
 * and the chip's filter by the one rule, live with time (the clock tick) as well as with changes.
 */
class AttentionViewModelTest {

    private final DeploymentListLiveTest.ManualClock clock = new DeploymentListLiveTest.ManualClock();
    private final Instant now = clock.now;
    private final FakeClient client = new FakeClient();
    private ConsoleSession session;
    private DeploymentListViewModel vm;

    private void start(Map<DeploymentStatus, Long> limits, ModelDeployment... fleet) {
        client.stuckAfterSeconds = limits;
        client.deployments.addAll(List.of(fleet));
        session = TestSessions.of(client, TaskRunner.direct(), clock);
        vm = new DeploymentListViewModel(session);
        vm.visibleRows().setComparator(Comparator.comparing(DeploymentRow::key));
        session.onHeartbeat(new StreamHeartbeat(0, now)); // the stream is live: limits and fleet are read
    }

    private static ModelDeployment inStatusSince(String name, DeploymentStatus status, String message, Instant since) {
        ModelDeployment d = Deployments.of("w", name, 1, status, message, since.plusSeconds(5));
        return new ModelDeployment(d.id(), d.name(), d.workspace(), d.project(), d.createdAt(), d.updatedAt(),
                d.entityVersion(), d.config(), d.configVersion(), d.status(), d.statusMessage(), d.statusHistory(),
                d.modelProviderId(), d.authContext(), since);
    }

    private List<String> visibleNames() {
        return vm.visibleRows().stream().map(DeploymentRow::name).toList();
    }

    @Test
    void aVersionLeftInPendingPastAShortLimitCountsAfterTheTickNotBefore() {
        start(Map.of(PENDING, 60L), inStatusSince("slow", PENDING, "Pulling image", now.minusSeconds(30)),
                inStatusSince("fine", READY, "", now.minusSeconds(3600)));
        assertEquals(0, vm.needingAttentionProperty().get());

        clock.now = now.plusSeconds(45); // 75 s in Pending, limit 60 s
        assertEquals(0, vm.needingAttentionProperty().get(), "nothing judges again before the tick");
        vm.refreshStuck();
        assertEquals(1, vm.needingAttentionProperty().get(), "the tick finds it stuck without any event");
        DeploymentRow slow = vm.find("w", "slow").orElseThrow();
        assertEquals(Severity.STUCK, slow.severity());
        assertEquals("Pending for 1 min, limit 1 min", AttentionText.reason(slow.attention(), clock.now));

        vm.attentionOnlyProperty().set(true);
        assertEquals(List.of("slow"), visibleNames(), "the chip shows only what needs attention");
        vm.clearFilters();
        assertFalse(vm.attentionOnlyProperty().get());
        assertEquals(List.of("fine", "slow"), visibleNames());
    }

    @Test
    void stuckCountsFromWhenTheStatusBeganNotFromTheLastChangeOfMessage() {
        // status_since 40 min ago, the message changed 5 s after: the server's limit of 30 min has passed.
        start(Map.of(PENDING, 1800L), inStatusSince("rolling", PENDING, "Waiting for GPU", now.minus(Duration.ofMinutes(40))));
        assertEquals(1, vm.needingAttentionProperty().get());
        assertEquals("Pending for 40 min, limit 30 min",
                AttentionText.reason(vm.find("w", "rolling").orElseThrow().attention(), now));
    }

    @Test
    void aServerWithoutTheExtensionStillCountsErrorAndLostAndNothingIsStuck() {
        start(null, inStatusSince("broken", ERROR, "CrashLoopBackOff", now.minusSeconds(60)),
                inStatusSince("gone", LOST, "node gone", now.minusSeconds(60)),
                inStatusSince("ancient", DELETING, "", now.minus(Duration.ofDays(3))));
        assertEquals(2, vm.needingAttentionProperty().get());
        assertNull(vm.find("w", "ancient").orElseThrow().attention());
        vm.attentionOnlyProperty().set(true);
        assertEquals(List.of("broken", "gone"), visibleNames());
    }

    @Test
    void withoutStatusSinceTheRowFallsBackToUpdatedAt() {
        start(Map.of(PENDING, 600L), Deployments.of("w", "old-server", 1, PENDING, "", now.minusSeconds(700)),
                Deployments.of("w", "recent", 1, PENDING, "", now.minusSeconds(500)));
        assertTrue(vm.find("w", "old-server").orElseThrow().attention() != null);
        assertNull(vm.find("w", "recent").orElseThrow().attention());
        assertEquals(now.minusSeconds(500), vm.find("w", "recent").orElseThrow().statusSince());
    }

    @Test
    void limitsArrivingLaterJudgeEveryRowAgain() {
        client.stuckAfterSeconds = Map.of(PENDING, 60L);
        client.deployments.add(inStatusSince("slow", PENDING, "", now.minusSeconds(600)));
        session = TestSessions.of(client, TaskRunner.direct(), clock);
        vm = new DeploymentListViewModel(session);
        session.reloadFleet();
        assertEquals(0, vm.needingAttentionProperty().get(), "no limits known yet");
        session.readAttentionLimits();
        assertEquals(1, vm.needingAttentionProperty().get());
    }

    @Test
    void aLiveChangeOutOfTheStuckStatusEndsTheAttention() {
        start(Map.of(PENDING, 60L), inStatusSince("slow", PENDING, "", now.minusSeconds(600)));
        assertEquals(1, vm.needingAttentionProperty().get());
        ModelDeployment before = vm.find("w", "slow").orElseThrow().deployment();
        session.onEvents(List.of(Deployments.statusChanged(7, before, READY, "", now, "ctrl")));
        assertEquals(0, vm.needingAttentionProperty().get());
        session.store().merge(inStatusSince("other", LOST, "", now), Origin.LOAD);
        assertEquals(1, vm.needingAttentionProperty().get());
    }
}
