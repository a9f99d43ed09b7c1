package io.modeldeploy.gui.session;

import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.ModelDeployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The console's one copy of the fleet on a server: the newest known copy of every deployment
 * version it has read or been told about, keyed by workspace, name and version. Loads, stream
 * events and the answers to this console's own writes all go in here, and {@link Freshness} alone
 * decides which copy wins, so an answer that arrives late never undoes a newer change.
 *
 * <p>Whole loads (the fleet, or every version of one deployment) are bracketed by
 * {@link #beginLoad()} and a {@code complete…} call: what the load does not contain is gone from
 * the server, unless it changed here after the load began (a deployment created meanwhile); a
 * version removed while a load ran is not brought back by that load's older copy.
 *
 * <p>Listeners hear of every change, in one batch per call, with where it came from. Use it on one
 * thread (the FX thread in the application).
 */
public final class DeploymentStore {

    /** Where a change came from. */
    public enum Origin {
        /** A read: the fleet, a deployment's versions, one version. */
        LOAD,
        /** The event stream: a change made anywhere. */
        EVENT,
        /** The server's answer to a change this console made. */
        OWN_WRITE,
        /**
         * A read of the fleet polled from a server without an event stream: what it changed was
         * changed elsewhere since the read before, as a stream would have told.
         */
        POLL
    }

    /** One version's copy before and after ({@code after} null: removed; {@code before} null: new). */
    public record Change(ModelDeployment before, ModelDeployment after, Origin origin) {

        public VersionKey key() {
            return VersionKey.of(after != null ? after : before);
        }

        public DeploymentKey deployment() {
            return DeploymentKey.of(after != null ? after : before);
        }
    }

    /** Told of the changes of one store call, on the store's thread. */
    @FunctionalInterface
    public interface Listener {
        void storeChanged(List<Change> changes);
    }

    /** What applying a stream event needs of the caller. */
    public enum EventOutcome {
        CHANGED,
        UNCHANGED,
        /**
         * The only version held of that deployment was purged: read which version is latest now and
         * hand it to {@link #replacePurged}.
         */
        LATEST_UNKNOWN
    }

    /** The start of a whole load, for {@link #completeLoad} / {@link #completeVersionsLoad} / {@link #endLoad}. */
    public record LoadMark(long sequence) {
    }

    private record Held(ModelDeployment copy, long sequence) {
    }

    private record Removed(String id, long sequence) {
    }

    /**
     * In the order deployments were first taken in (a load's order): the list is built in it, and a
     * table sorted by a column re-sorts a nearly sorted list much faster than a shuffled one.
     */
    private final Map<DeploymentKey, NavigableMap<Integer, Held>> deployments = new LinkedHashMap<>();
    /** Versions removed while a load runs, so that the load's older copy does not bring them back. */
    private final Map<VersionKey, Removed> removedDuringLoads = new HashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private List<Change> batch = new ArrayList<>();
    private long sequence;
    private int openLoads;

    // ------------------------------------------------------------------ reading

    public Optional<ModelDeployment> get(VersionKey key) {
        NavigableMap<Integer, Held> versions = deployments.get(key.deployment());
        Held held = versions == null ? null : versions.get(key.version());
        return held == null ? Optional.empty() : Optional.of(held.copy());
    }

    /** The highest version held of a deployment. */
    public Optional<ModelDeployment> latest(DeploymentKey key) {
        NavigableMap<Integer, Held> versions = deployments.get(key);
        return versions == null || versions.isEmpty() ? Optional.empty()
                : Optional.of(versions.lastEntry().getValue().copy());
    }

    /** Every version held of a deployment, newest first. */
    public List<ModelDeployment> versions(DeploymentKey key) {
        NavigableMap<Integer, Held> versions = deployments.get(key);
        if (versions == null) {
            return List.of();
        }
        List<ModelDeployment> copies = new ArrayList<>(versions.size());
        for (Held held : versions.descendingMap().values()) {
            copies.add(held.copy());
        }
        return copies;
    }

    /** The highest version held of every deployment, in no particular order. */
    public List<ModelDeployment> latestOfEach() {
        List<ModelDeployment> copies = new ArrayList<>(deployments.size());
        for (NavigableMap<Integer, Held> versions : deployments.values()) {
            copies.add(versions.lastEntry().getValue().copy());
        }
        return copies;
    }

    public int deploymentCount() {
        return deployments.size();
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    // ------------------------------------------------------------------ writing

    /** Takes in a copy read from the server or answered to a write, if it is the newer one. */
    public boolean merge(ModelDeployment copy, Origin origin) {
        boolean changed = put(copy, origin);
        publish();
        return changed;
    }

    /** Takes in many copies at once (one batch for the listeners). */
    public void mergeAll(Collection<ModelDeployment> copies, Origin origin) {
        for (ModelDeployment copy : copies) {
            put(copy, origin);
        }
        publish();
    }

    /** Applies a change streamed from the server. */
    public EventOutcome apply(DeploymentEvent event) {
        ModelDeployment after = event.deployment();
        if (event.type() == null || after == null || after.workspace() == null || after.name() == null) {
            return EventOutcome.UNCHANGED;
        }
        EventOutcome outcome;
        if (event.type() == DeploymentEventType.PURGED) {
            outcome = purged(after);
        } else {
            if (event.type() == DeploymentEventType.CREATED) {
                forgetEarlierDeployment(after);
            }
            ModelDeployment held = get(VersionKey.of(after)).orElse(null);
            put(DeploymentCopies.join(held, event), Origin.EVENT);
            outcome = batch.isEmpty() ? EventOutcome.UNCHANGED : EventOutcome.CHANGED;
        }
        publish();
        return outcome;
    }

    /** Removes a version that is gone from the server (only the copy of that very version: same id). */
    public boolean remove(ModelDeployment gone, Origin origin) {
        boolean removed = removeVersion(VersionKey.of(gone), gone.id(), origin);
        publish();
        return removed;
    }

    /** Removes every version of a deployment that is gone from the server. */
    public boolean removeDeployment(DeploymentKey key, Origin origin) {
        NavigableMap<Integer, Held> versions = deployments.get(key);
        if (versions == null) {
            return false;
        }
        for (Integer number : List.copyOf(versions.keySet())) {
            removeVersion(key.version(number), null, origin);
        }
        publish();
        return true;
    }

    /** Forgets everything (nothing is told to listeners but one batch of removals). */
    public void clear() {
        for (DeploymentKey key : List.copyOf(deployments.keySet())) {
            NavigableMap<Integer, Held> versions = deployments.get(key);
            for (Integer number : List.copyOf(versions.keySet())) {
                removeVersion(key.version(number), null, Origin.LOAD);
            }
        }
        publish();
    }

    // ------------------------------------------------------------------ whole loads

    public LoadMark beginLoad() {
        openLoads++;
        return new LoadMark(sequence);
    }

    /** A load that failed or was cancelled: nothing to take in. */
    public void endLoad(LoadMark mark) {
        openLoads = Math.max(0, openLoads - 1);
        if (openLoads == 0) {
            removedDuringLoads.clear();
        }
    }

    /**
     * The fleet as read since {@code mark}: every version of every deployment. Versions it lacks are
     * gone unless they changed after the mark.
     */
    public void completeLoad(LoadMark mark, Collection<ModelDeployment> everyVersion) {
        completeLoad(mark, everyVersion, Origin.LOAD);
    }

    /** {@link #completeLoad(LoadMark, Collection)} telling its changes as coming from {@code origin}. */
    public void completeLoad(LoadMark mark, Collection<ModelDeployment> everyVersion, Origin origin) {
        Map<DeploymentKey, Set<Integer>> loaded = new HashMap<>(everyVersion.size() * 2);
        for (ModelDeployment copy : everyVersion) {
            loaded.computeIfAbsent(DeploymentKey.of(copy), k -> new HashSet<>()).add(copy.entityVersion());
            putUnlessRemovedSince(mark, copy, origin);
        }
        for (DeploymentKey key : List.copyOf(deployments.keySet())) {
            Set<Integer> versions = loaded.getOrDefault(key, Set.of());
            dropUntouched(mark, key, number -> !versions.contains(number), origin);
        }
        endLoad(mark);
        publish();
    }

    /** Every version of one deployment as read since {@code mark}; versions it lacks are gone (empty: all). */
    public void completeVersionsLoad(LoadMark mark, DeploymentKey key, Collection<ModelDeployment> allVersions) {
        Set<Integer> loaded = new HashSet<>();
        for (ModelDeployment copy : allVersions) {
            loaded.add(copy.entityVersion());
            putUnlessRemovedSince(mark, copy, Origin.LOAD);
        }
        dropUntouched(mark, key, number -> !loaded.contains(number), Origin.LOAD);
        endLoad(mark);
        publish();
    }

    // ------------------------------------------------------------------ internals

    private interface VersionTest {
        boolean test(int number);
    }

    private void putUnlessRemovedSince(LoadMark mark, ModelDeployment copy, Origin origin) {
        Removed removed = removedDuringLoads.get(VersionKey.of(copy));
        if (removed != null && removed.sequence() > mark.sequence()
                && (removed.id() == null || Objects.equals(removed.id(), copy.id()))) {
            return; // read before it was removed
        }
        put(copy, origin);
    }

    private void dropUntouched(LoadMark mark, DeploymentKey key, VersionTest gone, Origin origin) {
        NavigableMap<Integer, Held> versions = deployments.get(key);
        if (versions == null) {
            return;
        }
        for (Map.Entry<Integer, Held> entry : List.copyOf(versions.entrySet())) {
            if (entry.getValue().sequence() <= mark.sequence() && gone.test(entry.getKey())) {
                removeVersion(key.version(entry.getKey()), null, origin);
            }
        }
    }

    private boolean put(ModelDeployment copy, Origin origin) {
        VersionKey key = VersionKey.of(copy);
        NavigableMap<Integer, Held> versions = deployments.computeIfAbsent(key.deployment(), k -> new TreeMap<>());
        Held held = versions.get(key.version());
        ModelDeployment before = held == null ? null : held.copy();
        ModelDeployment kept = Freshness.preferred(before, copy);
        if (kept == before) {
            return false;
        }
        versions.put(key.version(), new Held(kept, ++sequence));
        batch.add(new Change(before, kept, origin));
        return true;
    }

    private boolean removeVersion(VersionKey key, String id, Origin origin) {
        NavigableMap<Integer, Held> versions = deployments.get(key.deployment());
        Held held = versions == null ? null : versions.get(key.version());
        if (held == null || id != null && held.copy().id() != null && !id.equals(held.copy().id())) {
            return false;
        }
        versions.remove(key.version());
        if (versions.isEmpty()) {
            deployments.remove(key.deployment());
        }
        sequence++;
        if (openLoads > 0) {
            removedDuringLoads.put(key, new Removed(held.copy().id(), sequence));
        }
        batch.add(new Change(held.copy(), null, origin));
        return true;
    }

    /**
     * The purge of a version. When it is the latest held and no other version of the deployment is,
     * the copy stays until the caller has read which version is latest now ({@link #replacePurged}):
     * a row does not vanish and come back.
     */
    private EventOutcome purged(ModelDeployment last) {
        DeploymentKey key = DeploymentKey.of(last);
        NavigableMap<Integer, Held> versions = deployments.get(key);
        Held held = versions == null ? null : versions.get(last.entityVersion());
        if (held == null || !Objects.equals(held.copy().id(), last.id())) {
            return EventOutcome.UNCHANGED;
        }
        if (versions.size() == 1) {
            return EventOutcome.LATEST_UNKNOWN;
        }
        removeVersion(VersionKey.of(last), last.id(), Origin.EVENT);
        return EventOutcome.CHANGED;
    }

    /**
     * After the purge of {@code purged}: the deployment's latest version as the server has it now
     * (null: the deployment is gone), in one batch.
     */
    public void replacePurged(ModelDeployment purged, ModelDeployment latest) {
        removeVersion(VersionKey.of(purged), purged.id(), Origin.EVENT);
        if (latest == null) {
            NavigableMap<Integer, Held> versions = deployments.get(DeploymentKey.of(purged));
            for (Integer number : versions == null ? List.<Integer>of() : List.copyOf(versions.keySet())) {
                removeVersion(DeploymentKey.of(purged).version(number), null, Origin.EVENT);
            }
        } else {
            put(latest, Origin.EVENT);
        }
        publish();
    }

    /** Version 1 of a new deployment: versions held under its name with another id were an earlier, purged one. */
    private void forgetEarlierDeployment(ModelDeployment created) {
        NavigableMap<Integer, Held> versions = deployments.get(DeploymentKey.of(created));
        if (versions == null) {
            return;
        }
        for (Map.Entry<Integer, Held> entry : List.copyOf(versions.entrySet())) {
            if (!Objects.equals(entry.getValue().copy().id(), created.id())
                    && !Freshness.isNewer(entry.getValue().copy(), created)) {
                removeVersion(DeploymentKey.of(created).version(entry.getKey()), null, Origin.EVENT);
            }
        }
    }

    private void publish() {
        if (batch.isEmpty()) {
            return;
        }
        List<Change> changes = List.copyOf(batch);
        batch = new ArrayList<>();
        for (Listener listener : listeners) {
            listener.storeChanged(changes);
        }
    }
}
