package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeploymentDetailViewModelTest {

    private FakeDeploymentApiClient client;
    private QueuedExecutor background;
    private ConsoleSession session;
    private DeploymentDetailViewModel detail;
    private List<ModelDeployment> changed;

    @BeforeEach
    void setUp() {
        client = new FakeDeploymentApiClient();
        background = new QueuedExecutor();
        session = TestSessions.of(client, new TaskRunner(background, Runnable::run),
                Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), ZoneOffset.UTC));
        detail = new DeploymentDetailViewModel(session);
        changed = TestSessions.record(session, DeploymentStore.Origin.OWN_WRITE);
    }

    @Test
    void whileTheDataIsStaleTheTimesSayAsOfWhenInsteadOfJustNow() {
        FakeDeploymentApiClient.Stored llama = client.create("default", "llama", 1);
        llama.updatedAt = Instant.parse("2026-07-01T11:59:40Z");
        llama.history.add(new io.modeldeploy.model.StatusHistoryEntry(llama.updatedAt,
                io.modeldeploy.model.DeploymentStatus.PENDING, "Loading weights", "controller",
                io.modeldeploy.model.ChangeSource.API));
        detail.show(llama.toResource());
        background.runAll();
        assertEquals("just now", detail.updatedRelative());

        io.modeldeploy.gui.util.TimeFormat.useClock(Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), ZoneOffset.UTC));
        try {
            detail.staleAsOfProperty().set(Instant.parse("2026-07-01T11:59:50Z"));
            assertEquals("as of 11:59", detail.updatedRelative());
            assertEquals("as of 11:59", detail.timeline().relativeTime(detail.timeline().items().get(0)));
        } finally {
            io.modeldeploy.gui.util.TimeFormat.useClock(null);
        }
        detail.staleAsOfProperty().set(null);
        assertEquals("just now", detail.updatedRelative());
    }

    @Test
    void startsEmptyAndNullShowsTheEmptyState() {
        assertTrue(detail.emptyProperty().get());
        detail.show(client.create("default", "llama", 1).toResource());
        assertFalse(detail.emptyProperty().get());
        detail.show(null);
        assertTrue(detail.emptyProperty().get());
        assertNull(detail.getDeployment());
        assertTrue(detail.versions().isEmpty());
        assertNull(detail.editor().deploymentProperty().get());
        assertTrue(detail.timeline().items().isEmpty());
    }

    @Test
    void showsTheFieldsAtOnceAndThenTheVersions() {
        client.create("default", "llama", 1);
        FakeDeploymentApiClient.Stored v2 = client.create("default", "llama", 2);
        detail.show(v2.toResource());

        assertEquals("default", detail.fields().workspace().get());
        assertEquals("llama", detail.fields().name().get());
        assertEquals("model-deployment-llama-2", detail.fields().id().get());
        assertEquals("llama-nim@3", detail.fields().config().get());
        assertEquals("proj", detail.fields().project().get());
        assertEquals(TimeFormat.NONE, detail.fields().modelProviderId().get());
        assertEquals("alice", detail.fields().createdBy().get());
        assertEquals(DeploymentStatus.CREATED, detail.fields().status().get());
        assertEquals(TimeFormat.exact(v2.createdAt), detail.createdExact());
        assertEquals("1 h ago", detail.createdRelative());
        assertTrue(detail.loadingProperty().get());

        background.runAll();

        assertFalse(detail.loadingProperty().get());
        assertEquals(List.of("Version 2 (latest)", "Version 1"),
                detail.versions().stream().map(VersionChoice::label).toList());
        assertEquals(2, detail.selectedVersionProperty().get().version());
    }

    @Test
    void choosingAVersionShowsItAndTheEditorTargetsIt() {
        FakeDeploymentApiClient.Stored v1 = client.create("default", "llama", 1);
        client.addChanges(v1, 2);
        FakeDeploymentApiClient.Stored v2 = client.create("default", "llama", 2);
        detail.show(v2.toResource());
        background.runAll();

        detail.selectVersion(1);
        assertEquals(1, detail.getDeployment().entityVersion(), "what is known is shown at once");
        background.runAll();

        assertTrue(client.calls.contains("getVersion llama 1"));
        assertEquals(1, detail.selectedVersionProperty().get().version());
        assertEquals(3, detail.timeline().items().size());
        assertEquals(1, detail.editor().deploymentProperty().get().entityVersion());

        detail.editor().statusProperty().set(DeploymentStatus.ERROR);
        detail.editor().apply();
        background.runAll();
        assertEquals(DeploymentStatus.ERROR, v1.status);
        assertEquals(DeploymentStatus.CREATED, v2.status);
    }

    @Test
    void anAppliedUpdateIsShownAtOnceAndReportedToTheList() {
        FakeDeploymentApiClient.Stored stored = client.create("default", "llama", 1);
        detail.show(stored.toResource());
        background.runAll();
        client.calls.clear();

        detail.editor().statusProperty().set(DeploymentStatus.READY);
        detail.editor().messageProperty().set("serving");
        detail.editor().modelProviderIdProperty().set("default/llama");
        detail.editor().apply();
        background.runAll();

        assertEquals(List.of("updateStatus llama 1"), client.calls, "no extra reload");
        assertEquals(1, changed.size());
        assertEquals(DeploymentStatus.READY, changed.get(0).status());
        assertEquals(DeploymentStatus.READY, detail.fields().status().get());
        assertEquals("default/llama", detail.fields().modelProviderId().get());
        TimelineItem top = detail.timeline().items().get(0);
        assertEquals(DeploymentStatus.READY, top.status());
        assertEquals("serving", top.entry().statusMessage());
        assertEquals(DeploymentStatus.READY, detail.versions().get(0).status(), "the version selector follows");
    }

    @Test
    void aRefusalWithoutTheCurrentStateReadsTheVersionAgainAndShowsWhatChanged() {
        FakeDeploymentApiClient.Stored stored = client.create("default", "llama", 1);
        detail.show(stored.toResource());
        background.runAll();
        client.changeElsewhere(stored, DeploymentStatus.DELETING, "Deployment deletion requested");
        client.failNext(new ApiException(409, "Deployment is marked for deletion (DELETING). Only transition to "
                + "DELETED is allowed.", List.of()));

        detail.editor().statusProperty().set(DeploymentStatus.READY);
        detail.editor().apply();
        background.runAll();

        assertEquals(DeploymentStatus.DELETING, detail.fields().status().get(), "the version was read again");
        assertEquals(DeploymentStatus.DELETING, detail.editor().getConflict().current().status());
        assertTrue(detail.editor().checks().applyAnywayProblemProperty().get().contains("DELETED"),
                detail.editor().checks().applyAnywayProblemProperty().get());
        assertEquals(DeploymentStatus.READY, detail.editor().statusProperty().get(), "the edit stays");
        assertFalse(detail.editor().canApply());
        assertTrue(changed.isEmpty());
    }

    @Test
    void showingTheSameDeploymentAgainRefreshesInPlaceAndKeepsEdits() {
        FakeDeploymentApiClient.Stored stored = client.create("default", "llama", 1);
        detail.show(stored.toResource());
        background.runAll();
        detail.editor().messageProperty().set("half-typed");
        client.addChanges(stored, 1);

        detail.show(stored.toResource());
        background.runAll();

        assertEquals("half-typed", detail.editor().messageProperty().get());
        assertEquals(2, detail.timeline().items().size());
        assertEquals(stored.status, detail.fields().status().get());
    }

    @Test
    void anOlderCopyFromTheListDoesNotUndoAnUpdateAppliedHere() {
        FakeDeploymentApiClient.Stored stored = client.create("default", "llama", 1);
        ModelDeployment listCopy = stored.toResource();
        detail.show(listCopy);
        background.runAll();
        detail.editor().statusProperty().set(DeploymentStatus.READY);
        detail.editor().apply();
        background.runAll();

        detail.show(listCopy); // the list re-selects its older row
        background.runAll();

        assertEquals(DeploymentStatus.READY, detail.fields().status().get());
        assertEquals(DeploymentStatus.READY, detail.editor().statusProperty().get());
        assertEquals(DeploymentStatus.READY, detail.timeline().items().get(0).status());
        assertEquals(2, detail.timeline().items().size());
    }

    @Test
    void aLateAnswerForAnEarlierSelectionIsDropped() {
        FakeDeploymentApiClient.Stored first = client.create("default", "llama", 1);
        FakeDeploymentApiClient.Stored second = client.create("default", "mistral", 1);
        detail.show(first.toResource());
        detail.show(second.toResource());
        background.runAll();

        assertEquals("mistral", detail.fields().name().get());
        assertEquals(List.of("Version 1 (latest)"), detail.versions().stream().map(VersionChoice::label).toList());
        assertFalse(detail.loadingProperty().get());
    }

    @Test
    void aFailedVersionListIsShownInline() {
        FakeDeploymentApiClient.Stored stored = client.create("default", "llama", 1);
        client.failNext(io.modeldeploy.gui.api.ApiException.connectionFailure("Connection refused", null));
        detail.show(stored.toResource());
        background.runAll();

        assertEquals("Couldn't load the versions: the server can't be reached. Connection refused.",
                detail.loadErrorProperty().get());
        assertEquals("llama", detail.fields().name().get(), "what the list gave is still shown");
    }

    /** A list row: the version as the list reads it, without history. */
    private static ModelDeployment listCopy(FakeDeploymentApiClient.Stored stored) {
        ModelDeployment d = stored.toResource();
        return new ModelDeployment(d.id(), d.name(), d.workspace(), d.project(), d.createdAt(), d.updatedAt(),
                d.entityVersion(), d.config(), d.configVersion(), d.status(), d.statusMessage(), List.of(),
                d.modelProviderId(), d.authContext(), null);
    }

    @Test
    void aListCopyWithoutHistoryIsShownAtOnceAndItsHistoryIsRead() {
        FakeDeploymentApiClient.Stored v1 = client.create("default", "llama", 1);
        client.addChanges(v1, 3);
        detail.show(listCopy(v1));

        assertEquals(DeploymentStatus.READY, detail.fields().status().get(), "the fields at once");
        assertTrue(detail.timeline().awaitingHistoryProperty().get());
        assertTrue(detail.timeline().items().isEmpty());
        assertFalse(detail.timeline().hasOlderProperty().get());

        background.runAll();

        assertFalse(detail.timeline().awaitingHistoryProperty().get());
        assertEquals(4, detail.timeline().items().size());
        assertEquals("4 entries", detail.timeline().summaryProperty().get());
        assertEquals(1, client.callsStartingWith("listVersions"), "one read brings the versions and the history");
    }

    @Test
    void aNewerListCopyKeepsTheTimelineAndReadsTheEntriesItLacks() {
        FakeDeploymentApiClient.Stored v1 = client.create("default", "llama", 1);
        detail.show(v1.toResource());
        background.runAll();
        client.changeElsewhere(v1, DeploymentStatus.ERROR, "oom");

        detail.show(listCopy(v1));
        assertEquals(DeploymentStatus.ERROR, detail.fields().status().get());
        assertEquals(1, detail.timeline().items().size(), "the entries shown stay");
        background.runAll();

        assertEquals(2, detail.timeline().items().size());
        assertEquals("oom", detail.timeline().items().get(0).entry().statusMessage());
    }
}
