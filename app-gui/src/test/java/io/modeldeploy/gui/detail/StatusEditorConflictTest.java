package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusUpdateRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No silent overwrites: updates carry If-Match, and a version that changed since the edits started
 * (412, or a newer state arriving) becomes a conflict the admin resolves with Reload or Apply anyway.
 */
class StatusEditorConflictTest {

    /** Ninety seconds after the fake server's latest change, so relative times read "1 min ago". */
    private final class FollowingClock extends Clock {
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
            return client.clock.plusSeconds(90);
        }
    }

    private FakeDeploymentApiClient client;
    private QueuedExecutor background;
    private QueuedExecutor ui;
    private ConsoleSession session;
    private StatusEditorViewModel editor;
    private FakeDeploymentApiClient.Stored stored;
    private List<ModelDeployment> applied;

    @BeforeEach
    void setUp() {
        client = new FakeDeploymentApiClient();
        background = new QueuedExecutor();
        ui = new QueuedExecutor();
        session = TestSessions.of(client, new TaskRunner(background, ui), new FollowingClock());
        editor = new StatusEditorViewModel(session);
        applied = TestSessions.record(session, DeploymentStore.Origin.OWN_WRITE);
        stored = client.create("default", "llama", 1);
        editor.setDeployment(stored.toResource());
    }

    private void settle() {
        while (background.pending() > 0 || ui.pending() > 0) {
            background.runAll();
            ui.runAll();
        }
    }

    private void edit(DeploymentStatus status, String message) {
        editor.statusProperty().set(status);
        editor.messageProperty().set(message);
    }

    @Test
    void anUpdateCarriesTheEntityTagOfTheStateTheEditsStartedFrom() {
        String tag = stored.toResource().etag();
        edit(DeploymentStatus.READY, "serving");
        editor.apply();
        settle();

        assertEquals(List.of(tag), client.ifMatches);
        assertEquals(DeploymentStatus.READY, stored.status);
        assertNull(editor.getConflict());
    }

    @Test
    void aChangeMadeMeanwhileIsRefusedAndTheEditorSaysWhoChangedItWhenAndToWhat() {
        edit(DeploymentStatus.READY, "mine");
        client.changeElsewhere(stored, DeploymentStatus.ERROR, "node lost");
        Instant changedAt = client.clock;

        editor.apply();
        settle();

        EditConflict conflict = editor.getConflict();
        assertEquals(EditConflict.Cause.REJECTED, conflict.cause());
        assertEquals(DeploymentStatus.ERROR, conflict.current().status());
        assertEquals("Not applied: this version was changed by someone else first", editor.conflictText().titleProperty().get());
        assertEquals("bob set it to Error at " + TimeFormat.exact(changedAt) + " (1 min ago), via the API",
                editor.conflictText().whoProperty().get());
        assertEquals("Message: \u201Cnode lost\u201D", editor.conflictText().whatProperty().get());
        assertEquals(DeploymentStatus.READY, editor.statusProperty().get(), "the edits stay");
        assertEquals("mine", editor.messageProperty().get());
        assertFalse(editor.canApply(), "Apply waits for the admin's choice");
        assertTrue(editor.checks().canApplyAnywayProperty().get());
        assertEquals("", editor.getError(), "the banner says it all");
        assertTrue(applied.isEmpty());
        assertEquals(DeploymentStatus.ERROR, stored.status, "nothing was overwritten");
    }

    @Test
    void reloadTakesTheCurrentStateAndDropsTheEdits() {
        edit(DeploymentStatus.READY, "mine");
        client.changeElsewhere(stored, DeploymentStatus.ERROR, "node lost");
        editor.apply();
        settle();

        editor.reload();

        assertNull(editor.getConflict());
        assertEquals(DeploymentStatus.ERROR, editor.statusProperty().get());
        assertEquals("node lost", editor.messageProperty().get());
        assertFalse(editor.isDirty());
        assertEquals(stored.toResource(), editor.deploymentProperty().get());
        assertEquals(1, client.updates.size(), "nothing more was sent");
    }

    @Test
    void applyAnywaySendsTheEditsOnTopOfTheCurrentStateWithItsTag() {
        edit(DeploymentStatus.READY, "mine");
        client.changeElsewhere(stored, DeploymentStatus.ERROR, "node lost");
        editor.apply();
        settle();
        String currentTag = stored.toResource().etag();

        assertTrue(editor.applyAnyway());
        settle();

        assertNull(editor.getConflict());
        assertEquals(currentTag, client.ifMatches.get(1));
        assertEquals(DeploymentStatus.READY, stored.status);
        assertEquals("mine", stored.message);
        assertEquals(List.of(DeploymentStatus.CREATED, DeploymentStatus.ERROR, DeploymentStatus.READY),
                stored.history.stream().map(e -> e.status()).toList(), "both changes are in the history");
        assertFalse(editor.isDirty());
        assertEquals(1, applied.size());
    }

    @Test
    void applyAnywaySendsOnlyWhatTheAdminChangedOnTopOfTheCurrentState() {
        client.changeElsewhere(stored, DeploymentStatus.ERROR, "CrashLoopBackOff");
        editor.setDeployment(stored.toResource());
        editor.messageProperty().set("looked at it, node drained");
        client.changeElsewhere(stored, DeploymentStatus.PENDING, "set by curl");
        editor.apply();
        settle();
        assertEquals(EditConflict.Cause.REJECTED, editor.getConflict().cause());

        assertTrue(editor.applyAnyway());
        settle();

        assertEquals(new StatusUpdateRequest(DeploymentStatus.PENDING, "looked at it, node drained", null),
                client.updates.get(1), "the status the admin did not touch is the server's current one");
        assertEquals(DeploymentStatus.PENDING, stored.status, "the change made meanwhile stays");
        assertEquals("looked at it, node drained", stored.message);
        assertNull(editor.getConflict());
        assertEquals(DeploymentStatus.PENDING, editor.statusProperty().get());
    }

    @Test
    void applyAnywayAfterALiveChangeKeepsTheFieldsTheAdminDidNotTouch() {
        stored.providerId = "default/llama-provider";
        editor.setDeployment(stored.toResource());
        editor.statusProperty().set(DeploymentStatus.READY);
        client.changeElsewhere(stored, DeploymentStatus.READY, "serving");
        stored.providerId = "default/other-provider";
        editor.setDeployment(stored.toResource());
        assertEquals(EditConflict.Cause.CHANGED_WHILE_EDITING, editor.getConflict().cause());

        assertTrue(editor.applyAnyway());
        settle();

        assertTrue(client.updates.isEmpty(), "the only change, READY, is already the current state");
        assertEquals("serving", editor.messageProperty().get());
        assertEquals("default/other-provider", editor.modelProviderIdProperty().get());
        assertFalse(editor.isDirty());
    }

    @Test
    void aFieldBothChangedShowsTheirsAndMineAndApplyAnywaySendsMineByDefault() {
        edit(DeploymentStatus.READY, "checked by hand");
        client.changeElsewhere(stored, DeploymentStatus.PENDING, "restarting");
        editor.setDeployment(stored.toResource());

        assertEquals(List.of(
                new EditConflict.Clash(EditorValues.Field.STATUS, "Pending", "Ready"),
                new EditConflict.Clash(EditorValues.Field.MESSAGE, "\u201Crestarting\u201D", "\u201Cchecked by hand\u201D")),
                editor.clashes());
        assertFalse(editor.takesTheirs(EditorValues.Field.STATUS));

        assertTrue(editor.applyAnyway());
        settle();

        assertEquals(new StatusUpdateRequest(DeploymentStatus.READY, "checked by hand", null), client.updates.get(0));
        assertTrue(editor.clashes().isEmpty());
    }

    @Test
    void forAFieldBothChangedTheAdminCanKeepTheirs() {
        edit(DeploymentStatus.READY, "checked by hand");
        client.changeElsewhere(stored, DeploymentStatus.PENDING, "restarting");
        editor.setDeployment(stored.toResource());

        editor.takeTheirs(EditorValues.Field.STATUS, true);
        assertTrue(editor.takesTheirs(EditorValues.Field.STATUS));
        assertTrue(editor.applyAnyway());
        settle();

        assertEquals(new StatusUpdateRequest(DeploymentStatus.PENDING, "checked by hand", null), client.updates.get(0));
        assertEquals(DeploymentStatus.PENDING, stored.status);
        assertEquals("checked by hand", stored.message);
        assertEquals(DeploymentStatus.PENDING, editor.statusProperty().get(), "the fields show what was sent");
    }

    @Test
    void duringAConflictTheHintSaysWhatCtrlEnterDoes() {
        assertEquals("Ctrl+Enter applies \u00B7 Esc reverts", editor.keyboardHintProperty().get());
        editor.messageProperty().set("mine");
        client.changeElsewhere(stored, DeploymentStatus.PENDING, "restarting");
        editor.setDeployment(stored.toResource());
        assertEquals("Ctrl+Enter twice applies anyway \u00B7 Esc reloads", editor.keyboardHintProperty().get());

        assertTrue(editor.applyAnyway());
        settle();

        assertNull(editor.getConflict());
        assertEquals(new StatusUpdateRequest(DeploymentStatus.PENDING, "mine", null), client.updates.get(0));
        assertEquals("Ctrl+Enter applies \u00B7 Esc reverts", editor.keyboardHintProperty().get());
    }

    @Test
    void whenApplyAnywayIsRefusedTheHintDoesNotOfferCtrlEnter() {
        edit(DeploymentStatus.READY, "mine");
        client.changeElsewhere(stored, DeploymentStatus.DELETING, "Deployment deletion requested");
        editor.setDeployment(stored.toResource());

        assertEquals("Esc reloads", editor.keyboardHintProperty().get());
    }

    @Test
    void applyAnywayIsNotOfferedWhenTheCurrentStateRefusesTheEdits() {
        edit(DeploymentStatus.READY, "mine");
        client.changeElsewhere(stored, DeploymentStatus.DELETING, "Deployment deletion requested");
        editor.apply();
        settle();

        assertFalse(editor.checks().canApplyAnywayProperty().get());
        assertEquals("A deployment marked for deletion can only become DELETED",
                editor.checks().applyAnywayProblemProperty().get());
        assertFalse(editor.applyAnyway());
        assertEquals(1, client.updates.size());

        editor.statusProperty().set(DeploymentStatus.DELETED);
        assertTrue(editor.checks().canApplyAnywayProperty().get(), "DELETED is still possible");
        assertEquals("", editor.checks().applyAnywayProblemProperty().get());
    }

    @Test
    void applyAnywayWithEditsEqualToTheCurrentStateSendsNothing() {
        edit(DeploymentStatus.ERROR, "node lost");
        client.changeElsewhere(stored, DeploymentStatus.ERROR, "node lost");
        editor.setDeployment(stored.toResource());
        assertTrue(editor.getConflict() != null);

        assertTrue(editor.applyAnyway());
        settle();

        assertNull(editor.getConflict());
        assertTrue(client.updates.isEmpty());
        assertFalse(editor.isDirty());
    }

    @Test
    void aNewerStateArrivingWhileEditingIsAConflictWithoutAnyRequest() {
        ModelDeployment started = editor.deploymentProperty().get();
        edit(DeploymentStatus.READY, "half-typed");
        client.changeElsewhere(stored, DeploymentStatus.PENDING, "restarting");

        editor.setDeployment(stored.toResource());

        EditConflict conflict = editor.getConflict();
        assertEquals(EditConflict.Cause.CHANGED_WHILE_EDITING, conflict.cause());
        assertEquals("This version changed while you were editing", editor.conflictText().titleProperty().get());
        assertTrue(editor.conflictText().whoProperty().get().startsWith("bob set it to Pending at "),
                editor.conflictText().whoProperty().get());
        assertSame(started, editor.deploymentProperty().get(), "the edits still refer to where they started");
        assertEquals("half-typed", editor.messageProperty().get());
        assertTrue(client.calls.isEmpty());
        assertFalse(editor.apply(), "Apply waits for Reload or Apply anyway");
    }

    @Test
    void withoutEditsANewerStateSimplyBecomesTheOneEdited() {
        client.changeElsewhere(stored, DeploymentStatus.READY, "up");
        editor.setDeployment(stored.toResource());
        assertNull(editor.getConflict());
        assertEquals(DeploymentStatus.READY, editor.statusProperty().get());
        assertEquals("up", editor.messageProperty().get());
    }

    @Test
    void aStillNewerStateUpdatesTheOpenConflictAndAnOlderOneIsIgnored() {
        ModelDeployment started = editor.deploymentProperty().get();
        edit(DeploymentStatus.READY, "mine");
        client.changeElsewhere(stored, DeploymentStatus.PENDING, "restarting");
        editor.setDeployment(stored.toResource());
        client.changeElsewhere(stored, DeploymentStatus.ERROR, "crashed");
        ModelDeployment newest = stored.toResource();
        editor.setDeployment(newest);
        editor.setDeployment(started);

        assertEquals(newest, editor.getConflict().current());
        assertTrue(editor.conflictText().whoProperty().get().startsWith("bob set it to Error"));
        assertSame(started, editor.getConflict().base());
    }

    @Test
    void theEchoOfTheEditorsOwnUpdateIsNoConflict() {
        edit(DeploymentStatus.READY, "mine");
        editor.apply();
        background.runAll(); // the server applied it; the answer is not back yet
        editor.setDeployment(stored.toResource()); // ...but the streamed change is

        assertNull(editor.getConflict());
        ui.runAll();

        assertNull(editor.getConflict());
        assertFalse(editor.isDirty());
        assertEquals(DeploymentStatus.READY, editor.statusProperty().get());
    }

    @Test
    void aChangeByOthersArrivingWhileTheUpdateIsOnItsWayIsShownAfterwards() {
        edit(DeploymentStatus.READY, "mine");
        editor.apply();
        background.runAll();
        client.changeElsewhere(stored, DeploymentStatus.ERROR, "crashed right after");
        // As the detail pane does with a change the stream brings: into the store, to the editor.
        session.store().merge(stored.toResource(), DeploymentStore.Origin.EVENT);
        editor.setDeployment(stored.toResource());
        ui.runAll();

        assertNull(editor.getConflict(), "nothing was being edited any more");
        assertEquals(DeploymentStatus.ERROR, editor.statusProperty().get());
        assertEquals("crashed right after", editor.messageProperty().get());
    }

    @Test
    void escapeDuringAConflictReloads() {
        edit(DeploymentStatus.READY, "mine");
        client.changeElsewhere(stored, DeploymentStatus.ERROR, "node lost");
        editor.setDeployment(stored.toResource());
        assertTrue(editor.checks().canRevertProperty().get());

        editor.revert();

        assertNull(editor.getConflict());
        assertEquals(DeploymentStatus.ERROR, editor.statusProperty().get());
    }

    @Test
    void aChangeWithoutHistoryEntryIsDescribedByWhatChanged() {
        editor.messageProperty().set("typing");
        stored.providerId = "default/llama-provider";
        stored.updatedAt = client.clock.plusSeconds(5);
        editor.setDeployment(stored.toResource());

        assertEquals("Changed at " + TimeFormat.exact(stored.updatedAt) + " (1 min ago)",
                editor.conflictText().whoProperty().get());
        assertEquals("Model provider: none \u2192 default/llama-provider", editor.conflictText().whatProperty().get());
    }

    @Test
    void anotherVersionEndsTheConflict() {
        edit(DeploymentStatus.READY, "mine");
        client.changeElsewhere(stored, DeploymentStatus.ERROR, "node lost");
        editor.setDeployment(stored.toResource());
        editor.setDeployment(client.create("default", "llama", 2).toResource());
        assertNull(editor.getConflict());
        assertEquals("", editor.conflictText().titleProperty().get());
        assertFalse(editor.isDirty());
    }
}
