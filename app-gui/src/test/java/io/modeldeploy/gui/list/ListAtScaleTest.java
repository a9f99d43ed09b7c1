package io.modeldeploy.gui.list;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;

import static io.modeldeploy.model.DeploymentStatus.ERROR;
import static io.modeldeploy.model.DeploymentStatus.PENDING;
import static io.modeldeploy.model.DeploymentStatus.READY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What keeps a long list quick: it is read without histories and shown from its first page on,
 * and filters are matched in the background, an answer for a filter changed meanwhile dropped.
 */
class ListAtScaleTest {

    private ConsoleSession session;

    /** Runs background work only when told, in order or one at a time. */
    private static final class Background implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            tasks.add(command);
        }

        void runNext() {
            tasks.poll().run();
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                runNext();
            }
        }
    }

    private FakeClient client;
    private Background background;
    private DeploymentListViewModel vm;

    @BeforeEach
    void setUp() {
        client = new FakeClient();
        client.pageSize = 2;
        client.deployments.addAll(List.of(
                Deployments.of("prod", "llama", READY, "serving"),
                Deployments.of("prod", "phi", ERROR, "oom"),
                Deployments.of("dev", "gemma", PENDING, "pulling"),
                Deployments.of("dev", "qwen", READY, "serving"),
                Deployments.of("dev", "mistral", READY, "serving")));
        background = new Background();
        vm = new DeploymentListViewModel(session = TestSessions.of(client, new TaskRunner(background, Runnable::run)));
        vm.visibleRows().setComparator(Comparator.comparing(DeploymentRow::key));
    }

    private List<String> visibleKeys() {
        return vm.visibleRows().stream().map(DeploymentRow::key).toList();
    }

    @Test
    void theListIsReadWithoutHistories() {
        vm.refresh();
        background.runAll();
        assertEquals(5, vm.totalCountProperty().get());
        assertEquals(List.of(0, 0, 0), client.historyLimits, "three pages, each with history_limit=0");
    }

    @Test
    void theFirstPageIsShownWhileTheOthersAreRead() {
        vm.refresh();
        background.runNext();
        assertEquals(List.of("prod/llama", "prod/phi"), visibleKeys());
        assertEquals(io.modeldeploy.gui.session.ConsoleSession.FleetState.LOADED, vm.loadStateProperty().get());
        assertTrue(vm.loadingProperty().get(), "still loading the rest");

        background.runAll();
        assertEquals(5, vm.shownCountProperty().get());
        assertFalse(vm.loadingProperty().get());
    }

    @Test
    void aLaterPageFailingKeepsTheFirstPageAndSaysWhy() {
        client.laterPagesFailure = new ApiException(503, "busy", List.of());
        vm.refresh();
        background.runAll();
        assertEquals(List.of("prod/llama", "prod/phi"), visibleKeys());
        assertEquals("busy", vm.loadErrorProperty().get());
        assertFalse(vm.loadingProperty().get());
    }

    @Test
    void aFilterAnswerArrivingAfterTheFilterChangedAgainIsDropped() {
        vm.refresh();
        background.runAll();
        List<String> applied = new ArrayList<>();
        vm.filterProperty().addListener((obs, old, now) -> applied.add(String.join(" ", now.words())));

        vm.searchTextProperty().set("p");
        vm.searchTextProperty().set("ph");
        assertEquals(5, vm.shownCountProperty().get(), "nothing applied before the answers come");
        background.runNext(); // the answer for "p": stale by now
        assertEquals(List.of(), applied);
        assertEquals(5, vm.shownCountProperty().get());
        background.runNext();
        assertEquals(List.of("ph"), applied);
        assertEquals(List.of("prod/phi"), visibleKeys());
        assertEquals(1, vm.countProperty(ERROR).get());
        assertEquals(0, vm.countProperty(READY).get());
    }

    @Test
    void aRowChangedWhileTheFilterIsMatchedIsTestedWhenTheAnswerIsApplied() {
        vm.refresh();
        background.runAll();
        vm.toggleStatus(READY, true);
        ownWrite(Deployments.of("dev", "gemma", 1, READY, "up", Deployments.T0.plusSeconds(5)));
        ownWrite(Deployments.of("prod", "llama", 1, ERROR, "down", Deployments.T0.plusSeconds(5)));
        background.runAll();
        assertEquals(List.of("dev/gemma", "dev/mistral", "dev/qwen"), visibleKeys());
        assertEquals(3, vm.countProperty(READY).get(), "counted again for the rows that changed");
        assertEquals(2, vm.countProperty(ERROR).get());
    }

    @Test
    void countsFollowEachChangedRowWithoutAFilterChange() {
        vm.refresh();
        background.runAll();
        assertEquals(3, vm.countProperty(READY).get());
        ownWrite(Deployments.of("dev", "qwen", 1, DeploymentStatus.LOST, "gone", Deployments.T0.plusSeconds(5)));
        assertEquals(2, vm.countProperty(READY).get());
        assertEquals(1, vm.countProperty(DeploymentStatus.LOST).get());
        assertEquals(5, vm.countAnyStatusProperty().get());
        session.store().removeDeployment(new io.modeldeploy.gui.session.DeploymentKey("prod", "phi"), DeploymentStore.Origin.OWN_WRITE);
        assertEquals(0, vm.countProperty(ERROR).get());
        assertEquals(List.of("All workspaces (4)", "dev (3)", "prod (1)"),
                vm.workspaceOptions().stream().map(WorkspaceOption::toString).toList());
        assertEquals(vm.visibleRows().indexOf(vm.find("dev", "qwen").orElseThrow()), vm.viewIndexOf("dev/qwen"));
    }

    /** The store takes in the answer to a change this console made. */
    private void ownWrite(io.modeldeploy.model.ModelDeployment answer) {
        session.store().merge(answer, DeploymentStore.Origin.OWN_WRITE);
    }
}
