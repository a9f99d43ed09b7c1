package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.model.CallerIdentity;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.model.StatusUpdateRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status editor's rules, without any window: everything runs on the test thread. */
class StatusEditorViewModelTest {

    private FakeDeploymentApiClient client;
    private QueuedExecutor background;
    private StatusEditorViewModel editor;
    private FakeDeploymentApiClient.Stored stored;
    private List<ModelDeployment> applied;

    @BeforeEach
    void setUp() {
        client = new FakeDeploymentApiClient();
        background = new QueuedExecutor();
        ConsoleSession session = TestSessions.of(client, new TaskRunner(background, Runnable::run));
        editor = new StatusEditorViewModel(session);
        applied = TestSessions.record(session, DeploymentStore.Origin.OWN_WRITE);
        stored = client.create("default", "llama", 1);
        editor.setDeployment(stored.toResource());
    }

    @Test
    void aReadOnlySessionSendsNothingFromTheKeyboardPathAndSaysWhy() {
        FakeDeploymentApiClient viewer = new FakeDeploymentApiClient() {
            @Override
            public CallerIdentity whoami() {
                return new CallerIdentity("dashboard", "viewer", false);
            }
        };
        ConsoleSession session = TestSessions.of(viewer, new TaskRunner(background, Runnable::run));
        StatusEditorViewModel readOnly = new StatusEditorViewModel(session);
        FakeDeploymentApiClient.Stored llama = viewer.create("default", "llama", 1);
        readOnly.setDeployment(llama.toResource());
        session.readCaller();
        background.runAll();

        readOnly.statusProperty().set(DeploymentStatus.READY);
        assertFalse(readOnly.apply(), "Ctrl+Enter calls apply() without the disabled button");
        background.runAll();
        assertEquals(DeploymentStatus.CREATED, llama.toResource().status());
        assertEquals("Read-only: this token may not change statuses", readOnly.keyboardHintProperty().get());
    }

    @Test
    void useStatusFillsStatusAndMessageFromAHistoryEntryAndSendsNothing() {
        StatusHistoryEntry past = new StatusHistoryEntry(stored.updatedAt, DeploymentStatus.ERROR, "probe failed",
                "bob", ChangeSource.API);
        editor.modelProviderIdProperty().set("team/provider");

        assertTrue(editor.useStatus(past));

        assertEquals(DeploymentStatus.ERROR, editor.statusProperty().get());
        assertEquals("probe failed", editor.messageProperty().get());
        assertEquals("team/provider", editor.modelProviderIdProperty().get(), "the history does not record it");
        assertTrue(editor.canApply());
        background.runAll();
        assertEquals(DeploymentStatus.CREATED, stored.toResource().status());
        assertTrue(applied.isEmpty());
    }

    @Test
    void useStatusChangesNothingWithAReadOnlyToken() {
        FakeDeploymentApiClient viewer = new FakeDeploymentApiClient() {
            @Override
            public CallerIdentity whoami() {
                return new CallerIdentity("dashboard", "viewer", false);
            }
        };
        ConsoleSession session = TestSessions.of(viewer, new TaskRunner(background, Runnable::run));
        StatusEditorViewModel readOnly = new StatusEditorViewModel(session);
        readOnly.setDeployment(viewer.create("default", "llama", 1).toResource());
        session.readCaller();
        background.runAll();

        assertFalse(readOnly.useStatus(new StatusHistoryEntry(null, DeploymentStatus.ERROR, "x", "bob", ChangeSource.API)));
        assertEquals(DeploymentStatus.CREATED, readOnly.statusProperty().get());
    }

    @Test
    void startsWithTheCurrentValuesAndNothingToApply() {
        assertEquals(DeploymentStatus.CREATED, editor.statusProperty().get());
        assertEquals("Deployment created", editor.messageProperty().get());
        assertEquals("", editor.modelProviderIdProperty().get());
        assertFalse(editor.isDirty());
        assertFalse(editor.canApply());
        assertFalse(editor.checks().canRevertProperty().get());
    }

    @Test
    void anyChangedFieldMakesItDirtyAndChangingItBackMakesItCleanAgain() {
        editor.statusProperty().set(DeploymentStatus.READY);
        assertTrue(editor.isDirty());
        assertTrue(editor.canApply());
        editor.statusProperty().set(DeploymentStatus.CREATED);
        assertFalse(editor.isDirty());

        editor.messageProperty().set("Deployment created!");
        assertTrue(editor.isDirty());
        editor.messageProperty().set("Deployment created");
        assertFalse(editor.isDirty());

        editor.modelProviderIdProperty().set("default/llama");
        assertTrue(editor.isDirty());
        assertTrue(editor.canApply());
        editor.modelProviderIdProperty().set("  ");
        assertFalse(editor.isDirty(), "blank stays 'no provider'");
    }

    @Test
    void revertRestoresTheCurrentValues() {
        editor.statusProperty().set(DeploymentStatus.ERROR);
        editor.messageProperty().set("boom");
        editor.modelProviderIdProperty().set("default/x");
        assertTrue(editor.checks().canRevertProperty().get());

        editor.revert();

        assertEquals(DeploymentStatus.CREATED, editor.statusProperty().get());
        assertEquals("Deployment created", editor.messageProperty().get());
        assertEquals("", editor.modelProviderIdProperty().get());
        assertFalse(editor.isDirty());
    }

    @Test
    void messageCounterCountsAndTurnsOverLimitPast1000() {
        editor.messageProperty().set("");
        assertEquals("0/1000", editor.checks().messageCounterProperty().get());

        editor.messageProperty().set("x".repeat(1000));
        assertEquals("1000/1000", editor.checks().messageCounterProperty().get());
        assertFalse(editor.checks().messageOverLimitProperty().get());
        assertTrue(editor.canApply());

        editor.messageProperty().set("x".repeat(1001));
        assertEquals("1001/1000", editor.checks().messageCounterProperty().get());
        assertTrue(editor.checks().messageOverLimitProperty().get());
        assertTrue(editor.isDirty());
        assertFalse(editor.checks().validProperty().get());
        assertFalse(editor.canApply());
        assertEquals("The message is 1 character over the limit of 1000", editor.checks().messageProblemProperty().get());
        assertFalse(editor.apply(), "nothing is sent while the message is too long");
        assertEquals(0, background.pending());
    }

    @Test
    void aTooLongModelProviderBlocksApplyWithAnInlineMessageAnyOtherMayBeSent() {
        editor.statusProperty().set(DeploymentStatus.READY);
        editor.modelProviderIdProperty().set("p".repeat(256));
        assertFalse(editor.canApply());
        assertEquals("At most 255 characters (256 entered)", editor.checks().modelProviderIdProblemProperty().get());

        editor.modelProviderIdProperty().set("provider-123");
        assertEquals("", editor.checks().modelProviderIdProblemProperty().get());
        assertTrue(editor.canApply(), "NeMo takes any reference; workspace/name is only the field's prompt");

        editor.modelProviderIdProperty().set("default/llama");
        assertEquals("", editor.checks().modelProviderIdProblemProperty().get());
        assertTrue(editor.canApply());
    }

    @Test
    void aDeletingVersionOffersOnlyDeletedAndRefusesEvenAMessageOnlyChange() {
        editor.setDeployment(FakeDeploymentApiClient.withStatus(stored.toResource(), DeploymentStatus.DELETING,
                "Deployment deletion requested"));

        List<StatusChoice> allowed = editor.checks().choices().stream().filter(StatusChoice::allowed).toList();
        assertEquals(List.of(DeploymentStatus.DELETED), allowed.stream().map(StatusChoice::status).toList());
        assertEquals(StatusTransitions.MARKED_FOR_DELETION, editor.checks().choiceFor(DeploymentStatus.READY).reason());
        assertEquals("", editor.checks().statusProblemProperty().get(), "no complaint before anything is changed");

        editor.messageProperty().set("still going");
        assertTrue(editor.isDirty());
        assertFalse(editor.canApply());
        assertEquals(StatusTransitions.MARKED_FOR_DELETION, editor.checks().statusProblemProperty().get());

        editor.statusProperty().set(DeploymentStatus.READY);
        assertFalse(editor.canApply());

        editor.statusProperty().set(DeploymentStatus.DELETED);
        assertEquals("", editor.checks().statusProblemProperty().get());
        assertTrue(editor.canApply());
    }

    @Test
    void applySendsOnlyWhatChangedToTheSelectedVersion() {
        FakeDeploymentApiClient.Stored v2 = client.create("default", "llama", 2);
        editor.setDeployment(v2.toResource());
        editor.statusProperty().set(DeploymentStatus.READY);
        editor.messageProperty().set("warm");

        assertTrue(editor.apply());
        background.runAll();

        assertEquals(List.of("updateStatus llama 2"), client.calls);
        assertEquals(new StatusUpdateRequest(DeploymentStatus.READY, "warm", null), client.updates.get(0));
        assertEquals(DeploymentStatus.CREATED, stored.status, "version 1 untouched");
    }

    @Test
    void aChangedProviderIsSentTrimmed() {
        editor.modelProviderIdProperty().set("  default/llama ");
        assertTrue(editor.apply());
        background.runAll();
        assertEquals(new StatusUpdateRequest(DeploymentStatus.CREATED, "Deployment created", "default/llama"),
                client.updates.get(0));
        assertFalse(editor.isDirty());
        assertEquals("default/llama", editor.modelProviderIdProperty().get());
    }

    @Test
    void whileARequestRunsItIsBusyAndCannotBeSentTwice() {
        editor.statusProperty().set(DeploymentStatus.PENDING);
        assertTrue(editor.apply());

        assertTrue(editor.isBusy());
        assertFalse(editor.canApply());
        assertFalse(editor.apply());
        editor.revert();
        assertEquals(DeploymentStatus.PENDING, editor.statusProperty().get(), "revert waits for the answer");
        assertEquals(1, background.pending());

        background.runAll();
        assertFalse(editor.isBusy());
        assertEquals(1, client.updates.size());
    }

    @Test
    void theAnswerBecomesTheNewBaselineAndIsReported() {
        editor.statusProperty().set(DeploymentStatus.READY);
        editor.messageProperty().set("serving");
        editor.apply();
        background.runAll();

        assertEquals(1, applied.size());
        ModelDeployment answer = applied.get(0);
        assertEquals(DeploymentStatus.READY, answer.status());
        assertSame(answer, editor.deploymentProperty().get());
        assertFalse(editor.isDirty());
        assertEquals(DeploymentStatus.READY, editor.statusProperty().get());
        assertEquals("serving", editor.messageProperty().get());
        assertEquals("", editor.getError());
    }

    @Test
    void aRefusedChangeShowsTheServersDetailInlineAndKeepsTheEdits() {
        stored.status = DeploymentStatus.DELETING; // marked for deletion behind the editor's back
        editor.statusProperty().set(DeploymentStatus.READY);
        editor.apply();
        background.runAll();

        assertEquals("Couldn't apply the change: the server refused the change. Deployment is marked for deletion "
                + "(DELETING). Only transition to DELETED is allowed.", editor.getError());
        assertFalse(editor.isBusy());
        assertEquals(DeploymentStatus.READY, editor.statusProperty().get());
        assertTrue(editor.canApply(), "the editor still allows a retry");
        assertTrue(applied.isEmpty());
    }

    @Test
    void connectionFailuresAndNotFoundAreShownInline() {
        editor.statusProperty().set(DeploymentStatus.READY);
        client.failNext(ApiException.connectionFailure("Connection refused by 127.0.0.1:9", null));
        editor.apply();
        background.runAll();
        assertEquals("Couldn't apply the change: the server can't be reached. Connection refused by 127.0.0.1:9.",
                editor.getError());

        client.failNext(new ApiException(404, "Deployment 'default/llama' version '1' not found", List.of()));
        editor.apply();
        background.runAll();
        assertEquals("Couldn't apply the change: not found on the server. "
                + "Deployment 'default/llama' version '1' not found.", editor.getError());
    }

    @Test
    void revertClearsTheErrorAndAnotherVersionStartsClean() {
        stored.status = DeploymentStatus.DELETING;
        editor.statusProperty().set(DeploymentStatus.READY);
        editor.apply();
        background.runAll();
        assertFalse(editor.getError().isEmpty());

        editor.revert();
        assertEquals("", editor.getError());

        editor.statusProperty().set(DeploymentStatus.READY);
        editor.apply();
        background.runAll();
        assertFalse(editor.getError().isEmpty());
        editor.setDeployment(client.create("default", "other", 1).toResource());
        assertEquals("", editor.getError());
        assertFalse(editor.isDirty());
    }

    @Test
    void aReReadOfTheSameVersionKeepsEditsInProgress() {
        editor.messageProperty().set("typing…");
        editor.setDeployment(FakeDeploymentApiClient.withStatus(stored.toResource(), DeploymentStatus.DELETING,
                "Deployment deletion requested"));

        assertEquals("typing…", editor.messageProperty().get());
        assertEquals(DeploymentStatus.CREATED, editor.statusProperty().get());
        assertFalse(editor.canApply(), "the new baseline is DELETING, so only DELETED may be sent");
    }

    @Test
    void aLateAnswerForAVersionNoLongerEditedDoesNotTouchTheEditorButIsStillReported() {
        editor.statusProperty().set(DeploymentStatus.READY);
        editor.apply();
        ModelDeployment other = client.create("default", "other", 1).toResource();
        editor.setDeployment(other);
        background.runAll();

        assertSame(other, editor.deploymentProperty().get());
        assertFalse(editor.isBusy());
        assertEquals(DeploymentStatus.CREATED, editor.statusProperty().get());
        assertEquals(1, applied.size(), "the list still hears about the applied change");
    }

    @Test
    void withoutAVersionNothingCanBeAppliedOrReverted() {
        editor.setDeployment(null);
        assertNull(editor.statusProperty().get());
        assertFalse(editor.canApply());
        assertFalse(editor.apply());
        assertFalse(editor.checks().canRevertProperty().get());
    }
}
