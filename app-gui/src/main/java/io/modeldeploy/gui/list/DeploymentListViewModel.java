package io.modeldeploy.gui.list;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.session.AttentionRule;
import io.modeldeploy.gui.session.ConsoleSession.FleetState;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.gui.session.DeploymentStore.Change;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskSlot;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The deployment list: one row per deployment, showing the latest version the session's store
 * holds and the worst problem of its older versions, with the filters (workspace, statuses, search
 * text), the filtered and sorted rows the table shows, the workspace choices and the per-status
 * counts of the filter chips (of the latest versions, or of every version).
 *
 * <p>It only reads the store: loads, streamed changes and this console's own writes all reach it
 * as store changes. A single row's change costs no pass over the list (rows are found by key and
 * the counts kept row by row); a filter change is matched against every row on the background
 * executor and applied in one step, a newer filter change cancelling the older one. Rows changed
 * by someone else (stream events) are marked in {@link #highlights()} for
 * {@link #HIGHLIGHT_DURATION}. The row the admin has selected never vanishes because of such a
 * change: if it stops matching the filters it stays shown until the selection or the filters change.
 *
 * <p>Stable rows: while more than one row is selected or the pointer is over the list, the order is
 * {@linkplain #orderHeldProperty() held}: live changes replace rows where they are and new rows go
 * last, so nothing moves under the admin's pointer or selection. The rows changed meanwhile are
 * counted ({@link #changedWhileHeldProperty()}); the list sorts again when the hold ends, on
 * {@link #resort()}, and at once on an explicit change of the sort order or the filters.
 */
public final class DeploymentListViewModel {

    /** How long a row changed by someone else stays highlighted. */
    public static final Duration HIGHLIGHT_DURATION = Duration.ofMillis(1800);
    /** Above this many changes in one batch the rows are rebuilt instead of patched one by one. */
    private static final int REBUILD_THRESHOLD = 512;

    private final ConsoleSession session;
    private final DeploymentStore store;
    private final RowHighlights highlights;
    private final TaskSlot filtering;

    private final ObservableList<DeploymentRow> rows = FXCollections.observableArrayList();
    /** One read-only view for every reader: listeners on a view last as long as the view does. */
    private final ObservableList<DeploymentRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<DeploymentRow> filtered = new FilteredList<>(rows);
    private final SortedList<DeploymentRow> sorted = new SortedList<>(filtered);

    private final ObjectProperty<WorkspaceOption> workspace = new SimpleObjectProperty<>(this, "workspace",
            WorkspaceOption.all(0));
    private final WorkspaceChoices workspaces = new WorkspaceChoices(workspace);
    private final ObservableSet<DeploymentStatus> statusFilter = FXCollections.observableSet();
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final BooleanProperty allVersions = new SimpleBooleanProperty(this, "allVersions", false);
    private final BooleanProperty attentionOnly = new SimpleBooleanProperty(this, "attentionOnly", false);
    private final ReadOnlyObjectWrapper<DeploymentFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter",
            DeploymentFilter.NONE);

    private final Map<DeploymentStatus, ReadOnlyIntegerWrapper> statusCounts = new EnumMap<>(DeploymentStatus.class);
    private final ReadOnlyIntegerWrapper countAnyStatus = new ReadOnlyIntegerWrapper(this, "countAnyStatus");
    private final ReadOnlyIntegerWrapper needingAttention = new ReadOnlyIntegerWrapper(this, "needingAttention");
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount");
    private final ReadOnlyBooleanWrapper filtersActive = new ReadOnlyBooleanWrapper(this, "filtersActive");
    private final StringBinding loadError;
    private final ObjectProperty<Instant> staleAsOf = new SimpleObjectProperty<>(this, "staleAsOf");

    /** Position of each row in {@link #rows}, by key. */
    private final Map<String, Integer> indexByKey = new HashMap<>();
    /** Rows matching the workspace and search of {@link #filter}: the chip counts. */
    private final ChipCounts matching = new ChipCounts();
    /** Counts changes of {@link #rows}, so that a filter answered for an older state is recounted. */
    private long rowsVersion;
    /** The filter asked for last; {@link #filter} is the one applied. */
    private DeploymentFilter requestedFilter = DeploymentFilter.NONE;
    /** The deployment the admin has selected (set by the view). */
    private String selectedKey;
    /** The selected row, kept visible although it does not match the filters; null if none. */
    private String keptKey;
    private final ReadOnlyStringWrapper keptOutsideFilter = new ReadOnlyStringWrapper(this, "keptOutsideFilter");

    private final RowOrder order = new RowOrder(this::indexOf);
    private final BooleanProperty pointerOverList = new SimpleBooleanProperty(this, "pointerOverList");
    private final ReadOnlyIntegerWrapper selectionCount = new ReadOnlyIntegerWrapper(this, "selectionCount");
    private final ReadOnlyBooleanWrapper orderHeld = new ReadOnlyBooleanWrapper(this, "orderHeld");
    private final ReadOnlyIntegerWrapper changedWhileHeld = new ReadOnlyIntegerWrapper(this, "changedWhileHeld");
    /** Rows changed since the order was held, by key. */
    private final Set<String> changedKeys = new HashSet<>();
    /** The keys of the rows selected in the table (set by the view). */
    private List<String> selection = List.of();
    private final List<Consumer<List<String>>> selectionRequests = new CopyOnWriteArrayList<>();

    public DeploymentListViewModel(ConsoleSession session) {
        this.session = Objects.requireNonNull(session, "session");
        this.store = session.store();
        this.highlights = new RowHighlights(session.clock(), HIGHLIGHT_DURATION);
        this.filtering = new TaskSlot(session.tasks());
        for (DeploymentStatus status : DeploymentStatus.values()) {
            statusCounts.put(status, new ReadOnlyIntegerWrapper(this, "count" + status));
        }
        loadError = Bindings.createStringBinding(() -> {
            ApiException error = session.fleetLoadErrorProperty().get();
            return error == null ? null : ErrorTexts.message(error);
        }, session.fleetLoadErrorProperty());
        workspace.addListener((obs, old, now) -> {
            if (now == null) {
                workspace.set(workspaces.first());
            } else if (!workspaces.isRebuilding()) {
                updateFilter();
            }
        });
        statusFilter.addListener((SetChangeListener<DeploymentStatus>) change -> updateFilter());
        searchText.addListener((obs, old, now) -> updateFilter());
        allVersions.addListener((obs, old, now) -> updateFilter());
        attentionOnly.addListener((obs, old, now) -> updateFilter());
        // New stuck limits judge every row again.
        session.attentionRuleProperty().addListener((obs, old, now) -> rebuild(List.of()));
        filtered.addListener((ListChangeListener<DeploymentRow>) c -> shownCount.set(filtered.size()));
        sorted.setComparator(order.comparator());
        pointerOverList.addListener((obs, was, over) -> updateHold());
        store.addListener(this::storeChanged);
        if (store.deploymentCount() > 0) {
            rebuild(List.of());
        }
    }

    /** Reads the whole fleet again (F5). */
    public void refresh() {
        session.reloadFleet();
    }

    // ------------------------------------------------------------------ following the store

    private void storeChanged(List<Change> changes) {
        if (changes.size() > REBUILD_THRESHOLD) {
            rebuild(changes);
            return;
        }
        boolean firstRows = rows.isEmpty();
        Map<DeploymentKey, Boolean> touched = new LinkedHashMap<>();
        for (Change change : changes) {
            touched.merge(change.deployment(), madeElsewhere(change), Boolean::logicalOr);
        }
        touched.forEach((key, byEvent) -> {
            boolean rowChanged = showLatest(key);
            if (rowChanged && byEvent) {
                highlights.mark(DeploymentRow.keyOf(key.workspace(), key.name()));
            }
            if (rowChanged) {
                changedWhileHeld(DeploymentRow.keyOf(key.workspace(), key.name()));
            }
        });
        if (firstRows) {
            sortLoadedRows();
        }
        dataChanged();
    }

    /**
     * The first rows, or a whole fleet read again, are sorted at once even while the order is held
     * (the window often opens under the pointer): holding keeps rows in place, it does not keep a
     * list unsorted.
     */
    private void sortLoadedRows() {
        if (order.isFrozen()) {
            applyOrder();
        }
    }

    /** Puts the latest version the store holds of {@code key} in its row, with what its other versions add. */
    private boolean showLatest(DeploymentKey key) {
        String rowKey = DeploymentRow.keyOf(key.workspace(), key.name());
        ModelDeployment latest = store.latest(key).orElse(null);
        int index = indexOf(rowKey);
        if (latest == null) {
            if (index >= 0) {
                removeRow(index);
                highlights.forget(rowKey);
                return true;
            }
            return false;
        }
        if (index < 0) {
            addRow(rowOf(latest));
            return true;
        }
        DeploymentRow row = rowOf(latest); // the latest or an older version changed
        if (rowKey.equals(selectedKey) && !filter.get().test(row) && filtered.getPredicate() != null) {
            keep(rowKey); // the admin is looking at it: don't let it vanish under them
        }
        replaceRow(index, row);
        return true;
    }

    /** A change someone else made: streamed, or seen between two polls of a server without a stream. */
    private static boolean madeElsewhere(DeploymentStore.Change change) {
        return change.origin() == DeploymentStore.Origin.EVENT || change.origin() == DeploymentStore.Origin.POLL;
    }

    /** Many changes at once (a whole load): all rows anew, in one step. */
    private void rebuild(List<Change> changes) {
        List<DeploymentRow> all = new ArrayList<>(store.deploymentCount());
        for (ModelDeployment latest : store.latestOfEach()) {
            all.add(rowOf(latest));
        }
        rows.setAll(all);
        indexByKey.clear();
        for (int i = 0; i < rows.size(); i++) {
            indexByKey.put(rows.get(i).key(), i);
        }
        workspaces.recount(rows);
        rowsVersion++;
        recount();
        boolean read = true;
        for (Change change : changes) {
            if (madeElsewhere(change) && change.after() != null) {
                highlights.mark(DeploymentRow.keyOf(change.after().workspace(), change.after().name()));
            }
            read &= change.origin() == DeploymentStore.Origin.LOAD;
            changedWhileHeld(DeploymentRow.keyOf(change.deployment().workspace(), change.deployment().name()));
        }
        if (read) {
            sortLoadedRows();
        }
        dataChanged();
    }

    // ------------------------------------------------------------------ rows and their counts

    private DeploymentRow rowOf(ModelDeployment latest) {
        return new DeploymentRow(latest, store.versions(DeploymentKey.of(latest)),
                session.attentionRuleProperty().get(), session.clock().instant());
    }

    /**
     * Judges again the rows with a version that has become stuck since the row was made (nothing
     * else tells when time alone makes a version stuck); the list view calls this on its clock tick.
     */
    public void refreshStuck() {
        Instant now = session.clock().instant();
        boolean changed = false;
        for (int i = 0; i < rows.size(); i++) {
            DeploymentRow row = rows.get(i);
            if (row.stuckCheckDue() != null && now.isAfter(row.stuckCheckDue())) {
                replaceRow(i, rowOf(row.deployment()));
                changed = true;
            }
        }
        if (changed) {
            dataChanged();
        }
    }

    private void addRow(DeploymentRow row) {
        indexByKey.put(row.key(), rows.size());
        order.added(row.key());
        rows.add(row);
        counted(row, 1);
        workspaces.count(row.workspace(), 1);
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
        workspaces.count(removed.workspace(), -1);
        rowsVersion++;
    }

    private void counted(DeploymentRow row, int delta) {
        if (filter.get().matchesWorkspaceAndSearch(row)) {
            matching.add(filter.get(), row, delta);
        }
    }

    private void dataChanged() {
        totalCount.set(rows.size());
        if (workspaces.publish(rows.size())) {
            updateFilter();
        }
        publishCounts();
        shownCount.set(filtered.size());
    }

    // ------------------------------------------------------------------ highlights and selection

    /** Forgets highlights older than {@link #HIGHLIGHT_DURATION}; the table calls this as it animates. */
    public void pruneHighlights() {
        highlights.prune();
    }

    /** How long ago the row of {@code key} was changed by a streamed change, while it is highlighted. */
    public Optional<Duration> highlightAge(String key) {
        return highlights.age(key);
    }

    /** Rows changed by streamed changes, with when; entries go once the table has faded them out. */
    public ObservableMap<String, Instant> highlights() {
        return highlights.view();
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
            String kept = keptKey;
            keep(null);
            int index = indexOf(kept);
            if (index >= 0) {
                replaceRow(index, rows.get(index)); // lets the filtered list test it again
                shownCount.set(filtered.size());
            }
        }
    }

    /**
     * Selects a deployment this console just created, versioned or deleted, keeping the filters as
     * they are: if they hide it, it is shown anyway (see {@link #keptOutsideFilterProperty()}) until
     * the selection or the filters change.
     */
    public void selectKeepingFilters(String workspaceName, String name) {
        String key = DeploymentRow.keyOf(workspaceName, name);
        setSelectedKey(key);
        int index = indexOf(key);
        if (index >= 0 && filtered.getPredicate() != null && !filter.get().test(rows.get(index))) {
            keep(key);
            replaceRow(index, rows.get(index)); // lets the filtered list test it again
            shownCount.set(filtered.size());
        }
    }

    private void keep(String key) {
        keptKey = key;
        keptOutsideFilter.set(key);
    }

    /** The key of the selected row shown although the filters hide it (null: none), for the note above the table. */
    public ReadOnlyStringProperty keptOutsideFilterProperty() {
        return keptOutsideFilter.getReadOnlyProperty();
    }

    /** The row kept visible although it doesn't match the filters, if any (for styling it). */
    public boolean isKeptOutsideFilter(DeploymentRow row) {
        return row != null && row.key().equals(keptKey) && !filter.get().test(row);
    }

    private int indexOf(String key) {
        Integer index = indexByKey.get(key);
        return index == null ? -1 : index;
    }

    /** The row of a deployment, if the list has it. */
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
        attentionOnly.set(false);
        workspace.set(workspaces.first());
    }

    /** Shows only the given workspace (null or unknown = all). */
    public void selectWorkspace(String workspaceName) {
        workspace.set(workspaces.options().stream().filter(o -> Objects.equals(o.workspace(), workspaceName))
                .findFirst().orElse(workspaces.first()));
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
                searchText.get(), allVersions.get(), attentionOnly.get());
        if (next.sameAs(requestedFilter)) {
            return;
        }
        requestedFilter = next;
        if (next.isEmpty()) {
            filtering.cancel();
            applyFilter(next, null, rowsVersion);
            return;
        }
        List<DeploymentRow> snapshot = List.copyOf(rows);
        long snapshotVersion = rowsVersion;
        filtering.run(() -> FilterMatches.of(next, snapshot),
                matches -> applyFilter(next, matches, snapshotVersion),
                error -> applyFilter(next, null, -1));
    }

    /**
     * Makes {@code next} the filter in effect, in one step. {@code matches} (may be null) holds
     * the answers for the rows as they were at {@code snapshotVersion}; a row changed since is
     * tested here.
     */
    private void applyFilter(DeploymentFilter next, FilterMatches matches, long snapshotVersion) {
        filter.set(next);
        keep(null); // an explicit filter change applies to every row
        filtered.setPredicate(next.isEmpty() ? null : keepingSelected(next, matches));
        filtersActive.set(!next.isEmpty());
        if (matches != null && snapshotVersion == rowsVersion) {
            matching.copyFrom(matches.counts());
        } else {
            recount();
        }
        publishCounts();
        if (order.isFrozen()) {
            applyOrder(); // an explicit filter change sorts the rows it shows
        }
        shownCount.set(filtered.size());
    }

    private Predicate<DeploymentRow> keepingSelected(DeploymentFilter next, FilterMatches matches) {
        return row -> (matches == null ? next.test(row) : matches.test(row, next)) || row.key().equals(keptKey);
    }

    /** Counts again, row by row, the rows matching the workspace and the search text of the filter in effect. */
    private void recount() {
        DeploymentFilter current = filter.get();
        matching.clear();
        for (DeploymentRow row : rows) {
            if (current.matchesWorkspaceAndSearch(row)) {
                matching.add(current, row, 1);
            }
        }
    }

    private void publishCounts() {
        for (DeploymentStatus status : DeploymentStatus.values()) {
            statusCounts.get(status).set(matching.of(status));
        }
        countAnyStatus.set(matching.any());
        needingAttention.set(matching.needingAttention());
    }

    // ------------------------------------------------------------------ order

    private static final Comparator<DeploymentRow> BY_LATEST_SEVERITY = Comparator
            .comparing(DeploymentRow::severity).thenComparing(DeploymentRow::worstSeverity);
    private static final Comparator<DeploymentRow> BY_WORST_SEVERITY = Comparator
            .comparing(DeploymentRow::worstSeverity).thenComparing(DeploymentRow::severity);

    /**
     * The Status column's order, most severe first: Error, Lost, stuck, Pending, Created, Unknown,
     * Deleting, Ready, Deleted ({@link Severity}). By the latest version's state, an older version's
     * problem breaking ties; with {@link #allVersionsProperty()} by the worst state of any version.
     */
    public Comparator<DeploymentRow> severityOrder() {
        return allVersions.get() ? BY_WORST_SEVERITY : BY_LATEST_SEVERITY;
    }

    /**
     * The table's sort order (null: the order the rows came in), applied at once, also while the
     * order is held (an explicit sort is the admin's own move).
     */
    public void setSortOrder(Comparator<DeploymentRow> sortOrder) {
        order.setSortOrder(sortOrder);
        applyOrder();
    }

    /** Sorts the rows changed while the order is held into place now; the order stays held if the hold goes on. */
    public void resort() {
        applyOrder();
    }

    private void applyOrder() {
        order.release();
        changedKeys.clear();
        changedWhileHeld.set(0);
        sorted.setComparator(order.comparator());
        if (orderHeld.get()) {
            order.freeze(sorted);
        }
    }

    private void updateHold() {
        boolean hold = pointerOverList.get() || selectionCount.get() > 1;
        if (hold == orderHeld.get()) {
            return;
        }
        orderHeld.set(hold);
        if (hold && !order.isFrozen()) {
            order.freeze(sorted); // the order shown now: nothing to sort
        } else if (!hold) {
            // Sorted after the selection change or pointer move that ended the hold has settled.
            session.tasks().ui().execute(() -> {
                if (!orderHeld.get() && order.isFrozen()) {
                    applyOrder();
                }
            });
        }
    }

    private void changedWhileHeld(String key) {
        if (order.isFrozen() && indexOf(key) >= 0 && changedKeys.add(key)) {
            changedWhileHeld.set(changedKeys.size());
        }
    }

    // ------------------------------------------------------------------ selection of many

    /** The keys of the rows selected in the table, the view tells them here (the lead row too: {@link #setSelectedKey}). */
    public void setSelection(Collection<String> keys) {
        selection = List.copyOf(keys);
        selectionCount.set(selection.size());
        updateHold();
    }

    /** The rows selected in the table, in the table's order. */
    public List<DeploymentRow> selectedRows() {
        List<DeploymentRow> selected = new ArrayList<>(selection.size());
        for (String key : selection) {
            int index = indexOf(key);
            if (index >= 0) {
                selected.add(rows.get(index));
            }
        }
        return selected;
    }

    /**
     * Selects these deployments in the table (and nothing else), e.g. a group of the triage panel;
     * the view applies it. Rows the filters hide are selected once the filters show them, until
     * the admin selects something else. Deployments the list does not have are left out.
     */
    public void selectKeys(Collection<DeploymentKey> keys) {
        List<String> known = keys.stream().map(k -> DeploymentRow.keyOf(k.workspace(), k.name()))
                .filter(key -> indexOf(key) >= 0).distinct().toList();
        selectionRequests.forEach(request -> request.accept(known));
    }

    /** For the view: applies {@link #selectKeys} requests (row keys) to the table's selection. */
    public void onSelectionRequest(Consumer<List<String>> request) {
        selectionRequests.add(Objects.requireNonNull(request, "request"));
    }

    /** How many rows are selected in the table. */
    public ReadOnlyIntegerProperty selectionCountProperty() {
        return selectionCount.getReadOnlyProperty();
    }

    /** Whether the pointer is over the list (the view binds it): the order is held meanwhile. */
    public BooleanProperty pointerOverListProperty() {
        return pointerOverList;
    }

    /** True while rows keep their place: more than one row is selected or the pointer is over the list. */
    public ReadOnlyBooleanProperty orderHeldProperty() {
        return orderHeld.getReadOnlyProperty();
    }

    /** How many rows changed since the order was held (they are sorted into place when it ends, or on {@link #resort()}). */
    public ReadOnlyIntegerProperty changedWhileHeldProperty() {
        return changedWhileHeld.getReadOnlyProperty();
    }

    /** Every workspace that has deployments, alphabetically (for the New deployment dialog). */
    public List<String> workspaceNames() {
        return workspaces.names();
    }

    // ------------------------------------------------------------------ properties

    /** Every deployment's row, unfiltered. */
    public ObservableList<DeploymentRow> rows() {
        return rowsView;
    }

    /** The rows to show: filtered and sorted ({@link #setSortOrder} sets the order). */
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

    /**
     * False (the default): the status chips count, and filter by, the latest version of each
     * deployment; true: any of its versions (a deployment with v1 in Error and v2 Ready counts
     * under Error and Ready).
     */
    public BooleanProperty allVersionsProperty() {
        return allVersions;
    }

    /**
     * The "Needs attention" chip: only the rows that need attention (Error, Lost, stuck; the latest
     * version, or with {@link #allVersionsProperty()} any version), together with the other filters.
     */
    public BooleanProperty attentionOnlyProperty() {
        return attentionOnly;
    }

    /** Now by the session's clock: what "In state for" and the attention reasons are measured to. */
    public Instant now() {
        return session.clock().instant();
    }

    /** The session's attention rule (the server's stuck limits), for the texts that name them. */
    public ReadOnlyObjectProperty<AttentionRule> attentionRuleProperty() {
        return session.attentionRuleProperty();
    }

    public ReadOnlyObjectProperty<DeploymentFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public ObservableList<WorkspaceOption> workspaceOptions() {
        return workspaces.options();
    }

    /**
     * Rows of {@code status} matching the workspace and search filters (the chip counts): by the
     * latest version, or with {@link #allVersionsProperty()} rows with any version in {@code status}.
     */
    public ReadOnlyIntegerProperty countProperty(DeploymentStatus status) {
        return statusCounts.get(status).getReadOnlyProperty();
    }

    /** Rows matching the workspace and search filters, whatever their status (the "All" chip count). */
    public ReadOnlyIntegerProperty countAnyStatusProperty() {
        return countAnyStatus.getReadOnlyProperty();
    }

    /**
     * Rows matching the workspace and search filters that need attention: Error, Lost or stuck (the
     * latest version, or with {@link #allVersionsProperty()} any version).
     */
    public ReadOnlyIntegerProperty needingAttentionProperty() {
        return needingAttention.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    /**
     * Whether the server can change the statuses of many deployments at once (its status-batches
     * extension; a NeMo Platform can't): the actions for it are shown only then.
     */
    public BooleanBinding statusBatchesOfferedProperty() {
        return Bindings.createBooleanBinding(() -> session.capabilitiesProperty().get().statusBatches(),
                session.capabilitiesProperty());
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return session.fleetLoadingProperty();
    }

    public ReadOnlyObjectProperty<FleetState> loadStateProperty() {
        return session.fleetStateProperty();
    }

    /** The server the list is read from. */
    public ConnectionInfo connection() {
        return session.connection();
    }

    /** Why the last read of the fleet failed, or null when it worked. */
    public StringBinding loadErrorProperty() {
        return loadError;
    }

    public ReadOnlyObjectProperty<Instant> lastLoadedProperty() {
        return session.fleetLoadedAtProperty();
    }

    /**
     * While the server is not reachable, the moment the rows were last known current (the main
     * window sets it; null otherwise): the list's times then stop saying "just now".
     */
    public ObjectProperty<Instant> staleAsOfProperty() {
        return staleAsOf;
    }

    public ReadOnlyBooleanProperty filtersActiveProperty() {
        return filtersActive.getReadOnlyProperty();
    }
}
