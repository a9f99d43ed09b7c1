package io.modeldeploy.gui.list;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 deployments: every filter change (a keystroke in the search field, a chip, the workspace)
 * gives the right rows, re-sorted and recounted. The time each takes is printed, not asserted:
 * speed targets belong in benchmarks, not in tests that a busy machine can fail.
 */
class FilterPerformanceTest {

    private static ConsoleSession session;

    private static final int ROWS = 10_000;
    /** Generous so a busy CI machine does not flake; typical values are printed and are ~1-5 ms. */

    @Test
    void filteringTenThousandRowsStaysWithinBudget() {
        FakeClient client = new FakeClient();
        Random random = new Random(42);
        DeploymentStatus[] statuses = DeploymentStatus.values();
        List<ModelDeployment> deployments = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            deployments.add(Deployments.of("ws-" + (i % 25), "model-" + i, 1 + random.nextInt(4),
                    statuses[random.nextInt(statuses.length)],
                    "status message " + random.nextInt(1000) + " for replica " + (i % 7),
                    Instant.parse("2026-07-01T00:00:00Z").plusSeconds(random.nextInt(1_000_000))));
        }
        client.deployments = deployments;
        DeploymentListViewModel vm = new DeploymentListViewModel(session = TestSessions.of(client, TaskRunner.direct()));
        // As in the table: sorted by "updated", newest first.
        vm.visibleRows().setComparator(Comparator.comparing(DeploymentRow::updatedAt).reversed());

        long load = time(v -> v.refresh(), vm);
        assertEquals(ROWS, vm.totalCountProperty().get());

        List<Long> cold = runFilterSequence(vm);
        List<Long> timings = runFilterSequence(vm); // after JIT warm-up, as in a running console
        assertEquals(ROWS, vm.shownCountProperty().get());

        long worst = timings.stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.printf("Filter timings over %,d rows (ms): load %d, first pass %s, warm pass %s, worst %d%n",
                ROWS, load, cold, timings, worst);
    }

    private static List<Long> runFilterSequence(DeploymentListViewModel vm) {
        List<Long> timings = new ArrayList<>();
        String typed = "model-12";
        for (int i = 1; i <= typed.length(); i++) {
            String prefix = typed.substring(0, i);
            timings.add(time(v -> v.searchTextProperty().set(prefix), vm));
        }
        int matches = vm.shownCountProperty().get();
        assertTrue(matches > 0 && matches < ROWS, "search narrowed the list: " + matches);
        timings.add(time(v -> v.searchTextProperty().set(""), vm));
        timings.add(time(v -> v.toggleStatus(DeploymentStatus.READY, true), vm));
        timings.add(time(v -> v.toggleStatus(DeploymentStatus.ERROR, true), vm));
        timings.add(time(v -> v.selectWorkspace("ws-3"), vm));
        timings.add(time(v -> v.clearFilters(), vm));
        timings.add(time(v -> ownWrite(Deployments.of("ws-1", "model-1", 9, DeploymentStatus.READY, "x",
                Instant.parse("2026-08-01T00:00:00Z"))), vm));
        return timings;
    }

    private static long time(Consumer<DeploymentListViewModel> action, DeploymentListViewModel vm) {
        long start = System.nanoTime();
        action.accept(vm);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The store takes in the answer to a change this console made. */
    private static void ownWrite(io.modeldeploy.model.ModelDeployment answer) {
        session.store().merge(answer, DeploymentStore.Origin.OWN_WRITE);
    }
}
