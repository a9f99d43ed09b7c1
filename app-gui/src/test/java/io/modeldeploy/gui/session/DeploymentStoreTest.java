package io.modeldeploy.gui.session;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.session.DeploymentStore.Change;
import io.modeldeploy.gui.session.DeploymentStore.EventOutcome;
import io.modeldeploy.gui.session.DeploymentStore.LoadMark;
import io.modeldeploy.gui.session.DeploymentStore.Origin;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.modeldeploy.gui.Deployments.T0;
import static io.modeldeploy.gui.Deployments.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store's one merge rule against every order in which load answers, stream events and the
 * answers to own writes can arrive: the newest state always wins, a history is never lost to a
 * copy without one, and a whole load never undoes what changed while it ran.
 */
class DeploymentStoreTest {

    private static final DeploymentStatus[] STATES = {DeploymentStatus.CREATED, DeploymentStatus.PENDING,
            DeploymentStatus.READY, DeploymentStatus.ERROR};
    private static final VersionKey LLAMA = new VersionKey("prod", "llama", 1);

    /** Version 1 of prod/llama after {@code n} changes: state n, updated n minutes after T0, full history. */
    private static ModelDeployment state(int n) {
        StatusHistoryEntry[] entries = new StatusHistoryEntry[n + 1];
        for (int i = 0; i <= n; i++) {
            entries[i] = entry(STATES[i], "change " + i, T0.plusSeconds(60L * i), "ctrl");
        }
        return Deployments.withHistory(Deployments.of("prod", "llama", DeploymentStatus.CREATED, ""), entries);
    }

    /** The copy a list read gives of state n: no history. */
    private static ModelDeployment listCopy(int n) {
        return DeploymentCopies.withHistory(state(n), List.of());
    }

    /** The event of the change that made state n (n >= 1). */
    private static DeploymentEvent eventOf(int n) {
        return Deployments.statusChanged(n, state(n - 1), STATES[n], "change " + n, T0.plusSeconds(60L * n), "ctrl");
    }

    /** The stream delivers every change in commit order: events 1..n. */
    private static void streamUpTo(DeploymentStore store, int n) {
        for (int i = 1; i <= n; i++) {
            store.apply(eventOf(i));
        }
    }

    private static ModelDeployment held(DeploymentStore store) {
        return store.get(LLAMA).orElseThrow();
    }

    /** Every ordering of the given arrivals. */
    private static List<List<Consumer<DeploymentStore>>> orderings(List<Consumer<DeploymentStore>> arrivals) {
        if (arrivals.size() <= 1) {
            return List.of(arrivals);
        }
        List<List<Consumer<DeploymentStore>>> all = new ArrayList<>();
        for (int i = 0; i < arrivals.size(); i++) {
            List<Consumer<DeploymentStore>> rest = new ArrayList<>(arrivals);
            Consumer<DeploymentStore> first = rest.remove(i);
            for (List<Consumer<DeploymentStore>> tail : orderings(rest)) {
                List<Consumer<DeploymentStore>> ordering = new ArrayList<>();
                ordering.add(first);
                ordering.addAll(tail);
                all.add(ordering);
            }
        }
        return all;
    }

    @Test
    void whateverArrivesInWhateverOrderTheNewestStateWins() {
        int checked = 0;
        // A list read, a read with history, the stream up to a change and an own write's answer, each of any of states 1..3.
        for (int load = 1; load <= 3; load++) {
            for (int read = 1; read <= 3; read++) {
                for (int event = 1; event <= 3; event++) {
                    for (int own = 1; own <= 3; own++) {
                        int l = load;
                        int r = read;
                        int e = event;
                        int o = own;
                        List<Consumer<DeploymentStore>> arrivals = List.of(
                                s -> s.merge(listCopy(l), Origin.LOAD),
                                s -> s.merge(state(r), Origin.LOAD),
                                s -> streamUpTo(s, e),
                                s -> s.merge(state(o), Origin.OWN_WRITE));
                        int newest = Math.max(Math.max(l, r), Math.max(e, o));
                        for (List<Consumer<DeploymentStore>> ordering : orderings(arrivals)) {
                            DeploymentStore store = new DeploymentStore();
                            store.merge(state(0), Origin.LOAD);
                            ordering.forEach(arrival -> arrival.accept(store));
                            ModelDeployment kept = held(store);
                            assertEquals(STATES[newest], kept.status());
                            assertEquals(T0.plusSeconds(60L * newest), kept.updatedAt());
                            if (!kept.statusHistory().isEmpty()) {
                                assertEquals(state(newest).statusHistory(), kept.statusHistory(),
                                        "a history is whole or absent, never a part passed off as the whole");
                            }
                            boolean wholeNewestArrived = r == newest || o == newest;
                            if (wholeNewestArrived) {
                                assertEquals(state(newest).statusHistory(), kept.statusHistory(),
                                        "of copies of the same state the one with history is kept");
                            }
                            checked++;
                        }
                    }
                }
            }
        }
        assertEquals(81 * 24, checked);
    }

    @Test
    void anEventJoinsTheHistoryHeldAndADuplicateChangesNothing() {
        DeploymentStore store = new DeploymentStore();
        store.merge(state(1), Origin.LOAD);
        assertEquals(EventOutcome.CHANGED, store.apply(eventOf(2)));
        assertEquals(state(2).statusHistory(), held(store).statusHistory());
        ModelDeployment before = held(store);
        assertEquals(EventOutcome.UNCHANGED, store.apply(eventOf(2)));
        assertEquals(EventOutcome.UNCHANGED, store.apply(eventOf(1)), "an older change");
        assertSame(before, held(store));
    }

    @Test
    void listenersHearEachChangeOnceWithItsOrigin() {
        DeploymentStore store = new DeploymentStore();
        List<List<Change>> heard = new ArrayList<>();
        store.addListener(heard::add);
        store.merge(state(0), Origin.LOAD);
        store.merge(listCopy(0), Origin.LOAD); // same state, no history: nothing to tell
        store.apply(eventOf(1));
        store.merge(state(2), Origin.OWN_WRITE);
        assertEquals(List.of(Origin.LOAD, Origin.EVENT, Origin.OWN_WRITE),
                heard.stream().map(batch -> batch.get(0).origin()).toList());
        assertEquals(DeploymentStatus.PENDING, heard.get(2).get(0).before().status());
    }

    @Test
    void aDeploymentCreatedAgainUnderTheSameNameReplacesAllOfTheEarlierOne() {
        DeploymentStore store = new DeploymentStore();
        store.merge(state(3), Origin.LOAD);
        store.merge(Deployments.of("prod", "llama", 2, DeploymentStatus.READY, "", T0.plusSeconds(900)), Origin.LOAD);
        Instant later = T0.plusSeconds(3600);
        ModelDeployment reborn = new ModelDeployment("model-deployment-reborn", "llama", "prod", null, later, later,
                1, "cfg", 1, DeploymentStatus.CREATED, "Deployment created",
                List.of(entry(DeploymentStatus.CREATED, "Deployment created", later, "dave")), null, null, null);
        store.apply(Deployments.event(9, DeploymentEventType.CREATED, reborn));
        assertEquals(List.of(reborn), store.versions(LLAMA.deployment()));
        store.merge(state(3), Origin.LOAD);
        assertEquals("model-deployment-reborn", held(store).id(), "a late copy of the earlier one does not win");
    }

    @Test
    void aWholeLoadNeverUndoesWhatChangedWhileItRan() {
        ModelDeployment kept = Deployments.of("w", "kept", DeploymentStatus.READY, "");
        ModelDeployment purged = Deployments.of("w", "purged", DeploymentStatus.DELETED, "");
        ModelDeployment changed = Deployments.of("w", "changed", DeploymentStatus.PENDING, "");
        ModelDeployment untouched = Deployments.of("w", "untouched", DeploymentStatus.READY, "");
        ModelDeployment created = Deployments.of("w", "created", DeploymentStatus.CREATED, "");
        ModelDeployment changedLater = Deployments.of("w", "changed", 1, DeploymentStatus.READY, "up",
                T0.plusSeconds(5));
        List<Consumer<DeploymentStore>> meanwhile = List.of(
                s -> s.merge(created, Origin.OWN_WRITE),
                s -> s.apply(Deployments.event(1, DeploymentEventType.PURGED, purged)),
                s -> s.merge(changedLater, Origin.EVENT));
        for (List<Consumer<DeploymentStore>> ordering : orderings(meanwhile)) {
            DeploymentStore store = new DeploymentStore();
            store.mergeAll(List.of(kept, purged, changed, untouched), Origin.LOAD);
            // A second version of "purged" is held, so its purge is applied at once.
            store.merge(Deployments.of("w", "purged", 2, DeploymentStatus.READY, "", T0), Origin.LOAD);
            LoadMark mark = store.beginLoad();
            ordering.forEach(change -> change.accept(store));
            // The server answered before all that: "untouched" was deleted on the server before the read.
            store.completeLoad(mark, List.of(kept, purged, changed,
                    Deployments.of("w", "purged", 2, DeploymentStatus.READY, "", T0)));

            assertTrue(store.get(VersionKey.of(created)).isPresent(), "created meanwhile");
            assertFalse(store.get(VersionKey.of(purged)).isPresent(), "purged meanwhile, not brought back");
            assertEquals(DeploymentStatus.READY, store.get(VersionKey.of(changed)).orElseThrow().status(),
                    "a later state is not undone");
            assertFalse(store.get(VersionKey.of(untouched)).isPresent(), "gone from the server before the read");
            assertTrue(store.get(VersionKey.of(kept)).isPresent());
        }
    }

    @Test
    void aFleetLoadHoldsEveryVersionAndDropsOlderVersionsTheServerNoLongerHas() {
        DeploymentStore store = new DeploymentStore();
        ModelDeployment v1 = Deployments.of("prod", "llama", 1, DeploymentStatus.ERROR, "", T0);
        ModelDeployment v2 = Deployments.of("prod", "llama", 2, DeploymentStatus.READY, "", T0);
        ModelDeployment v3 = Deployments.of("prod", "llama", 3, DeploymentStatus.READY, "", T0);
        store.mergeAll(List.of(v1, v2, v3), Origin.LOAD);
        LoadMark mark = store.beginLoad();
        store.completeLoad(mark, List.of(v1, v3)); // v2 was deleted on the server before the read
        assertEquals(List.of(3, 1), store.versions(LLAMA.deployment()).stream()
                .map(ModelDeployment::entityVersion).toList(), "v1 stays: the load has it; v2 is gone");
    }

    @Test
    void aVersionsLoadDropsVersionsTheServerNoLongerHas() {
        DeploymentStore store = new DeploymentStore();
        ModelDeployment v1 = Deployments.of("prod", "llama", 1, DeploymentStatus.READY, "", T0);
        ModelDeployment v2 = Deployments.of("prod", "llama", 2, DeploymentStatus.READY, "", T0);
        ModelDeployment v3 = Deployments.of("prod", "llama", 3, DeploymentStatus.READY, "", T0);
        store.mergeAll(List.of(v1, v2, v3), Origin.LOAD);
        LoadMark mark = store.beginLoad();
        ModelDeployment v4 = Deployments.of("prod", "llama", 4, DeploymentStatus.CREATED, "", T0);
        store.apply(Deployments.event(5, DeploymentEventType.VERSION_CREATED, v4));
        store.completeVersionsLoad(mark, LLAMA.deployment(), List.of(v1, v3));
        assertEquals(List.of(4, 3, 1), store.versions(LLAMA.deployment()).stream()
                .map(ModelDeployment::entityVersion).toList());
    }

    @Test
    void theOnlyVersionHeldStaysUntilTheLatestIsKnown() {
        DeploymentStore store = new DeploymentStore();
        ModelDeployment v2 = Deployments.of("prod", "llama", 2, DeploymentStatus.READY, "", T0);
        store.merge(v2, Origin.LOAD);
        assertEquals(EventOutcome.LATEST_UNKNOWN, store.apply(Deployments.event(1, DeploymentEventType.PURGED, v2)));
        assertEquals(v2, store.latest(LLAMA.deployment()).orElseThrow(), "no gap in between");
        ModelDeployment v1 = Deployments.of("prod", "llama", 1, DeploymentStatus.ERROR, "", T0);
        store.replacePurged(v2, v1);
        assertEquals(List.of(v1), store.versions(LLAMA.deployment()));
        store.replacePurged(v1, null);
        assertEquals(0, store.deploymentCount());
    }
}
