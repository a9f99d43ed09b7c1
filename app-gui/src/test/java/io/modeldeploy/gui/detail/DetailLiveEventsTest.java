package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
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

/** The detail pane following streamed changes of the deployment it shows, without a window. */
class DetailLiveEventsTest {

    private FakeDeploymentApiClient client;
    private QueuedExecutor background;
    private ConsoleSession session;
    private DeploymentDetailViewModel detail;
    private FakeDeploymentApiClient.Stored v1;
    private long nextEventId = 100;
    private List<ModelDeployment> fresh;

    @BeforeEach
    void setUp() {
        client = new FakeDeploymentApiClient();
        background = new QueuedExecutor();
        session = TestSessions.of(client, new TaskRunner(background, Runnable::run),
                Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), ZoneOffset.UTC));
        detail = new DeploymentDetailViewModel(session);
        v1 = client.create("default", "llama", 1);
        detail.show(v1.toResource());
        background.runAll();
        fresh = TestSessions.record(session, DeploymentStore.Origin.LOAD);
    }

    /** The event the server sends for the stored version's latest change: only the added entry. */
    private DeploymentEvent eventFor(FakeDeploymentApiClient.Stored stored, DeploymentEventType type) {
        ModelDeployment d = stored.toResource();
        List<StatusHistoryEntry> added = type == DeploymentEventType.PURGED ? List.of()
                : List.of(stored.history.get(stored.history.size() - 1));
        ModelDeployment after = new ModelDeployment(d.id(), d.name(), d.workspace(), d.project(), d.createdAt(),
                d.updatedAt(), d.entityVersion(), d.config(), d.configVersion(), d.status(), d.statusMessage(), added,
                d.modelProviderId(), d.authContext(), null);
        return new DeploymentEvent(nextEventId++, type, d.workspace(), d.name(), d.entityVersion(), d.updatedAt(),
                after);
    }

    private List<DeploymentStatus> timelineStatuses() {
        return detail.timeline().items().stream().map(TimelineItem::status).toList();
    }

    @Test
    void aChangeOfTheShownVersionIsShownWithItsEntryOnTopOfTheTimeline() {
        client.changeElsewhere(v1, DeploymentStatus.READY, "serving");
        session.onEvents(List.of(eventFor(v1, DeploymentEventType.STATUS_CHANGED)));

        assertEquals(DeploymentStatus.READY, detail.fields().status().get());
        assertEquals("serving", detail.fields().statusMessage().get());
        assertEquals(List.of(DeploymentStatus.READY, DeploymentStatus.CREATED), timelineStatuses());
        assertEquals(DeploymentStatus.READY, detail.editor().statusProperty().get(), "no edits: it just follows");
        assertNull(detail.editor().getConflict());
        assertEquals(0, background.pending(), "nothing had to be read");
    }

    @Test
    void withUnsavedEditsTheChangeIsShownAndTheEditorReportsAConflict() {
        detail.editor().messageProperty().set("my note");
        client.changeElsewhere(v1, DeploymentStatus.ERROR, "node lost");
        session.onEvents(List.of(eventFor(v1, DeploymentEventType.STATUS_CHANGED)));

        assertEquals(DeploymentStatus.ERROR, detail.fields().status().get());
        assertEquals(DeploymentStatus.ERROR, timelineStatuses().get(0));
        assertEquals("my note", detail.editor().messageProperty().get());
        assertEquals(EditConflict.Cause.CHANGED_WHILE_EDITING, detail.editor().getConflict().cause());
        assertTrue(detail.editor().conflictText().whoProperty().get().startsWith("bob set it to Error"));
    }

    @Test
    void aDuplicateChangesNothing() {
        client.changeElsewhere(v1, DeploymentStatus.READY, "serving");
        DeploymentEvent event = eventFor(v1, DeploymentEventType.STATUS_CHANGED);
        session.onEvents(List.of(event));
        session.onEvents(List.of(event));
        assertEquals(2, detail.timeline().items().size());
    }

    @Test
    void changesOfAnotherDeploymentAreIgnored() {
        FakeDeploymentApiClient.Stored other = client.create("default", "mistral", 1);
        client.changeElsewhere(other, DeploymentStatus.ERROR, "x");
        session.onEvents(List.of(eventFor(other, DeploymentEventType.STATUS_CHANGED)));
        assertEquals("llama", detail.fields().name().get());
        assertEquals(DeploymentStatus.CREATED, detail.fields().status().get());
    }

    @Test
    void aNewVersionIsFollowedWhenTheLatestWasShownAndNothingIsEdited() {
        FakeDeploymentApiClient.Stored v2 = client.create("default", "llama", 2);
        session.onEvents(List.of(eventFor(v2, DeploymentEventType.VERSION_CREATED)));

        assertEquals(2, detail.getDeployment().entityVersion());
        assertEquals(List.of("Version 2 (latest)", "Version 1"),
                detail.versions().stream().map(VersionChoice::label).toList());
        assertEquals(2, detail.editor().deploymentProperty().get().entityVersion());
    }

    @Test
    void aNewVersionDoesNotTakeTheEditorAwayFromUnsavedEdits() {
        detail.editor().messageProperty().set("my note");
        FakeDeploymentApiClient.Stored v2 = client.create("default", "llama", 2);
        session.onEvents(List.of(eventFor(v2, DeploymentEventType.VERSION_CREATED)));

        assertEquals(1, detail.getDeployment().entityVersion());
        assertEquals("my note", detail.editor().messageProperty().get());
        assertEquals(List.of("Version 2 (latest)", "Version 1"),
                detail.versions().stream().map(VersionChoice::label).toList());
    }

    @Test
    void aChangeOfAnotherVersionUpdatesTheVersionSelector() {
        FakeDeploymentApiClient.Stored v2 = client.create("default", "llama", 2);
        detail.show(v2.toResource());
        background.runAll();
        detail.selectVersion(1);
        background.runAll();
        assertEquals(1, detail.getDeployment().entityVersion());

        client.changeElsewhere(v2, DeploymentStatus.ERROR, "crashed");
        session.onEvents(List.of(eventFor(v2, DeploymentEventType.STATUS_CHANGED)));

        assertEquals(1, detail.getDeployment().entityVersion(), "the chosen version stays");
        assertEquals(DeploymentStatus.ERROR, detail.versions().get(0).status());
    }

    @Test
    void whenTheShownVersionIsPurgedTheLatestRemainingOneIsShown() {
        FakeDeploymentApiClient.Stored v2 = client.create("default", "llama", 2);
        detail.show(v2.toResource());
        background.runAll();
        assertEquals(2, detail.getDeployment().entityVersion());

        DeploymentEvent purged = eventFor(v2, DeploymentEventType.PURGED);
        client.changeElsewhere(v2, DeploymentStatus.DELETED, "gone"); // (the fake keeps it; the event says it is gone)
        session.onEvents(List.of(purged));

        assertEquals(1, detail.getDeployment().entityVersion());
        assertFalse(detail.versions().stream().anyMatch(v -> v.version() == 2));
    }

    @Test
    void aRefusedUpdateShowsTheCurrentStateAtOnceAndPassesItOn() {
        detail.editor().statusProperty().set(DeploymentStatus.READY);
        client.changeElsewhere(v1, DeploymentStatus.PENDING, "restarting");
        detail.editor().apply();
        background.runAll();

        assertEquals(DeploymentStatus.PENDING, detail.fields().status().get());
        assertEquals(List.of(DeploymentStatus.PENDING, DeploymentStatus.CREATED), timelineStatuses());
        assertEquals(EditConflict.Cause.REJECTED, detail.editor().getConflict().cause());
        assertEquals(1, fresh.size());
        assertEquals(DeploymentStatus.PENDING, fresh.get(0).status());
        assertEquals(0, client.callsStartingWith("getVersion"), "the 412 answer carried the state");
    }

    @Test
    void a412WithoutBodyIsExplainedByReadingTheVersionAgain() {
        detail.editor().statusProperty().set(DeploymentStatus.READY);
        client.changeElsewhere(v1, DeploymentStatus.PENDING, "restarting");
        client.failNext(ApiException.preconditionFailed(null));
        detail.editor().apply();
        background.runAll();

        assertEquals(1, client.callsStartingWith("getVersion"));
        assertEquals(DeploymentStatus.PENDING, detail.fields().status().get());
        assertEquals(EditConflict.Cause.REJECTED, detail.editor().getConflict().cause());
        assertEquals("", detail.editor().getError(), "the conflict banner replaced the interim message");
    }
}
