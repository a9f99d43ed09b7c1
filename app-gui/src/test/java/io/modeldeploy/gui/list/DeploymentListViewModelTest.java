package io.modeldeploy.gui.list;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.modeldeploy.model.DeploymentStatus.DELETING;
import static io.modeldeploy.model.DeploymentStatus.ERROR;
import static io.modeldeploy.model.DeploymentStatus.PENDING;
import static io.modeldeploy.model.DeploymentStatus.READY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list's state without a window: loading, filters, counts, workspace choices, local changes. */
class DeploymentListViewModelTest {

    private FakeClient client;
    private ConsoleSession session;
    private DeploymentListViewModel vm;

    @BeforeEach
    void setUp() {
        client = new FakeClient();
        client.deployments.addAll(List.of(
                Deployments.of("team-b", "llama", READY, "serving on 2 GPUs"),
                Deployments.of("team-b", "mistral", PENDING, "Pulling image"),
                Deployments.of("Alpha", "phi", ERROR, "CUDA out of memory"),
                Deployments.of("alpha", "gemma", READY, ""),
                Deployments.of("team-b", "qwen", ERROR, "image pull failed: llama base missing")));
        session = TestSessions.of(client, TaskRunner.direct());
        vm = new DeploymentListViewModel(session);
        vm.visibleRows().setComparator(Comparator.comparing(DeploymentRow::key));
        vm.refresh();
    }

    private List<String> visibleKeys() {
        return vm.visibleRows().stream().map(DeploymentRow::key).toList();
    }

    @Test
    void refreshLoadsEveryWorkspace() {
        assertEquals("-", client.lastWorkspace);
        assertEquals(5, vm.totalCountProperty().get());
        assertEquals(5, vm.shownCountProperty().get());
        assertEquals(ConsoleSession.FleetState.LOADED, vm.loadStateProperty().get());
        assertFalse(vm.loadingProperty().get());
        assertTrue(vm.lastLoadedProperty().get() != null);
    }

    @Test
    void workspaceOptionsStartWithAllThenAlphabeticalWithCounts() {
        assertEquals(List.of("All workspaces (5)", "Alpha (1)", "alpha (1)", "team-b (3)"),
                vm.workspaceOptions().stream().map(WorkspaceOption::toString).toList());
        assertEquals(List.of("Alpha", "alpha", "team-b"), vm.workspaceNames());
        assertTrue(vm.workspaceProperty().get().isAll());
    }

    @Test
    void choosingAWorkspaceShowsOnlyItsDeployments() {
        vm.selectWorkspace("team-b");
        assertEquals(List.of("team-b/llama", "team-b/mistral", "team-b/qwen"), visibleKeys());
        vm.selectWorkspace("Alpha");
        assertEquals(List.of("Alpha/phi"), visibleKeys(), "workspace names are case-sensitive");
        vm.selectWorkspace(null);
        assertEquals(5, visibleKeys().size());
    }

    @Test
    void statusFilterShowsTheUnionOfTheChosenStatuses() {
        vm.toggleStatus(READY, true);
        assertEquals(List.of("alpha/gemma", "team-b/llama"), visibleKeys());
        vm.toggleStatus(ERROR, true);
        assertEquals(List.of("Alpha/phi", "alpha/gemma", "team-b/llama", "team-b/qwen"), visibleKeys());
        vm.toggleStatus(READY, false);
        assertEquals(List.of("Alpha/phi", "team-b/qwen"), visibleKeys());
        assertTrue(vm.filtersActiveProperty().get());
    }

    @Test
    void searchMatchesNameOrMessageIgnoringCaseAndNeedsEveryWord() {
        vm.searchTextProperty().set("LLAMA");
        assertEquals(List.of("team-b/llama", "team-b/qwen"), visibleKeys(), "name or message");
        vm.searchTextProperty().set("llama   missing");
        assertEquals(List.of("team-b/qwen"), visibleKeys());
        vm.searchTextProperty().set("team-b");
        assertEquals(List.of(), visibleKeys(), "the workspace is not searched");
        vm.searchTextProperty().set("  ");
        assertEquals(5, visibleKeys().size());
    }

    @Test
    void chipCountsFollowWorkspaceAndSearchButNotTheStatusFilter() {
        assertEquals(2, vm.countProperty(READY).get());
        assertEquals(2, vm.countProperty(ERROR).get());
        assertEquals(1, vm.countProperty(PENDING).get());
        assertEquals(0, vm.countProperty(DELETING).get());
        assertEquals(5, vm.countAnyStatusProperty().get());

        vm.toggleStatus(READY, true);
        assertEquals(2, vm.countProperty(ERROR).get(), "choosing a status keeps the other counts visible");

        vm.selectWorkspace("team-b");
        assertEquals(1, vm.countProperty(READY).get());
        assertEquals(1, vm.countProperty(ERROR).get());
        assertEquals(3, vm.countAnyStatusProperty().get());

        vm.searchTextProperty().set("image");
        assertEquals(0, vm.countProperty(READY).get());
        assertEquals(1, vm.countProperty(PENDING).get());
        assertEquals(1, vm.countProperty(ERROR).get());
        assertEquals(0, vm.shownCountProperty().get(), "READY is still the status filter");
    }

    @Test
    void clearFiltersShowsEverythingAgain() {
        vm.selectWorkspace("team-b");
        vm.toggleStatus(ERROR, true);
        vm.searchTextProperty().set("qwen");
        assertEquals(1, vm.shownCountProperty().get());
        vm.clearFilters();
        assertEquals(5, vm.shownCountProperty().get());
        assertFalse(vm.filtersActiveProperty().get());
        assertTrue(vm.workspaceProperty().get().isAll());
    }

    @Test
    void upsertAddsNewDeploymentsAndReplacesExistingRows() {
        session.store().merge(Deployments.of("new-ws", "fresh", DeploymentStatus.CREATED, "Deployment created"), DeploymentStore.Origin.OWN_WRITE);
        assertEquals(6, vm.totalCountProperty().get());
        assertTrue(vm.workspaceNames().contains("new-ws"));
        assertEquals(1, vm.countProperty(DeploymentStatus.CREATED).get());

        session.store().merge(Deployments.of("team-b", "llama", 2, PENDING, "Deployment update pending", Deployments.T0), DeploymentStore.Origin.OWN_WRITE);
        DeploymentRow llama = vm.find("team-b", "llama").orElseThrow();
        assertEquals(2, llama.version());
        assertEquals(PENDING, llama.status());
        assertEquals(6, vm.totalCountProperty().get());
        assertEquals(1, vm.countProperty(READY).get());
    }

    @Test
    void statusChangeOfAnOlderVersionDoesNotReplaceTheLatest() {
        session.store().merge(Deployments.of("team-b", "llama", 2, PENDING, "", Deployments.T0), DeploymentStore.Origin.OWN_WRITE);
        session.store().merge(Deployments.of("team-b", "llama", 1, ERROR, "old one broke", Deployments.T0.plusSeconds(60)), DeploymentStore.Origin.OWN_WRITE);
        assertEquals(2, vm.find("team-b", "llama").orElseThrow().version());
        assertEquals(PENDING, vm.find("team-b", "llama").orElseThrow().status());
    }

    @Test
    void removeDropsTheRowAndItsWorkspaceWhenEmpty() {
        session.store().removeDeployment(new DeploymentKey("Alpha", "phi"), DeploymentStore.Origin.OWN_WRITE);
        assertEquals(4, vm.totalCountProperty().get());
        assertFalse(vm.exists("Alpha", "phi"));
        assertFalse(vm.workspaceNames().contains("Alpha"));
        session.store().removeDeployment(new DeploymentKey("Alpha", "phi"), DeploymentStore.Origin.OWN_WRITE);
        assertEquals(4, vm.totalCountProperty().get(), "removing twice is harmless");
    }

    @Test
    void chosenWorkspaceStaysChosenWhenItsLastDeploymentGoes() {
        vm.selectWorkspace("Alpha");
        session.store().removeDeployment(new DeploymentKey("Alpha", "phi"), DeploymentStore.Origin.OWN_WRITE);
        assertEquals("Alpha", vm.workspaceProperty().get().workspace());
        assertEquals(0, vm.shownCountProperty().get());
        assertFalse(vm.workspaceNames().contains("Alpha"), "not offered for new deployments any more");
    }

    @Test
    void chosenWorkspaceAndFiltersSurviveARefresh() {
        vm.selectWorkspace("team-b");
        vm.toggleStatus(ERROR, true);
        client.deployments.add(Deployments.of("team-b", "olmo", ERROR, "boom"));
        vm.refresh();
        assertEquals("team-b", vm.workspaceProperty().get().workspace());
        assertEquals(4, vm.workspaceOptions().stream().filter(o -> "team-b".equals(o.workspace()))
                .findFirst().orElseThrow().count());
        assertEquals(List.of("team-b/olmo", "team-b/qwen"), visibleKeys());
    }

    @Test
    void firstLoadFailureShowsFailedStateWithTheReason() {
        FakeClient failing = new FakeClient();
        failing.failure = ApiException.connectionFailure("Cannot connect to the server at http://x.", null);
        DeploymentListViewModel fresh = new DeploymentListViewModel(TestSessions.of(failing, TaskRunner.direct()));
        assertEquals(ConsoleSession.FleetState.LOADING, fresh.loadStateProperty().get());
        fresh.refresh();
        assertEquals(ConsoleSession.FleetState.FAILED, fresh.loadStateProperty().get());
        assertEquals("Cannot connect to the server at http://x.", fresh.loadErrorProperty().get());
        assertFalse(fresh.loadingProperty().get());
    }

    @Test
    void laterRefreshFailureKeepsTheDataAndReportsTheError() {
        client.failure = new ApiException(500, "Failed to list deployments", List.of());
        vm.refresh();
        assertEquals(ConsoleSession.FleetState.LOADED, vm.loadStateProperty().get());
        assertEquals(5, vm.totalCountProperty().get());
        assertEquals("Failed to list deployments", vm.loadErrorProperty().get());
        client.failure = null;
        vm.refresh();
        assertNull(vm.loadErrorProperty().get());
    }

    @Test
    void anOlderRefreshAnsweringLastIsIgnored() {
        List<Runnable> background = new ArrayList<>();
        FakeClient slow = new FakeClient();
        ConsoleSession racingSession = TestSessions.of(slow, new TaskRunner(background::add, Runnable::run));
        DeploymentListViewModel racing = new DeploymentListViewModel(racingSession);
        slow.deployments.add(Deployments.of("w", "old", READY, ""));
        racing.refresh();
        Runnable first = background.remove(0);
        slow.deployments.add(Deployments.of("w", "new", READY, ""));
        racing.refresh();
        background.remove(0).run();
        assertEquals(2, racing.totalCountProperty().get());
        first.run();
        assertEquals(2, racing.totalCountProperty().get(), "the stale answer with one row is dropped");
    }

    @Test
    void changesMadeWhileARefreshRunsSurviveIt() {
        List<Runnable> background = new ArrayList<>();
        FakeClient slow = new FakeClient();
        slow.deployments.add(Deployments.of("w", "kept", READY, ""));
        slow.deployments.add(Deployments.of("w", "purged", DeploymentStatus.DELETED, ""));
        ConsoleSession racingSession = TestSessions.of(slow, new TaskRunner(background::add, Runnable::run));
        DeploymentListViewModel racing = new DeploymentListViewModel(racingSession);
        racing.refresh();
        background.remove(0).run();

        racing.refresh(); // the server's answer was computed before the changes below
        ModelDeployment created = Deployments.of("w", "created-meanwhile", DeploymentStatus.CREATED, "");
        racingSession.store().merge(created, DeploymentStore.Origin.OWN_WRITE);
        racingSession.store().merge(Deployments.of("w", "kept", 1, DELETING, "", Deployments.T0.plusSeconds(5)), DeploymentStore.Origin.OWN_WRITE);
        racingSession.store().removeDeployment(new DeploymentKey("w", "purged"), DeploymentStore.Origin.OWN_WRITE);
        background.remove(0).run();

        assertTrue(racing.exists("w", "created-meanwhile"));
        assertFalse(racing.exists("w", "purged"));
        assertEquals(DELETING, racing.find("w", "kept").orElseThrow().status());
    }

    @Test
    void aDeploymentCreatedOutsideTheFiltersIsSelectedAndShownWithoutResettingThem() {
        vm.selectWorkspace("team-b");
        vm.toggleStatus(ERROR, true);
        session.store().merge(Deployments.of("Alpha", "created-here", DeploymentStatus.CREATED, ""),
                DeploymentStore.Origin.OWN_WRITE);
        assertEquals(-1, vm.viewIndexOf("Alpha/created-here"), "hidden by the filters");

        vm.selectKeepingFilters("Alpha", "created-here");

        assertEquals("team-b", vm.workspaceProperty().get().workspace(), "the workspace filter stays");
        assertEquals(java.util.Set.of(ERROR), vm.statusFilter(), "the status filter stays");
        assertEquals(List.of("Alpha/created-here", "team-b/qwen"), visibleKeys(), "shown anyway");
        assertEquals("Alpha/created-here", vm.keptOutsideFilterProperty().get(), "the note names it");
        assertTrue(vm.isKeptOutsideFilter(vm.find("Alpha", "created-here").orElseThrow()));

        vm.setSelectedKey("team-b/qwen");
        assertEquals(List.of("team-b/qwen"), visibleKeys(), "gone with the selection");
        assertNull(vm.keptOutsideFilterProperty().get());
    }

    @Test
    void selectingAVisibleDeploymentKeepsTheFiltersAndNeedsNoNote() {
        vm.selectWorkspace("team-b");
        vm.selectKeepingFilters("team-b", "llama");
        assertEquals("team-b", vm.workspaceProperty().get().workspace());
        assertNull(vm.keptOutsideFilterProperty().get());
    }
}
