package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskSlot;
import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.model.DeploymentStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The status history of one deployment version as a timeline, newest first, and the strip of time
 * shares per status.
 *
 * <p>It starts from the entries the resource embeds (its newest {@value ApiLimits#HISTORY_WINDOW})
 * and loads older ones page by page from the full-history endpoint on request
 * ({@link #loadOlder()}, called when the list is scrolled to its end). Entries are kept by their
 * position in the full history (see {@link HistoryPaging}); a fresher read of the same version is
 * joined on top ({@link #merge}) so that loaded older entries stay.
 *
 * <p>The rows can be narrowed to one status and to entries containing a text ({@link #statusFilterProperty},
 * {@link #textFilterProperty}); loading older entries goes on while the shown rows reach the end of the list.
 */
public final class StatusTimelineViewModel {

    /** Entries per request to the full-history endpoint. */
    public static final int PAGE_SIZE = 200;
    /** Said at the end of a full window of a server without the full-history endpoint. */
    public static final String OLDER_UNAVAILABLE = "This server keeps only the newest " + ApiLimits.HISTORY_WINDOW
            + " entries; older ones are not available.";
    /** Prefix of the inline message when older entries can't be loaded. */
    public static final String LOAD_FAILED = "Couldn't load older entries";
    private static final int MAX_STALE_RETRIES = 2;

    private final ConsoleSession session;
    private final DeploymentApiClient client;
    private final TaskSlot olderPages;
    private final Clock clock;

    /** Oldest first; mirrors {@link #items} in reverse. */
    private final List<StatusHistoryEntry> chronological = new ArrayList<>();
    private final ObservableList<TimelineItem> items = FXCollections.observableArrayList();
    private final FilteredList<TimelineItem> matching = new FilteredList<>(items);
    private final ObservableList<TimelineItem> itemsView = FXCollections.unmodifiableObservableList(matching);
    private final ObservableList<StatusShare> shares = FXCollections.observableArrayList();
    private final ObservableList<StatusShare> sharesView = FXCollections.unmodifiableObservableList(shares);
    private final ObservableList<StatusShare> legend = FXCollections.observableArrayList();
    private final ObservableList<StatusShare> legendView = FXCollections.unmodifiableObservableList(legend);
    private final ObjectProperty<DeploymentStatus> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final StringProperty textFilter = new SimpleStringProperty(this, "textFilter", "");
    private final ReadOnlyBooleanWrapper filtering = new ReadOnlyBooleanWrapper(this, "filtering");

    private final ReadOnlyObjectWrapper<ModelDeployment> version = new ReadOnlyObjectWrapper<>(this, "version");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    /** Set while the server is not reachable: how current the entries are known to be. */
    private final ObjectProperty<Instant> staleAsOf = new SimpleObjectProperty<>(this, "staleAsOf");
    private final ReadOnlyBooleanWrapper loadingOlder = new ReadOnlyBooleanWrapper(this, "loadingOlder");
    private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper(this, "hasOlder");
    private final ReadOnlyBooleanWrapper awaitingHistory = new ReadOnlyBooleanWrapper(this, "awaitingHistory");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final ReadOnlyStringWrapper endNote = new ReadOnlyStringWrapper(this, "endNote", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper stripCaption = new ReadOnlyStringWrapper(this, "stripCaption", "");

    /** Position of {@code chronological.get(0)} in the full history; -1 while unknown. 0 = everything is shown. */
    private long oldestPosition = -1;
    /** Size of the full history when last learned; -1 while unknown. */
    private long knownTotal = -1;
    private int staleRetries;

    public StatusTimelineViewModel(ConsoleSession session) {
        this.session = Objects.requireNonNull(session, "session");
        this.client = session.api();
        this.olderPages = new TaskSlot(session.tasks());
        this.clock = session.clock();
        now.set(clock.instant());
        statusFilter.addListener((obs, was, status) -> refilter());
        textFilter.addListener((obs, was, text) -> refilter());
        refreshDerived();
    }

    // ------------------------------------------------------------------ commands

    /** Shows all entries again. */
    public void clearFilter() {
        statusFilter.set(null);
        textFilter.set("");
    }

    private void refilter() {
        DeploymentStatus status = statusFilter.get();
        String text = textFilter.get() == null ? "" : textFilter.get().strip().toLowerCase(Locale.ROOT);
        filtering.set(status != null || !text.isEmpty());
        matching.setPredicate(!filtering.get() ? null : item -> (status == null || item.status() == status)
                && (text.isEmpty() || searchableText(item).contains(text)));
        refreshDerived();
    }

    /** What the text filter looks in: status, message, actor and source of the entry. */
    private static String searchableText(TimelineItem item) {
        StatusHistoryEntry entry = item.entry();
        return String.join("\n", StatusStyle.displayName(item.status()),
                Objects.toString(entry.statusMessage(), ""), Objects.toString(entry.actor(), ""),
                entry.source() == null ? "" : entry.source().wireName()).toLowerCase(Locale.ROOT);
    }

    /**
     * Shows the history embedded in {@code deployment} (null clears the timeline). A copy without
     * history (read from the list) shows that its history is awaited, until a copy with it comes.
     */
    public void show(ModelDeployment deployment) {
        olderPages.cancel();
        staleRetries = 0;
        version.set(deployment);
        chronological.clear();
        if (deployment != null && deployment.statusHistory() != null) {
            chronological.addAll(deployment.statusHistory());
        }
        awaitingHistory.set(deployment != null && chronological.isEmpty());
        boolean complete = deployment != null && !chronological.isEmpty()
                && chronological.size() < ApiLimits.HISTORY_WINDOW;
        oldestPosition = complete ? 0 : -1;
        knownTotal = complete ? chronological.size() : -1;
        loadingOlder.set(false);
        loadError.set("");
        now.set(clock.instant());
        items.setAll(TimelineModel.newestFirst(chronological));
        refreshDerived();
    }

    /**
     * Joins a fresher read of the shown version: entries newer than the newest shown are added
     * on top and everything loaded so far stays. Another version, or a window that no longer
     * reaches what is shown (over {@value ApiLimits#HISTORY_WINDOW} changes since), replaces the timeline.
     */
    public void merge(ModelDeployment fresh) {
        ModelDeployment shown = version.get();
        if (fresh == null || shown == null || !sameVersion(shown, fresh)) {
            show(fresh);
            return;
        }
        List<StatusHistoryEntry> window = fresh.statusHistory() == null ? List.of() : fresh.statusHistory();
        if (chronological.isEmpty()) {
            show(fresh);
            return;
        }
        int from = TimelineModel.continuationIndex(chronological, window);
        if (from < 0) {
            show(fresh);
            return;
        }
        version.set(fresh);
        List<StatusHistoryEntry> newer = List.copyOf(window.subList(from, window.size()));
        if (!newer.isEmpty()) {
            TimelineItem previousTop = items.get(0);
            items.set(0, new TimelineItem(previousTop.entry(), newer.get(0).timestamp()));
            items.addAll(0, TimelineModel.newestFirst(newer));
            chronological.addAll(newer);
            if (knownTotal >= 0) {
                knownTotal += newer.size();
            }
        }
        now.set(clock.instant());
        refreshDerived();
    }

    /** The shown version was read with its history and it has none yet: nothing is awaited any more. */
    public void noHistoryRecorded() {
        if (awaitingHistory.get() && chronological.isEmpty()) {
            awaitingHistory.set(false);
            refreshDerived();
        }
    }

    /**
     * Loads the next page of older entries, if there are any and none is loading. Answers whether
     * a request was started.
     */
    public boolean loadOlder() {
        ModelDeployment shown = version.get();
        if (shown == null || loadingOlder.get() || oldestPosition == 0 || chronological.isEmpty()
                || !offersFullHistory()) {
            return false;
        }
        OlderRequest request = new OlderRequest(shown.workspace(), shown.name(), shown.entityVersion(),
                oldestPosition, chronological.size(), chronological.get(0));
        loadingOlder.set(true);
        loadError.set("");
        olderPages.run(() -> fetchOlder(request),
                result -> {
                    loadingOlder.set(false);
                    applyOlder(result);
                },
                failure -> {
                    loadingOlder.set(false);
                    loadError.set(ErrorTexts.describe(LOAD_FAILED, failure));
                    refreshDerived();
                });
        return true;
    }

    /** Moves "now" forward: ongoing durations, relative times and the strip follow. */
    public void tick() {
        now.set(clock.instant());
        refreshDerived();
    }

    // ------------------------------------------------------------------ loading older entries

    private record OlderRequest(String workspace, String name, int version, long oldestPosition, int shown,
                                StatusHistoryEntry anchor) {
    }

    /** Older entries to add below, or a fresher version read because the shown one turned out stale. */
    private record OlderResult(List<StatusHistoryEntry> older, long oldestPosition, long total,
                               ModelDeployment fresher) {
    }

    /** Runs on the background executor. */
    private OlderResult fetchOlder(OlderRequest request) throws ApiException {
        long position = request.oldestPosition();
        long total = -1;
        if (position < 0) {
            ListPage<StatusHistoryEntry> probe = client.statusHistory(request.workspace(), request.name(),
                    request.version(), 1, 1);
            total = totalOf(probe);
            position = HistoryPaging.oldestShownPosition(total, request.shown());
            if (position == 0) {
                return new OlderResult(List.of(), 0, total, null);
            }
        }
        HistoryPaging.PagePlan plan = HistoryPaging.planOlder(position, PAGE_SIZE).orElseThrow();
        ListPage<StatusHistoryEntry> page = client.statusHistory(request.workspace(), request.name(),
                request.version(), plan.page(), plan.pageSize());
        List<StatusHistoryEntry> data = page.data() == null ? List.of() : page.data();
        int take = HistoryPaging.alignedTake(data, plan, request.anchor());
        if (take < 0) {
            ModelDeployment fresher = client.getVersion(request.workspace(), request.name(), request.version());
            return new OlderResult(List.of(), -1, -1, fresher);
        }
        return new OlderResult(List.copyOf(data.subList(0, take)), plan.start(), totalOf(page), null);
    }

    private static long totalOf(ListPage<?> page) {
        if (page.pagination() != null) {
            return page.pagination().totalResults();
        }
        return page.data() == null ? 0 : page.data().size();
    }

    private void applyOlder(OlderResult result) {
        if (result.fresher() != null) {
            // The history grew since the shown entries were read: catch up (through the store, so
            // that the whole detail pane does), then try again.
            session.store().merge(result.fresher(), DeploymentStore.Origin.LOAD);
            merge(result.fresher());
            if (staleRetries++ < MAX_STALE_RETRIES) {
                loadOlder();
            } else {
                loadError.set(LOAD_FAILED + ": the history is changing faster than it can be read. Scroll down to try again.");
                staleRetries = 0;
            }
            return;
        }
        staleRetries = 0;
        List<StatusHistoryEntry> older = result.older();
        if (!older.isEmpty()) {
            Instant untilOfNewest = chronological.isEmpty() ? null : chronological.get(0).timestamp();
            items.addAll(TimelineModel.newestFirst(older, untilOfNewest));
            chronological.addAll(0, older);
        }
        oldestPosition = result.oldestPosition();
        if (result.total() >= 0) {
            knownTotal = result.total();
        }
        refreshDerived();
        if (older.isEmpty() && oldestPosition > 0) {
            // The page held nothing new (its end was already shown): continue with the one before.
            loadOlder();
        }
    }

    // ------------------------------------------------------------------ derived state

    /** Whether the server has the full-history endpoint (NeMo has only the window the resource embeds). */
    private boolean offersFullHistory() {
        return session.capabilitiesProperty().get().statusHistory();
    }

    private void refreshDerived() {
        ModelDeployment shown = version.get();
        boolean complete = oldestPosition == 0;
        boolean olderMayExist = shown != null && !complete && !awaitingHistory.get();
        boolean olderUnavailable = olderMayExist && !offersFullHistory();
        hasOlder.set(olderMayExist && !olderUnavailable);
        endNote.set(olderUnavailable ? OLDER_UNAVAILABLE : "");
        if (shown == null) {
            shares.clear();
            legend.clear();
            summary.set("");
            stripCaption.set("");
            return;
        }
        shares.setAll(TimelineModel.shares(chronological, complete, shown.createdAt(),
                shown.status(), now.get()));
        legend.setAll(shares.stream().filter(StatusShare::shown).toList());
        String all = olderUnavailable ? String.format("Newest %,d entries", chronological.size())
                : summaryText(chronological.size(), complete, knownTotal);
        summary.set(awaitingHistory.get() ? "Loading the history\u2026"
                : filtering.get() ? String.format("%,d matching \u00b7 %s", matching.size(), all) : all);
        stripCaption.set(complete
                ? "Time in each status since the version was created"
                : "Time in each status; the grey part is history not loaded yet");
    }

    static String summaryText(int shown, boolean complete, long total) {
        if (complete) {
            return shown == 1 ? "1 entry" : String.format("%,d entries", shown);
        }
        if (total > shown) {
            return String.format("Newest %,d of %,d entries", shown, total);
        }
        return String.format("Newest %,d entries; scroll down for older ones", shown);
    }

    private static boolean sameVersion(ModelDeployment a, ModelDeployment b) {
        return Objects.equals(a.id(), b.id()) && a.entityVersion() == b.entityVersion()
                && Objects.equals(a.workspace(), b.workspace()) && Objects.equals(a.name(), b.name());
    }

    // ------------------------------------------------------------------ texts for the rows and the strip

    /** "for 5 min, ongoing" for the newest row, "for 2 h 5 min" for the others. */
    public String durationText(TimelineItem item) {
        String amount = TimeFormat.duration(item.duration(now.get()));
        return item.ongoing() ? "for " + amount + ", ongoing" : "for " + amount;
    }

    /** What "Copy message" puts on the clipboard: the entry's message, whole; empty when it has none. */
    public static String messageOf(TimelineItem item) {
        String message = item == null ? null : item.entry().statusMessage();
        return message == null ? "" : message;
    }

    /** "3 min ago". */
    public String relativeTime(TimelineItem item) {
        Instant asOf = staleAsOf.get();
        Instant time = item.entry().timestamp();
        return asOf == null ? TimeFormat.relative(time, now.get()) : TimeFormat.relativeAsOf(time, asOf, now.get());
    }

    public ObjectProperty<Instant> staleAsOfProperty() {
        return staleAsOf;
    }

    /** "2026-07-01 14:03:27" in the local zone. */
    public String exactTime(TimelineItem item) {
        return TimeFormat.exact(item.entry().timestamp());
    }

    /** "Ready: 2 h 5 min (82%)" or, for the stretch not loaded yet, "Older history not loaded yet: 3 d (15%)". */
    public static String shareText(StatusShare share) {
        String what = share.notLoaded() ? "Older history not loaded yet" : StatusStyle.displayName(share.status());
        return what + ": " + TimeFormat.duration(share.duration()) + " (" + share.percentText() + ")";
    }

    // ------------------------------------------------------------------ properties

    /** Rows, newest first: the entries that match the filter. */
    public ObservableList<TimelineItem> items() {
        return itemsView;
    }

    /** Shows only entries in this status; null = every status. */
    public ObjectProperty<DeploymentStatus> statusFilterProperty() {
        return statusFilter;
    }

    /** Shows only entries whose status, message, actor or source contains this text (any case); blank = all. */
    public StringProperty textFilterProperty() {
        return textFilter;
    }

    /** True while a status or a text narrows the rows. */
    public ReadOnlyBooleanProperty filteringProperty() {
        return filtering.getReadOnlyProperty();
    }

    /** The strip's segments that show a percentage above 0 (as shown, they add up to 100%). */
    public ObservableList<StatusShare> legend() {
        return legendView;
    }

    /** Strip segments: the not-loaded stretch first (if any), then statuses in declared order. */
    public ObservableList<StatusShare> shares() {
        return sharesView;
    }

    public ReadOnlyObjectProperty<ModelDeployment> versionProperty() {
        return version.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingOlderProperty() {
        return loadingOlder.getReadOnlyProperty();
    }

    /** True while the shown version's history has not been read yet. */
    public ReadOnlyBooleanProperty awaitingHistoryProperty() {
        return awaitingHistory.getReadOnlyProperty();
    }

    /** True while entries older than the shown ones may exist. */
    public ReadOnlyBooleanProperty hasOlderProperty() {
        return hasOlder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /**
     * What the end of the timeline says about entries it can't show: that a server without the
     * full-history endpoint keeps only the newest {@value ApiLimits#HISTORY_WINDOW}; empty otherwise.
     */
    public ReadOnlyStringProperty endNoteProperty() {
        return endNote.getReadOnlyProperty();
    }

    /** "12 entries", "Newest 300 of 2,345 entries", ... */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stripCaptionProperty() {
        return stripCaption.getReadOnlyProperty();
    }

    /** Position of the oldest shown entry in the full history; -1 while unknown. */
    public long oldestPosition() {
        return oldestPosition;
    }

    /** Size of the full history when last learned; -1 while unknown. */
    public long knownTotal() {
        return knownTotal;
    }

    /** The shown entries, oldest first (a copy). */
    public List<StatusHistoryEntry> chronologicalEntries() {
        return List.copyOf(chronological);
    }
}
