package io.modeldeploy.gui.main;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.testing.ForwardingDeploymentApiClient;
import io.modeldeploy.gui.testing.StepExecutor;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.Pagination;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Main window state without a window: delete flow, status bar texts. Live changes: {@link LiveChangesViewModelTest}. */
class MainViewModelTest {

    /** Serves a fixed list, answers deletes and health checks as told. */
    static final class ScriptedClient extends ForwardingDeploymentApiClient {
        final List<ModelDeployment> deployments = new ArrayList<>();
        Optional<ModelDeployment> deleteAnswer = Optional.empty();
        ApiException deleteFailure;
        String deleted;
        int listCalls;

        ScriptedClient() {
            super(URI.create("http://127.0.0.1:9"));
        }

        @Override
        public ListPage<ModelDeployment> listFirstDeployments(String workspace, boolean allVersions) {
            listCalls++;
            List<ModelDeployment> all = List.copyOf(deployments);
            return new ListPage<>(all, Pagination.of(1, FULL_PAGE_SIZE, all.size(), all.size()), null);
        }

        @Override
        public ModelDeployment getDeployment(String workspace, String name) throws ApiException {
            return deployments.stream()
                    .filter(d -> d.workspace().equals(workspace) && d.name().equals(name))
                    .max(java.util.Comparator.comparingInt(ModelDeployment::entityVersion))
                    .orElseThrow(() -> new ApiException(404, "not found", List.of()));
        }

        @Override
        public Optional<ModelDeployment> deleteDeployment(String workspace, String name) throws ApiException {
            deleted = workspace + "/" + name;
            if (deleteFailure != null) {
                throw deleteFailure;
            }
            return deleteAnswer;
        }

    }

    private ScriptedClient client;
    private ConsoleSession session;
    private MainViewModel vm;
    private final ModelDeployment llama = Deployments.of("prod", "llama", DeploymentStatus.READY, "serving");

    @BeforeEach
    void setUp() {
        client = new ScriptedClient();
        client.deployments.add(llama);
        client.deployments.add(Deployments.of("prod", "phi", DeploymentStatus.ERROR, "oom"));
        TaskRunner async = TaskRunner.direct();
        session = TestSessions.of(client, async);
        vm = new MainViewModel(session, new DeploymentListViewModel(session));
        vm.refresh();
    }

    @Test
    void deleteShowsTheDeletingVersionTheServerAnswered() {
        ModelDeployment deleting = Deployments.of("prod", "llama", 1, DeploymentStatus.DELETING,
                "Deployment deletion requested", Deployments.T0.plusSeconds(3));
        client.deleteAnswer = Optional.of(deleting);
        List<Optional<ModelDeployment>> results = new ArrayList<>();
        vm.delete(llama, results::add, e -> { throw new AssertionError(e); });
        assertEquals("prod/llama", client.deleted);
        assertEquals(List.of(Optional.of(deleting)), results);
        assertEquals(DeploymentStatus.DELETING, vm.list().find("prod", "llama").orElseThrow().status());
        assertTrue(vm.activityProperty().get().contains("Deleting"), vm.activityProperty().get());
    }

    @Test
    void purgedDeploymentDisappearsFromTheList() {
        client.deleteAnswer = Optional.empty();
        vm.delete(llama, r -> { }, e -> { throw new AssertionError(e); });
        assertFalse(vm.list().exists("prod", "llama"));
        assertEquals("Purged prod/llama", vm.activityProperty().get());
    }

    @Test
    void deletingSomethingAlreadyGoneRemovesTheRowAndReportsTheFailure() {
        client.deleteFailure = new ApiException(404, "Deployment 'prod/llama' not found", List.of());
        List<ApiException> failures = new ArrayList<>();
        vm.delete(llama, r -> { throw new AssertionError("no success expected"); }, failures::add);
        assertEquals(1, failures.size());
        assertFalse(vm.list().exists("prod", "llama"));
        assertTrue(vm.activityProperty().get().contains("not found"));
    }

    @Test
    void failedDeleteKeepsTheRow() {
        client.deleteFailure = ApiException.connectionFailure("Cannot connect.", null);
        List<ApiException> failures = new ArrayList<>();
        vm.delete(llama, r -> { }, failures::add);
        assertEquals(1, failures.size());
        assertEquals(DeploymentStatus.READY, vm.list().find("prod", "llama").orElseThrow().status());
    }

    @Test
    void ownWritesUpdateTheListAndStatusBar() {
        ownWrite(Deployments.of("dev", "new", DeploymentStatus.CREATED, "Deployment created"));
        assertTrue(vm.list().exists("dev", "new"));
        assertEquals("Created dev/new (version 1)", vm.activityProperty().get());

        ownWrite(Deployments.of("prod", "llama", 2, DeploymentStatus.PENDING, "", Deployments.T0));
        assertEquals(2, vm.list().find("prod", "llama").orElseThrow().version());
        assertEquals("Created version 2 of prod/llama", vm.activityProperty().get());

        ownWrite(Deployments.of("prod", "llama", 2, DeploymentStatus.READY, "", Deployments.T0.plusSeconds(1)));
        assertEquals(DeploymentStatus.READY, vm.list().find("prod", "llama").orElseThrow().status());
        assertEquals("prod/llama v2 is now Ready", vm.activityProperty().get());
    }

    /** The store takes in the answer to a change this console made. */
    private void ownWrite(ModelDeployment answer) {
        session.store().merge(answer, DeploymentStore.Origin.OWN_WRITE);
    }

    @Test
    void countTextSaysStartingUntilTheFirstPageThenHowManyThereAre() {
        ScriptedClient empty = new ScriptedClient();
        StepExecutor background = new StepExecutor();
        ConsoleSession starting = TestSessions.of(empty, new TaskRunner(background, Runnable::run));
        MainViewModel startingVm = new MainViewModel(starting, new DeploymentListViewModel(starting));
        assertEquals("Starting\u2026", startingVm.countTextProperty().get(), "nothing read yet is not '0 deployments'");

        startingVm.refresh();
        assertEquals("Starting\u2026", startingVm.countTextProperty().get(), "the first page is still on its way");

        background.round();
        assertEquals("0 deployments", startingVm.countTextProperty().get(), "an empty fleet, once read, says so");
    }

    @Test
    void countTextSaysHowManyAreShown() {
        assertEquals("2 deployments", vm.countTextProperty().get());
        vm.list().toggleStatus(DeploymentStatus.ERROR, true);
        assertEquals("Showing 1 of 2 deployments", vm.countTextProperty().get());
    }

    @Test
    void selectionIsExposedAsADeployment() {
        assertFalse(vm.hasSelectionProperty().get());
        vm.selectedProperty().set(vm.list().find("prod", "phi").orElseThrow());
        assertTrue(vm.hasSelectionProperty().get());
        assertEquals("phi", vm.selectedDeployment().orElseThrow().name());
    }
}
