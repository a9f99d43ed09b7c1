package io.modeldeploy.gui.session;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.modeldeploy.gui.Deployments.T0;
import static io.modeldeploy.gui.Deployments.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Joining a stream event with the copy the console holds. */
class DeploymentCopiesTest {

    private final ModelDeployment held = Deployments.withHistory(
            Deployments.of("prod", "llama", DeploymentStatus.CREATED, ""),
            entry(DeploymentStatus.CREATED, "Deployment created", T0, "alice"));

    @Test
    void aChangeAddsItsEntryToTheHeldHistory() {
        DeploymentEvent event = Deployments.statusChanged(1, held, DeploymentStatus.READY, "up", T0.plusSeconds(5), "bob");
        ModelDeployment merged = DeploymentCopies.join(held, event);
        assertEquals(DeploymentStatus.READY, merged.status());
        assertEquals("up", merged.statusMessage());
        assertEquals(T0.plusSeconds(5), merged.updatedAt());
        assertEquals(List.of(DeploymentStatus.CREATED, DeploymentStatus.READY),
                merged.statusHistory().stream().map(StatusHistoryEntry::status).toList());
        assertEquals(merged, Deployments.after(held, event), "the same as reading it from the server");
    }

    @Test
    void anEventThatIsNotNewerGivesBackWhatIsHeld() {
        DeploymentEvent event = Deployments.statusChanged(1, held, DeploymentStatus.READY, "up", T0.plusSeconds(5), "bob");
        ModelDeployment merged = DeploymentCopies.join(held, event);
        assertSame(merged, DeploymentCopies.join(merged, event));
        DeploymentEvent older = Deployments.statusChanged(0, held, DeploymentStatus.ERROR, "x", T0.plusSeconds(2), "bob");
        assertSame(merged, DeploymentCopies.join(merged, older));
    }

    @Test
    void aChangeWithoutEntryKeepsTheHistory() {
        ModelDeployment d = held;
        ModelDeployment providerOnly = new ModelDeployment(d.id(), d.name(), d.workspace(), d.project(), d.createdAt(),
                T0.plusSeconds(9), 1, d.config(), d.configVersion(), d.status(), d.statusMessage(), List.of(),
                "prod/llama", d.authContext(), null);
        ModelDeployment merged = DeploymentCopies.join(held,
                Deployments.event(3, DeploymentEventType.STATUS_CHANGED, providerOnly));
        assertEquals("prod/llama", merged.modelProviderId());
        assertEquals(held.statusHistory(), merged.statusHistory());
    }

    @Test
    void theHistoryStaysTheNewestWindow() {
        List<StatusHistoryEntry> full = new ArrayList<>();
        for (int i = 0; i < ApiLimits.HISTORY_WINDOW; i++) {
            full.add(entry(i % 2 == 0 ? DeploymentStatus.PENDING : DeploymentStatus.READY, "e" + i,
                    T0.plusSeconds(i), "a"));
        }
        ModelDeployment big = Deployments.withHistory(held, full.toArray(StatusHistoryEntry[]::new));
        DeploymentEvent event = Deployments.statusChanged(1, big, DeploymentStatus.ERROR, "newest",
                T0.plusSeconds(1000), "bob");
        ModelDeployment merged = DeploymentCopies.join(big, event);
        assertEquals(ApiLimits.HISTORY_WINDOW, merged.statusHistory().size());
        assertEquals("e1", merged.statusHistory().get(0).statusMessage());
        assertEquals("newest", merged.statusHistory().get(ApiLimits.HISTORY_WINDOW - 1).statusMessage());
    }

    @Test
    void withoutTheRightCopyOnlyNewDeploymentsAndVersionsCarryTheirHistory() {
        DeploymentEvent change = Deployments.statusChanged(1, held, DeploymentStatus.READY, "up", T0.plusSeconds(5), "b");
        ModelDeployment alone = DeploymentCopies.join(null, change);
        assertEquals(DeploymentStatus.READY, alone.status());
        assertFalse(DeploymentCopies.hasHistory(alone), "one entry on its own would pass for the whole history");
        ModelDeployment otherIncarnation = new ModelDeployment("model-deployment-other", "llama", "prod", null, T0,
                T0, 1, "cfg", 1, DeploymentStatus.CREATED, "", held.statusHistory(), null, null, null);
        assertFalse(DeploymentCopies.hasHistory(DeploymentCopies.join(otherIncarnation, change)),
                "a different deployment of that name lends no history");
        DeploymentEvent created = Deployments.event(2, DeploymentEventType.CREATED, held);
        assertSame(held, DeploymentCopies.join(null, created));
    }

    @Test
    void tagsAndStates() {
        assertEquals(held.etag(), DeploymentCopies.etagOf(held));
        assertNull(DeploymentCopies.etagOf(null));
        DeploymentEvent event = Deployments.statusChanged(1, held, DeploymentStatus.READY, "up", T0.plusSeconds(5), "b");
        ModelDeployment merged = DeploymentCopies.join(held, event);
        assertFalse(held.etag().equals(DeploymentCopies.etagOf(merged)));
        assertEquals(merged.etag(), DeploymentCopies.etagOf(event.deployment()), "same version, same updated_at");
        assertEquals("up", DeploymentCopies.newestEntry(merged).orElseThrow().statusMessage());
    }
}
