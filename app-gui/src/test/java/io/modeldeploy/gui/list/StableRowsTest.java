package io.modeldeploy.gui.list;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stable rows without a window: while the pointer is over the list or several rows are selected,
 * live changes replace rows where they are; the list sorts again when that ends.
 */
class StableRowsTest {

    /** Newest change first: the list's default order, in which every live change moves its row to the top. */
    private static final Comparator<DeploymentRow> NEWEST_FIRST = Comparator.comparing(DeploymentRow::updatedAt,
            Comparator.reverseOrder());

    private ConsoleSession session;
    private DeploymentListViewModel vm;
    private long eventId = 100;

    @BeforeEach
    void setUp() {
        FakeClient client = new FakeClient();
        for (int i = 0; i < 6; i++) {
            client.deployments.add(Deployments.of("team", "model-" + i, 1, DeploymentStatus.READY, "",
                    Deployments.T0.plusSeconds(60L * i)));
        }
        session = TestSessions.of(client, TaskRunner.direct());
        vm = new DeploymentListViewModel(session);
        vm.setSortOrder(NEWEST_FIRST);
        vm.refresh();
    }

    private List<String> shown() {
        return vm.visibleRows().stream().map(DeploymentRow::name).toList();
    }

    /** A change streamed from elsewhere: {@code name} becomes {@code status}, the newest change of all. */
    private void streamChange(String name, DeploymentStatus status) {
        ModelDeployment before = vm.find("team", name).orElseThrow().deployment();
        Instant at = Deployments.T0.plusSeconds(3600 + eventId);
        session.onEvents(List.of(Deployments.statusChanged(++eventId, before, status, "changed", at, "ctrl")));
    }

    @Test
    void rowsKeepTheirPlaceWhileThePointerIsOverTheListAndSortWhenItLeaves() {
        List<String> before = List.of("model-5", "model-4", "model-3", "model-2", "model-1", "model-0");
        assertEquals(before, shown());

        vm.pointerOverListProperty().set(true);
        assertTrue(vm.orderHeldProperty().get());
        streamChange("model-1", DeploymentStatus.ERROR);
        streamChange("model-0", DeploymentStatus.LOST);
        streamChange("model-1", DeploymentStatus.PENDING);
        assertEquals(before, shown(), "nothing moves under the pointer");
        assertEquals(DeploymentStatus.PENDING, vm.visibleRows().get(4).status(), "the row shows the change in place");
        assertEquals(2, vm.changedWhileHeldProperty().get(), "two rows changed meanwhile");

        vm.pointerOverListProperty().set(false);
        assertFalse(vm.orderHeldProperty().get());
        assertEquals(List.of("model-1", "model-0", "model-5", "model-4", "model-3", "model-2"), shown(),
                "sorted once the pointer left");
        assertEquals(0, vm.changedWhileHeldProperty().get());
    }

    @Test
    void theFirstLoadComesSortedEvenWithThePointerOverTheList() {
        FakeClient client = new FakeClient();
        for (int i = 0; i < 6; i++) {
            client.deployments.add(Deployments.of("team", "model-" + i, 1, DeploymentStatus.READY, "",
                    Deployments.T0.plusSeconds(60L * i)));
        }
        session = TestSessions.of(client, TaskRunner.direct());
        vm = new DeploymentListViewModel(session);
        vm.setSortOrder(NEWEST_FIRST);
        vm.pointerOverListProperty().set(true); // the window opened under the pointer

        vm.refresh();

        assertEquals(List.of("model-5", "model-4", "model-3", "model-2", "model-1", "model-0"), shown());
        assertEquals(0, vm.changedWhileHeldProperty().get(), "nothing to re-sort");
        assertTrue(vm.orderHeldProperty().get(), "live changes are still held");
    }

    @Test
    void rowsKeepTheirPlaceWhileSeveralAreSelected() {
        vm.setSelection(List.of("team/model-2"));
        assertFalse(vm.orderHeldProperty().get(), "one selected row: the list sorts as usual");
        streamChange("model-0", DeploymentStatus.ERROR);
        assertEquals("model-0", shown().get(0));

        vm.setSelection(List.of("team/model-2", "team/model-3"));
        assertTrue(vm.orderHeldProperty().get());
        List<String> held = shown();
        streamChange("model-1", DeploymentStatus.ERROR);
        assertEquals(held, shown());
        assertEquals(1, vm.changedWhileHeldProperty().get());

        vm.setSelection(List.of("team/model-3"));
        assertEquals("model-1", shown().get(0), "sorted once the selection is one row again");
    }

    @Test
    void resortSortsTheChangedRowsIntoPlaceAndKeepsHolding() {
        vm.pointerOverListProperty().set(true);
        streamChange("model-0", DeploymentStatus.ERROR);
        assertEquals("model-0", shown().get(5));

        vm.resort();
        assertEquals("model-0", shown().get(0), "sorted at the admin's request");
        assertEquals(0, vm.changedWhileHeldProperty().get());
        assertTrue(vm.orderHeldProperty().get(), "the pointer is still over the list");
        streamChange("model-3", DeploymentStatus.ERROR);
        assertEquals("model-3", shown().get(3), "held again in the new order");
    }

    @Test
    void aDeploymentCreatedWhileHeldComesLast() {
        vm.pointerOverListProperty().set(true);
        session.store().merge(Deployments.of("team", "brand-new", 1, DeploymentStatus.CREATED, "",
                Deployments.T0.plusSeconds(7200)), DeploymentStore.Origin.EVENT);
        streamChange("model-2", DeploymentStatus.ERROR);
        assertEquals(List.of("model-5", "model-4", "model-3", "model-2", "model-1", "model-0", "brand-new"), shown());
        assertEquals(2, vm.changedWhileHeldProperty().get());

        vm.pointerOverListProperty().set(false);
        assertEquals(List.of("brand-new", "model-2"), shown().subList(0, 2));
    }

    @Test
    void anExplicitSortOrFilterAppliesAtOnceWhileHeld() {
        vm.pointerOverListProperty().set(true);
        vm.setSortOrder(Comparator.comparing(DeploymentRow::name));
        assertEquals(List.of("model-0", "model-1", "model-2", "model-3", "model-4", "model-5"), shown(),
                "a click on a column header sorts although the pointer is over the list");
        streamChange("model-0", DeploymentStatus.ERROR);
        vm.setSortOrder(NEWEST_FIRST);
        assertEquals("model-0", shown().get(0));

        streamChange("model-4", DeploymentStatus.ERROR);
        vm.toggleStatus(DeploymentStatus.ERROR, true);
        assertEquals(List.of("model-4", "model-0"), shown(), "a filter change shows its rows sorted");
    }

    @Test
    void selectKeysAsksTheViewToSelectTheDeploymentsTheListHas() {
        List<List<String>> requests = new ArrayList<>();
        vm.onSelectionRequest(requests::add);
        vm.selectKeys(List.of(new DeploymentKey("team", "model-3"), new DeploymentKey("team", "gone"),
                new DeploymentKey("team", "model-1"), new DeploymentKey("team", "model-3")));
        assertEquals(List.of(List.of("team/model-3", "team/model-1")), requests);

        vm.setSelection(List.of("team/model-3", "team/model-1"));
        assertEquals(2, vm.selectionCountProperty().get());
        assertEquals(List.of("model-3", "model-1"), vm.selectedRows().stream().map(DeploymentRow::name).toList());
    }
}
