package io.modeldeploy.gui.list;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.api.DeploymentEvents;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.util.Async;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * State of the deployment list: every deployment loaded from the server (latest version each),
 * the filters (workspace, statuses, search text), the filtered and sorted rows the table shows,
 * the workspace choices and the live per-status counts of the filter chips.
 *
 * <p>All methods are meant for the FX thread; loading runs through the injected {@link Async}. The
 * list is loaded without histories (the detail pane reads the history of the one it shows), its
 * first page shown at once on the first load. A filter change is matched against every row on
 * the background executor and applied to the {@link FilteredList} in one step when the answer
 * comes; an answer for a filter that was changed again meanwhile is dropped. A single row's
 * change costs no pass over the list: rows are found by key, and the status and workspace counts
 * are kept up to date row by row.
 *
 * <p>Changes made anywhere arrive as stream events ({@link #applyEvents}); each changed row is
 * marked in {@link #highlights()} for {@link #HIGHLIGHT_DURATION} so the table can flash it. The row
 * the admin has selected never vanishes because of such a change: if it stops matching the filters
 * it stays shown until the selection or the filters change.
 */
public final class DeploymentListViewModel {

    /** What the list is doing, for the table placeholder. */
    public enum LoadState {
        /** Nothing loaded yet, first load running. */
        LOADING,
        /** Data is shown (possibly stale if the last refresh failed, see {@link #loadErrorProperty()}). */
        LOADED,
        /** The first load failed: there is nothing to show. */
        FAILED
    }

    /** How long a row changed by someone else stays highlighted. */
    public static final Duration HIGHLIGHT_DURATION = Duration.ofMillis(1800);

    private sealed interface LocalChange permits Upsert, Removal, Purge, Created {
    }

    private record Upsert(ModelDeployment deployment) implements LocalChange {
    }

    private record Removal(String key) implements LocalChange {
    }

    /** The row is gone if it shows this version; {@code replacement} (may be null) takes its place. */
    private record Purge(String key, int version, ModelDeployment replacement) implements LocalChange {
    }

    /** A new deployment of this name: it replaces whatever row the name had. */
    private record Created(ModelDeployment deployment) implements LocalChange {
    }

    private final DeploymentApiClient client;
    private final Async async;
    private final Clock clock;

    private final ObservableList<DeploymentRow> rows = FXCollections.observableArrayList();
    private final FilteredList<DeploymentRow> filtered = new FilteredList<>(rows);
    private final SortedList<DeploymentRow> sorted = new SortedList<>(filtered);

    private final ObjectProperty<WorkspaceOption> workspace = new SimpleObjectProperty<>(this, "workspace",
            WorkspaceOption.all(0));
    private final ObservableSet<DeploymentStatus> statusFilter = FXCollections.observableSet();
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ReadOnlyObjectWrapper<DeploymentFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter",
            DeploymentFilter.NONE);

    private final ObservableList<WorkspaceOption> workspaceOptions =
            FXCollections.observableArrayList(WorkspaceOption.all(0));
    private final Map<DeploymentStatus, ReadOnlyIntegerWrapper> statusCounts = new EnumMap<>(DeploymentStatus.class);
    private final ReadOnlyIntegerWrapper countAnyStatus = new ReadOnlyIntegerWrapper(this, "countAnyStatus");
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount");

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<LoadState> loadState = new ReadOnlyObjectWrapper<>(this, "loadState",
            LoadState.LOADING);
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final ReadOnlyObjectWrapper<Instant> lastLoaded = new ReadOnlyObjectWrapper<>(this, "lastLoaded");
    private final ReadOnlyBooleanWrapper filtersActive = new ReadOnlyBooleanWrapper(this, "filtersActive");

    private final ObservableMap<String, Instant> highlights = FXCollections.observableHashMap();
    private final ObservableMap<String, Instant> highlightsView = FXCollections.unmodifiableObservableMap(highlights);
    private final Set<String> fetching = new HashSet<>();

    /** Position of each row in {@link #rows}, by key. */
    private final Map<String, Integer> indexByKey = new HashMap<>();
    /** Rows matching the workspace and search of {@link #filter}, by status ordinal: the chip counts. */
    private final int[] matchingCounts = new int[DeploymentStatus.values().length];
    private final Map<String, Integer> workspaceCounts = new HashMap<>();
    private boolean workspacesChanged;
    /** Counts changes of {@link #rows}, so that a filter answered for an older state is recounted. */
    private long rowsVersion;
    /** The filter asked for last; {@link #filter} is the one applied. */
    private DeploymentFilter requestedFilter = DeploymentFilter.NONE;
    /** Counts filter changes; an answer for an earlier one is dropped. */
    private long filterGeneration;

    private long generation;
    private final List<LocalChange> changesDuringLoad = new ArrayList<>();
    private boolean rebuildingOptions;
    /** The deployment the admin has selected (set by the view). */
    private String selectedKey;
    /** The selected row, kept visible although a change made it stop matching the filters; null if none. */
    private String keptKey;

    public DeploymentListViewModel(DeploymentApiClient client, Async async) {
        this(client, async, Clock.systemUTC());
    }

    public DeploymentListViewModel(DeploymentApiClient client, Async async, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.async = Objects.requireNonNull(async, "async");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (DeploymentStatus status : DeploymentStatus.values()) {
            statusCounts.put(status, new ReadOnlyIntegerWrapper(this, "count" + status));
        }
        workspace.addListener((obs, old, now) -> {
            if (now == null) {
                workspace.set(workspaceOptions.get(0));
            } else if (!rebuildingOptions) {
                updateFilter();
            }
        });
        statusFilter.addListener((SetChangeListener<DeploymentStatus>) change -> updateFilter());
        searchText.addListener((obs, old, now) -> updateFilter());
        filtered.addListener((javafx.collections.ListChangeListener<DeploymentRow>) c -> shownCount.set(filtered.size()));
    }

    // ------------------------------------------------------------------ loading

    /** Reloads every deployment of every workspace in the background. */
    public void refresh() {
        long current = ++generation;
        changesDuringLoad.clear();
        loading.set(true);
        if (rows.isEmpty() && loadState.get() != LoadState.LOADED) {
            loadState.set(LoadState.LOADING);
        }
        async.run(() -> client.listFirstDeployments(ApiLimits.ALL_WORKSPACES),
                first -> {
                    if (current != generation) {
                        return;
                    }
                    List<ModelDeployment> firstData = first.data() == null ? List.of() : first.data();
                    if (first.pagination() == null || !first.pagination().hasNext() || firstData.isEmpty()) {
                        loaded(firstData);
                        return;
                    }
                    if (loadState.get() != LoadState.LOADED) {
                        preview(firstData);
                    }
                    async.run(() -> client.listRemainingDeployments(ApiLimits.ALL_WORKSPACES, first),
                            rest -> {
                                if (current == generation) {
                                    List<ModelDeployment> all = new ArrayList<>(firstData.size() + rest.size());
                                    all.addAll(firstData);
                                    all.addAll(rest);
                                    loaded(all);
                                }
                            },
                            error -> {
                                if (current == generation) {
                                    failed(error);
                                }
                            });
                },
                error -> {
                    if (current == generation) {
                        failed(error);
                    }
                });
    }

    /** Shows the first page of the first load while the others are read (the load keeps going). */
    private void preview(List<ModelDeployment> firstPage) {
        Map<String, DeploymentRow> byKey = new LinkedHashMap<>(rows.size() + firstPage.size() * 2);
        for (DeploymentRow row : rows) {
            byKey.put(row.key(), row);
        }
        for (ModelDeployment d : firstPage) {
            DeploymentRow row = new DeploymentRow(d);
            byKey.merge(row.key(), row, DeploymentListViewModel::newer);
        }
        setAllRows(byKey.values());
        loadState.set(LoadState.LOADED);
        dataChanged();
    }

    private void loaded(List<ModelDeployment> deployments) {
        Map<String, DeploymentRow> byKey = new LinkedHashMap<>(deployments.size() * 2);
        for (ModelDeployment d : deployments) {
            byKey.merge(DeploymentRow.keyOf(d.workspace(), d.name()), new DeploymentRow(d), DeploymentListViewModel::newer);
        }
        for (LocalChange change : changesDuringLoad) {
            if (change instanceof Upsert upsert) {
                DeploymentRow local = new DeploymentRow(upsert.deployment());
                byKey.merge(local.key(), local, DeploymentListViewModel::newer);
            } else if (change instanceof Created created) {
                DeploymentRow local = new DeploymentRow(created.deployment());
                byKey.merge(local.key(), local, (loadedRow, createdRow) ->
                        Objects.equals(loadedRow.deployment().id(), createdRow.deployment().id())
                                ? newer(loadedRow, createdRow) : createdRow);
            } else if (change instanceof Removal removal) {
                byKey.remove(removal.key());
            } else if (change instanceof Purge purge) {
                DeploymentRow loadedRow = byKey.get(purge.key());
                if (loadedRow != null && loadedRow.version() == purge.version()) {
                    if (purge.replacement() == null) {
                        byKey.remove(purge.key());
                    } else {
                        byKey.put(purge.key(), new DeploymentRow(purge.replacement()));
                    }
                } else if (purge.replacement() != null) {
                    DeploymentRow local = new DeploymentRow(purge.replacement());
                    byKey.merge(local.key(), local, DeploymentListViewModel::newer);
                }
            }
        }
        changesDuringLoad.clear();
        setAllRows(byKey.values());
        loading.set(false);
        loadError.set(null);
        lastLoaded.set(clock.instant());
        loadState.set(LoadState.LOADED);
        dataChanged();
    }

    private void failed(ApiException error) {
        loading.set(false);
        loadError.set(ErrorTexts.message(error));
        loadState.set(loadState.get() == LoadState.LOADED ? LoadState.LOADED : LoadState.FAILED);
    }

    /** The row with the higher version wins; for the same version, the more recently updated one. */
    private static DeploymentRow newer(DeploymentRow a, DeploymentRow b) {
        if (a.version() != b.version()) {
            return a.version() > b.version() ? a : b;
        }
        Instant ta = a.updatedAt();
        Instant tb = b.updatedAt();
        if (ta == null) {
            return b;
        }
        if (tb == null) {
            return a;
        }
        return tb.isAfter(ta) ? b : a;
    }

    // ------------------------------------------------------------------ local changes

    /**
     * Puts a deployment the console just created or changed into the list, replacing the row of the
     * same workspace and name unless that row shows a newer version, or a later state of the same
     * version (a status change of an older version does not change what the list shows, and an
     * answer that arrives after a newer change was streamed in does not undo it).
     */
    public void upsert(ModelDeployment deployment) {
        if (putIfNewer(deployment)) {
            dataChanged();
        }
    }

    /** Removes a deployment that was purged on the server. */
    public void remove(String workspaceName, String name) {
        String key = DeploymentRow.keyOf(workspaceName, name);
        if (loading.get()) {
            changesDuringLoad.add(new Removal(key));
        }
        int index = indexOf(key);
        if (index >= 0) {
            removeRow(index);
            dataChanged();
        }
    }

    private boolean putIfNewer(ModelDeployment deployment) {
        return put(deployment, false, true);
    }

    /**
     * Puts {@code deployment} in the list unless its row shows a newer version or a later state of
     * the same version; with {@code strict}, also unless the row already shows this very state.
     * Answers whether the row changed; {@code record} notes the change for a load in progress.
     */
    private boolean put(ModelDeployment deployment, boolean strict, boolean record) {
        DeploymentRow row = new DeploymentRow(deployment);
        if (record && loading.get()) {
            changesDuringLoad.add(new Upsert(deployment));
        }
        int index = indexOf(row.key());
        if (index < 0) {
            addRow(row);
            return true;
        }
        DeploymentRow existing = rows.get(index);
        if (existing.version() > row.version()) {
            return false;
        }
        if (existing.version() == row.version()) {
            boolean existingNewer = DeploymentEvents.isNewer(existing.deployment(), deployment);
            boolean same = !DeploymentEvents.isNewer(deployment, existing.deployment());
            if (existingNewer || strict && same) {
                return false;
            }
        }
        setRow(index, row);
        return true;
    }

    private void setRow(int index, DeploymentRow row) {
        if (row.key().equals(selectedKey) && !filter.get().test(row) && filtered.getPredicate() != null) {
            keptKey = row.key(); // the admin is looking at it: don't let it vanish under them
        }
        replaceRow(index, row);
    }

    // ------------------------------------------------------------------ rows and their counts

    private void addRow(DeploymentRow row) {
        indexByKey.put(row.key(), rows.size());
        rows.add(row);
        counted(row, 1);
        countWorkspace(row, 1);
        rowsVersion++;
    }

    private void replaceRow(int index, DeploymentRow row) {
        DeploymentRow before = rows.get(index);
        rows.set(index, row);
        counted(before, -1);
        counted(row, 1);
        rowsVersion++;
    }

    /** Rare (a purge): the positions after it move up. */
    private void removeRow(int index) {
        DeploymentRow removed = rows.remove(index);
        indexByKey.remove(removed.key());
        for (int i = index; i < rows.size(); i++) {
            indexByKey.put(rows.get(i).key(), i);
        }
        counted(removed, -1);
        countWorkspace(removed, -1);
        rowsVersion++;
    }

    private void setAllRows(java.util.Collection<DeploymentRow> all) {
        rows.setAll(all);
        indexByKey.clear();
        workspaceCounts.clear();
        for (int i = 0; i < rows.size(); i++) {
            DeploymentRow row = rows.get(i);
            indexByKey.put(row.key(), i);
            workspaceCounts.merge(row.workspace(), 1, Integer::sum);
        }
        workspacesChanged = true;
        rowsVersion++;
        recount();
    }

    private void counted(DeploymentRow row, int delta) {
        if (filter.get().matchesWorkspaceAndSearch(row)) {
            matchingCounts[row.status().ordinal()] += delta;
        }
    }

    private void countWorkspace(DeploymentRow row, int delta) {
        workspaceCounts.merge(row.workspace(), delta, (a, b) -> a + b == 0 ? null : a + b);
        workspacesChanged = true;
    }

    // ------------------------------------------------------------------ live changes

    /**
     * Applies changes streamed from the server (in commit order) and highlights the rows they
     * changed. A change the list can't complete by itself (a version it doesn't hold, or the purge
     * of the version it shows) is completed by reading the deployment. Answers the keys of the rows
     * changed at once.
     */
    public List<String> applyEvents(List<DeploymentEvent> events) {
        List<String> changed = new ArrayList<>();
        for (DeploymentEvent event : events) {
            if (event.type() == null || event.deployment() == null || event.workspace() == null || event.name() == null) {
                continue;
            }
            if (applyEvent(event)) {
                String key = DeploymentRow.keyOf(event.workspace(), event.name());
                highlight(key);
                if (!changed.contains(key)) {
                    changed.add(key);
                }
            }
        }
        if (!changed.isEmpty()) {
            dataChanged();
        }
        return changed;
    }

    private boolean applyEvent(DeploymentEvent event) {
        String key = DeploymentRow.keyOf(event.workspace(), event.name());
        int index = indexOf(key);
        DeploymentRow row = index < 0 ? null : rows.get(index);
        ModelDeployment after = event.deployment();
        int version = event.entityVersion();
        switch (event.type()) {
            case CREATED -> {
                if (row != null && Objects.equals(row.deployment().id(), after.id())
                        && !DeploymentEvents.isNewer(after, row.deployment())) {
                    return false;
                }
                // Version 1 of a new deployment: any row of that name was an earlier, purged deployment.
                if (loading.get()) {
                    changesDuringLoad.add(new Created(after));
                }
                if (row == null) {
                    addRow(new DeploymentRow(after));
                } else {
                    setRow(index, new DeploymentRow(after));
                }
                return true;
            }
            case VERSION_CREATED -> {
                return put(after, true, true);
            }
            case STATUS_CHANGED, DELETED -> {
                if (row == null || row.version() < version) {
                    fetchLatest(event.workspace(), event.name(), -1);
                    return false;
                }
                if (row.version() > version) {
                    return false; // an older version: the list shows the latest
                }
                Optional<ModelDeployment> merged = DeploymentEvents.apply(row.deployment(), event);
                if (merged.isEmpty()) {
                    fetchLatest(event.workspace(), event.name(), -1);
                    return false;
                }
                if (merged.get() == row.deployment()) {
                    return false;
                }
                return put(merged.get(), true, true);
            }
            case PURGED -> {
                if (row != null && row.version() == version && Objects.equals(row.deployment().id(), after.id())) {
                    fetchLatest(event.workspace(), event.name(), version);
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Reads the latest version of a deployment and puts it in the list. With {@code purgedVersion >= 0}
     * that version is gone: a row still showing it is replaced by the answer, or removed when the
     * whole deployment is gone (404).
     */
    private void fetchLatest(String workspaceName, String name, int purgedVersion) {
        String key = DeploymentRow.keyOf(workspaceName, name);
        if (!fetching.add(key + "#" + purgedVersion)) {
            return;
        }
        async.run(() -> client.getDeployment(workspaceName, name),
                latest -> {
                    fetching.remove(key + "#" + purgedVersion);
                    boolean changed = purgedVersion >= 0 ? replacePurged(key, purgedVersion, latest)
                            : put(latest, true, true);
                    if (changed) {
                        highlight(key);
                        dataChanged();
                    }
                },
                error -> {
                    fetching.remove(key + "#" + purgedVersion);
                    if (error.isNotFound() && purgedVersion >= 0 && replacePurged(key, purgedVersion, null)) {
                        highlights.remove(key);
                        dataChanged();
                    }
                });
    }

    private boolean replacePurged(String key, int purgedVersion, ModelDeployment replacement) {
        if (loading.get()) {
            changesDuringLoad.add(new Purge(key, purgedVersion, replacement));
        }
        int index = indexOf(key);
        if (index >= 0 && rows.get(index).version() == purgedVersion) {
            if (replacement == null) {
                removeRow(index);
            } else {
                setRow(index, new DeploymentRow(replacement));
            }
            return true;
        }
        return replacement != null && put(replacement, true, false);
    }

    private void highlight(String key) {
        highlights.put(key, clock.instant());
    }

    /** Forgets highlights older than {@link #HIGHLIGHT_DURATION}; the table calls this as it animates. */
    public void pruneHighlights() {
        Instant now = clock.instant();
        Iterator<Map.Entry<String, Instant>> it = highlights.entrySet().iterator();
        while (it.hasNext()) {
            if (!Duration.between(it.next().getValue(), now).minus(HIGHLIGHT_DURATION).isNegative()) {
                it.remove();
            }
        }
    }

    /** How long ago the row of {@code key} was changed by a streamed change, while it is highlighted. */
    public Optional<Duration> highlightAge(String key) {
        Instant at = highlights.get(key);
        if (at == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(at, clock.instant());
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        return age.compareTo(HIGHLIGHT_DURATION) < 0 ? Optional.of(age) : Optional.empty();
    }

    /** Rows changed by streamed changes, with when; entries go once the table has faded them out. */
    public ObservableMap<String, Instant> highlights() {
        return highlightsView;
    }

    /**
     * The deployment the admin selected (null for none). A row that is kept visible only because
     * it was selected when it stopped matching the filters goes when the selection moves on.
     */
    public void setSelectedKey(String key) {
        if (Objects.equals(selectedKey, key)) {
            return;
        }
        selectedKey = key;
        if (keptKey != null && !keptKey.equals(key)) {
            releaseKeptRow();
        }
    }

    /** The row kept visible although it doesn't match the filters, if any (for styling it). */
    public boolean isKeptOutsideFilter(DeploymentRow row) {
        return row != null && row.key().equals(keptKey) && !filter.get().test(row);
    }

    private void releaseKeptRow() {
        String key = keptKey;
        keptKey = null;
        int index = key == null ? -1 : indexOf(key);
        if (index >= 0) {
            replaceRow(index, rows.get(index)); // lets the filtered list test it again
            shownCount.set(filtered.size());
        }
    }

    private int indexOf(String key) {
        Integer index = indexByKey.get(key);
        return index == null ? -1 : index;
    }

    /** The loaded row of a deployment, if the list has it. */
    public Optional<DeploymentRow> find(String workspaceName, String name) {
        int index = indexOf(DeploymentRow.keyOf(workspaceName, name));
        return index < 0 ? Optional.empty() : Optional.of(rows.get(index));
    }

    public boolean exists(String workspaceName, String name) {
        return workspaceName != null && name != null && indexOf(DeploymentRow.keyOf(workspaceName, name)) >= 0;
    }

    /** Position of a deployment among the rows the table shows, or -1 when it is filtered out or unknown. */
    public int viewIndexOf(String key) {
        int index = indexOf(key);
        int filteredIndex = index < 0 ? -1 : filtered.getViewIndex(index);
        return filteredIndex < 0 ? -1 : sorted.getViewIndex(filteredIndex);
    }

    // ------------------------------------------------------------------ filters

    /** Shows every deployment again: all workspaces, any status, no search text. */
    public void clearFilters() {
        searchText.set("");
        statusFilter.clear();
        workspace.set(workspaceOptions.get(0));
    }

    /** Makes a hidden deployment visible again by clearing the filters that hide it. */
    public void reveal(String workspaceName, String name) {
        Optional<DeploymentRow> row = find(workspaceName, name);
        if (row.isEmpty() || filter.get().test(row.get())) {
            return;
        }
        clearFilters();
    }

    /** Shows only the given workspace (null or unknown = all). */
    public void selectWorkspace(String workspaceName) {
        for (WorkspaceOption option : workspaceOptions) {
            if (Objects.equals(option.workspace(), workspaceName)) {
                workspace.set(option);
                return;
            }
        }
        workspace.set(workspaceOptions.get(0));
    }

    /** Toggles one status in the status filter. */
    public void toggleStatus(DeploymentStatus status, boolean selected) {
        if (selected) {
            statusFilter.add(status);
        } else {
            statusFilter.remove(status);
        }
    }

    private void updateFilter() {
        WorkspaceOption option = workspace.get();
        DeploymentFilter next = DeploymentFilter.of(option == null ? null : option.workspace(), statusFilter,
                searchText.get());
        if (next.sameAs(requestedFilter)) {
            return;
        }
        requestedFilter = next;
        long current = ++filterGeneration;
        if (next.isEmpty()) {
            applyFilter(next, null, rowsVersion);
            return;
        }
        List<DeploymentRow> snapshot = List.copyOf(rows);
        long snapshotVersion = rowsVersion;
        async.run(() -> FilterMatches.of(next, snapshot),
                matches -> {
                    if (current == filterGeneration) {
                        applyFilter(next, matches, snapshotVersion);
                    }
                },
                error -> {
                    if (current == filterGeneration) {
                        applyFilter(next, null, -1);
                    }
                });
    }

    /**
     * Makes {@code next} the filter in effect, in one step. {@code matches} (may be null) holds
     * the answers for the rows as they were at {@code snapshotVersion}; a row changed since is
     * tested here.
     */
    private void applyFilter(DeploymentFilter next, FilterMatches matches, long snapshotVersion) {
        filter.set(next);
        keptKey = null; // an explicit filter change applies to every row
        filtered.setPredicate(next.isEmpty() ? null : keepingSelected(next, matches));
        filtersActive.set(!next.isEmpty());
        if (matches != null && snapshotVersion == rowsVersion) {
            System.arraycopy(matches.counts(), 0, matchingCounts, 0, matchingCounts.length);
        } else {
            recount();
        }
        publishCounts();
        shownCount.set(filtered.size());
    }

    private Predicate<DeploymentRow> keepingSelected(DeploymentFilter next, FilterMatches matches) {
        return row -> (matches == null ? next.test(row) : matches.test(row, next)) || row.key().equals(keptKey);
    }

    private void dataChanged() {
        totalCount.set(rows.size());
        if (workspacesChanged) {
            workspacesChanged = false;
            rebuildWorkspaceOptions();
        }
        publishCounts();
        shownCount.set(filtered.size());
    }

    /** Counts again, row by row, the rows matching the workspace and the search text of the filter in effect. */
    private void recount() {
        DeploymentFilter current = filter.get();
        java.util.Arrays.fill(matchingCounts, 0);
        for (DeploymentRow row : rows) {
            if (current.matchesWorkspaceAndSearch(row)) {
                matchingCounts[row.status().ordinal()]++;
            }
        }
    }

    private void publishCounts() {
        int any = 0;
        for (DeploymentStatus status : DeploymentStatus.values()) {
            int count = matchingCounts[status.ordinal()];
            statusCounts.get(status).set(count);
            any += count;
        }
        countAnyStatus.set(any);
    }

    /**
     * "All workspaces" first, then every workspace that has deployments, alphabetically, each with
     * its count. The selected workspace stays selected, even when its last deployment is gone.
     */
    private void rebuildWorkspaceOptions() {
        List<WorkspaceOption> options = buildWorkspaceOptions(workspaceCounts, rows.size(), workspace.get());
        if (options.equals(workspaceOptions)) {
            return;
        }
        String selected = workspace.get() == null ? null : workspace.get().workspace();
        rebuildingOptions = true;
        try {
            workspaceOptions.setAll(options);
            WorkspaceOption match = options.stream()
                    .filter(o -> Objects.equals(o.workspace(), selected))
                    .findFirst()
                    .orElse(options.get(0));
            workspace.set(match);
        } finally {
            rebuildingOptions = false;
        }
        if (!Objects.equals(selected, workspace.get().workspace())) {
            updateFilter();
        }
    }

    static List<WorkspaceOption> buildWorkspaceOptions(Map<String, Integer> perWorkspace, int total,
                                                       WorkspaceOption selected) {
        Map<String, Integer> counts = new HashMap<>(perWorkspace);
        if (selected != null && !selected.isAll()) {
            counts.putIfAbsent(selected.workspace(), 0);
        }
        List<String> names = new ArrayList<>(counts.keySet());
        names.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        List<WorkspaceOption> options = new ArrayList<>(names.size() + 1);
        options.add(WorkspaceOption.all(total));
        for (String name : names) {
            options.add(new WorkspaceOption(name, counts.get(name)));
        }
        return options;
    }

    /** Every workspace that has deployments, alphabetically (for the New deployment dialog). */
    public List<String> workspaceNames() {
        return workspaceOptions.stream().filter(o -> !o.isAll() && o.count() > 0).map(WorkspaceOption::workspace)
                .toList();
    }

    // ------------------------------------------------------------------ properties

    /** Every loaded deployment, unfiltered. */
    public ObservableList<DeploymentRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The rows to show: filtered; bind its comparator to the table's. */
    public SortedList<DeploymentRow> visibleRows() {
        return sorted;
    }

    public ObjectProperty<WorkspaceOption> workspaceProperty() {
        return workspace;
    }

    public ObservableSet<DeploymentStatus> statusFilter() {
        return statusFilter;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ReadOnlyObjectProperty<DeploymentFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public ObservableList<WorkspaceOption> workspaceOptions() {
        return FXCollections.unmodifiableObservableList(workspaceOptions);
    }

    /** Rows of {@code status} matching the workspace and search filters (the chip counts). */
    public ReadOnlyIntegerProperty countProperty(DeploymentStatus status) {
        return statusCounts.get(status).getReadOnlyProperty();
    }

    /** Rows matching the workspace and search filters, whatever their status (the "All" chip count). */
    public ReadOnlyIntegerProperty countAnyStatusProperty() {
        return countAnyStatus.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoadState> loadStateProperty() {
        return loadState.getReadOnlyProperty();
    }

    /** Why the last refresh failed, or null when it worked. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastLoadedProperty() {
        return lastLoaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty filtersActiveProperty() {
        return filtersActive.getReadOnlyProperty();
    }
}
