package io.modeldeploy.gui.triage;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.gui.session.DeploymentStore.Origin;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.testing.ForwardingDeploymentApiClient;
import io.modeldeploy.model.AttentionReason;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.modeldeploy.model.DeploymentStatus.ERROR;
import static io.modeldeploy.model.DeploymentStatus.LOST;
import static io.modeldeploy.model.DeploymentStatus.READY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Triage without a window: groups by reason and message shape, counts, workspaces, first seen, selection. */
class TriageViewModelTest {

    private static final Instant T = Deployments.T0;
    private ConsoleSession session;
    private DeploymentListViewModel list;
    private TriageViewModel triage;

    private List<String> lastRequest = List.of();

    @BeforeEach
    void setUp() {
        session = TestSessions.of(new ForwardingDeploymentApiClient(URI.create("http://127.0.0.1:9")),
                TaskRunner.direct());
        list = new DeploymentListViewModel(session);
        List<ModelDeployment> fleet = new ArrayList<>();
        String[] pods = {"7f9c6d8b5-x2k4q", "7f9c6d8b5-h8z2n", "5d4c8f9b7-q9w2x", "6b8d9c7f5-zx7vb",
                "84f6d9c5b-m4k2p", "7bc9d5f8d-t5r6w"};
        for (int i = 0; i < pods.length; i++) {
            String name = "model-" + i;
            fleet.add(Deployments.of(i < 4 ? "team-a" : "team-b", name, 1, ERROR,
                    "Readiness probe failed: pod " + name + "-" + pods[i] + ": HTTP 503", T.plusSeconds(60L * i)));
        }
        fleet.add(Deployments.of("team-c", "gone-1", 1, LOST, "node 10.0.3.17 not responding", T.plusSeconds(30)));
        fleet.add(Deployments.of("team-c", "oom", 1, ERROR, "OOMKilled", T.plusSeconds(10)));
        fleet.add(Deployments.of("team-c", "fine", 1, READY, "Readiness probe failed: pod x-7f9c6d8b5-x2k4q: HTTP 503", T));
        session.store().mergeAll(fleet, Origin.LOAD);
        triage = new TriageViewModel(list);
        list.onSelectionRequest(keys -> lastRequest = keys);
    }

    /** The row keys the list last asked its view to select. */
    private Set<String> requested() {
        return new java.util.HashSet<>(lastRequest);
    }

    @Test
    void sixReadinessFailuresOfDifferentPodsAreOneGroupWithCountWorkspacesAndFirstSeen() {
        assertEquals(8, triage.totalProperty().get());
        assertEquals(3, triage.groups().size());
        TriageGroup probes = triage.groups().get(0);
        assertEquals(AttentionReason.ERROR, probes.reason());
        assertEquals(6, probes.count(), "the largest group first");
        assertEquals("Readiness probe failed: pod <pod>: HTTP #", probes.pattern());
        assertEquals(Set.of("team-a", "team-b"), probes.workspaces());
        assertEquals(T, probes.firstSeen(), "first seen: the longest in the state");
        assertEquals("model-0", probes.members().get(0).name());
        assertTrue(probes.example().startsWith("Readiness probe failed: pod model-0-"));
        assertEquals(List.of(AttentionReason.ERROR, AttentionReason.LOST),
                triage.groups().subList(1, 3).stream().map(TriageGroup::reason).sorted().toList(),
                "Lost and a different Error message are groups of their own");
    }

    @Test
    void choosingAGroupSelectsItsDeploymentsInTheList() {
        TriageGroup probes = triage.groups().get(0);
        triage.selectedProperty().set(probes);
        assertEquals(Set.of("team-a/model-0", "team-a/model-1", "team-a/model-2", "team-a/model-3",
                "team-b/model-4", "team-b/model-5"), requested());
    }

    @Test
    void deploymentsHiddenByTheListsFiltersAreShownBeforeTheyAreSelected() {
        list.selectWorkspace("team-c");
        assertEquals(-1, list.viewIndexOf("team-a/model-0"));
        triage.selectedProperty().set(triage.groups().get(0));
        assertTrue(list.viewIndexOf("team-a/model-0") >= 0, "the filters were cleared");
        assertEquals(6, requested().size());
    }

    @Test
    void groupsFollowLiveChangesAndKeepTheChosenGroup() {
        TriageGroup probes = triage.groups().get(0);
        triage.selectedProperty().set(probes);
        list.selectKeys(List.of(new DeploymentKey("team-c", "oom"))); // the admin selects something else
        ModelDeployment model0 = session.store().latest(new DeploymentKey("team-a", "model-0")).orElseThrow();
        session.onEvents(List.of(Deployments.statusChanged(9, model0, READY, "", T.plusSeconds(900), "ctrl")));

        TriageGroup now = triage.selectedProperty().get();
        assertEquals(probes.id(), now.id(), "the same group stays chosen");
        assertEquals(5, now.count());
        assertSame(now, triage.groups().get(0));
        assertEquals(Set.of("team-c/oom"), requested(),
                "regrouping does not select again in the list");
        triage.selectAgain();
        assertEquals(5, requested().size());
    }

    @Test
    void whenAGroupIsGoneNothingIsChosen() {
        TriageGroup lost = triage.groups().stream().filter(g -> g.reason() == AttentionReason.LOST).findFirst()
                .orElseThrow();
        triage.selectedProperty().set(lost);
        ModelDeployment gone = session.store().latest(new DeploymentKey("team-c", "gone-1")).orElseThrow();
        session.onEvents(List.of(Deployments.statusChanged(9, gone, DeploymentStatus.DELETED, "", T.plusSeconds(900),
                "ctrl")));
        assertNull(triage.selectedProperty().get());
        assertEquals(7, triage.totalProperty().get());
    }
}
