package io.modeldeploy.gui.alerts;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.api.DeploymentEventStream.ResyncReason;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentStore.Origin;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.session.VersionKey;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StreamHeartbeat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.modeldeploy.model.DeploymentStatus.ERROR;
import static io.modeldeploy.model.DeploymentStatus.LOST;
import static io.modeldeploy.model.DeploymentStatus.PENDING;
import static io.modeldeploy.model.DeploymentStatus.READY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alert rules without a window: which store changes raise an alert (moves into a watched
 * status, in a watched workspace, made elsewhere while the console runs; a version becoming stuck
 * once per stay), and which never do (the first read, a resync, this console's own writes).
 */
class AlertCenterTest {

    private final ManualTime time = new ManualTime();
    private final Instant start = time.instant();
    private final AlertFakeClient client = new AlertFakeClient();
    private final List<Toast> toasts = new ArrayList<>();
    private final List<String> desktop = new ArrayList<>();
    private ConsoleSession session;
    private AlertCenter center;
    private long nextEventId = 1;

    private void start(AlertRules rules, ModelDeployment... fleet) {
        client.deployments.addAll(List.of(fleet));
        session = TestSessions.of(client, TaskRunner.direct(), time);
        ToastQueue queue = new ToastQueue(time, time);
        queue.addListener(toasts::add);
        center = new AlertCenter(session, rules, queue, (title, body) -> desktop.add(title));
        session.onHeartbeat(new StreamHeartbeat(0, start)); // live: stuck limits and the fleet are read
    }

    private static ModelDeployment inStatusSince(String workspace, String name, DeploymentStatus status,
                                                 String message, Instant since) {
        ModelDeployment d = Deployments.of(workspace, name, 1, status, message, since);
        return new ModelDeployment(d.id(), d.name(), d.workspace(), d.project(), d.createdAt(), d.updatedAt(),
                d.entityVersion(), d.config(), d.configVersion(), d.status(), d.statusMessage(), d.statusHistory(),
                d.modelProviderId(), d.authContext(), since);
    }

    /** A change made elsewhere, streamed: {@code workspace/name} v1 moves to {@code status} a second on. */
    private void streamed(String workspace, String name, DeploymentStatus status, String message, String actor) {
        time.advance(Duration.ofSeconds(1));
        ModelDeployment held = session.store().get(new VersionKey(workspace, name, 1)).orElseThrow();
        DeploymentEvent event = Deployments.statusChanged(nextEventId++, held, status, message, time.instant(), actor);
        session.onEvents(List.of(event));
    }

    private List<String> alertTexts() {
        return center.alerts().stream().map(a -> a.deployment() + " " + a.what()).toList();
    }

    @Test
    void theFirstReadRaisesNothingEvenForErrorsLostAndStuckDeployments() {
        client.stuckAfterSeconds = Map.of(PENDING, 60L);
        start(AlertRules.DEFAULT,
                inStatusSince("w", "broken", ERROR, "CUDA out of memory", start.minusSeconds(600)),
                inStatusSince("w", "gone", LOST, "node down", start.minusSeconds(600)),
                inStatusSince("w", "slow", PENDING, "Pulling image", start.minusSeconds(3600)));
        time.advance(Duration.ofMinutes(5));
        center.recheckStuck();

        assertEquals(List.of(), alertTexts(), "what was wrong before the console started is not an alert");
        assertEquals(0, center.unreadProperty().get());
        assertEquals(List.of(), toasts);
    }

    @Test
    void aStreamedMoveIntoErrorIsOneAlertSayingWhatWhenAndWho() {
        start(AlertRules.DEFAULT, inStatusSince("team-nlp", "llama", READY, "", start.minusSeconds(600)));
        time.advance(Duration.ofSeconds(30));
        Instant changedAt = time.instant().plusSeconds(1);
        streamed("team-nlp", "llama", ERROR, "CUDA out of memory", "alice");

        assertEquals(1, center.alerts().size());
        DeploymentAlert alert = center.alerts().get(0);
        assertEquals("team-nlp/llama v1", alert.deployment());
        assertEquals("ERROR: CUDA out of memory", alert.what());
        assertEquals(changedAt, alert.at());
        assertEquals("alice", alert.actor());
        assertEquals(1, center.unreadProperty().get());

        streamed("team-nlp", "llama", ERROR, "CUDA out of memory (retry 2)", "alice");
        assertEquals(1, center.alerts().size(), "a new message in the same status is no transition");

        center.markAllRead();
        assertEquals(0, center.unreadProperty().get());
        assertEquals(1, center.alerts().size(), "read alerts stay listed");
        center.clear();
        assertEquals(List.of(), center.alerts());
    }

    @Test
    void onlyTheChosenStatusesRaiseAlerts() {
        start(new AlertRules(EnumSet.of(LOST), true, Set.of(), false, false),
                inStatusSince("w", "a", READY, "", start), inStatusSince("w", "b", READY, "", start));
        streamed("w", "a", ERROR, "boom", "bob");
        streamed("w", "b", LOST, "node down", "controller");

        assertEquals(List.of("w/b v1 LOST: node down"), alertTexts());
    }

    @Test
    void onlyTheChosenWorkspacesRaiseAlerts() {
        start(new AlertRules(EnumSet.of(ERROR, LOST), false, Set.of("team-a"), false, false),
                inStatusSince("team-a", "x", READY, "", start), inStatusSince("team-b", "y", READY, "", start));
        streamed("team-b", "y", ERROR, "boom", "bob");
        streamed("team-a", "x", ERROR, "boom", "bob");

        assertEquals(List.of("team-a/x v1 ERROR: boom"), alertTexts());
    }

    @Test
    void aResyncAfterAReconnectAlertsWhatFailedWhileTheStreamWasDown() {
        start(AlertRules.DEFAULT, inStatusSince("w", "a", READY, "", start));
        client.deployments.set(0, inStatusSince("w", "a", ERROR, "failed while we were away", start.plusSeconds(5)));
        time.advance(Duration.ofSeconds(10));

        session.onResync(ResyncReason.EVENTS_EXPIRED);

        assertEquals(ERROR, session.store().get(new VersionKey("w", "a", 1)).orElseThrow().status(),
                "the resync read the new state");
        assertEquals(List.of("w/a v1 ERROR: failed while we were away"), alertTexts());
    }

    @Test
    void thisConsolesOwnChangeRaisesNothing() {
        start(AlertRules.DEFAULT, inStatusSince("w", "a", READY, "", start));
        session.store().merge(inStatusSince("w", "a", ERROR, "set by me", start.plusSeconds(1)), Origin.OWN_WRITE);

        assertEquals(List.of(), alertTexts());
    }

    @Test
    void aPolledMoveIntoLostRaisesAnAlertLikeAStreamedOne() {
        start(AlertRules.DEFAULT, inStatusSince("w", "a", READY, "", start));
        session.store().merge(inStatusSince("w", "a", LOST, "node down", start.plusSeconds(1)), Origin.POLL);

        assertEquals(List.of("w/a v1 LOST: node down"), alertTexts());
        assertNull(center.alerts().get(0).actor(), "a copy without history names nobody");
    }

    @Test
    void stuckIsRaisedOnceWhenTimeAlonePassesTheLimitAndAgainOnlyAfterLeavingAndReEntering() {
        client.stuckAfterSeconds = Map.of(PENDING, 40 * 60L);
        start(AlertRules.DEFAULT, inStatusSince("w", "slow", PENDING, "Pulling image", start.minusSeconds(30 * 60)));

        time.advance(Duration.ofMinutes(5));
        center.recheckStuck();
        assertEquals(List.of(), alertTexts(), "35 min of a 40 min limit");

        time.advance(Duration.ofMinutes(6));
        center.recheckStuck();
        assertEquals(List.of("w/slow v1 stuck in PENDING for 41 min"), alertTexts());
        DeploymentAlert alert = center.alerts().get(0);
        assertTrue(alert.stuck());
        assertEquals(start.plusSeconds(10 * 60), alert.at(), "when it became stuck: since + limit");

        time.advance(Duration.ofMinutes(30));
        center.recheckStuck();
        streamed("w", "slow", PENDING, "Still pulling", "controller");
        center.recheckStuck();
        assertEquals(1, center.alerts().size(), "once per stay in Pending, whatever happens meanwhile");

        streamed("w", "slow", READY, "", "controller");
        streamed("w", "slow", PENDING, "Rolling out", "alice");
        time.advance(Duration.ofMinutes(39).minusSeconds(1));
        center.recheckStuck();
        assertEquals(1, center.alerts().size(), "back in Pending, not past the limit yet");
        time.advance(Duration.ofMinutes(2));
        center.recheckStuck();
        assertEquals(List.of("w/slow v1 stuck in PENDING for 40 min", "w/slow v1 stuck in PENDING for 41 min"),
                alertTexts(), "left and entered again: a new stay, a new alert");
    }

    @Test
    void limitsThatArriveAfterTheFirstReadRaiseNothingForWhatWasStuckAlreadyButWatchTheRest() {
        start(AlertRules.DEFAULT,
                inStatusSince("w", "long-stuck", PENDING, "Pulling image", start.minusSeconds(3600)),
                inStatusSince("w", "fresh", PENDING, "Pulling image", start.minusSeconds(30)));
        client.stuckAfterSeconds = Map.of(PENDING, 60L);
        session.readAttentionLimits();
        center.recheckStuck();
        assertEquals(List.of(), alertTexts(), "stuck before the console knew the limits");

        time.advance(Duration.ofSeconds(45));
        center.recheckStuck();
        assertEquals(List.of("w/fresh v1 stuck in PENDING for 1 min"), alertTexts());
    }

    @Test
    void stuckAlertsCanBeTurnedOff() {
        client.stuckAfterSeconds = Map.of(PENDING, 60L);
        start(new AlertRules(EnumSet.of(ERROR), true, Set.of(), false, false),
                inStatusSince("w", "slow", PENDING, "Pulling image", start));
        time.advance(Duration.ofMinutes(5));
        center.recheckStuck();

        assertEquals(List.of(), alertTexts());
    }

    @Test
    void newAlertsBecomeAToastAndADesktopNotificationWhenTheRulesSaySo() {
        start(AlertRules.DEFAULT, inStatusSince("w", "a", READY, "", start), inStatusSince("w", "b", READY, "", start));
        streamed("w", "a", ERROR, "boom", "bob");
        time.advance(ToastQueue.GATHER);

        assertEquals(List.of("w/a v1: ERROR: boom"), toasts.stream().map(Toast::title).toList());
        assertEquals(List.of("w/a v1: ERROR: boom"), desktop);

        center.rulesProperty().set(new AlertRules(EnumSet.of(ERROR, LOST), true, Set.of(), true, false));
        time.advance(Duration.ofSeconds(5));
        streamed("w", "b", LOST, "node down", "controller");
        time.advance(ToastQueue.GATHER);
        assertEquals(2, toasts.size());
        assertEquals(List.of("w/a v1: ERROR: boom"), desktop, "desktop notifications turned off");
    }
}
