package io.modeldeploy.gui.export;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.api.HistoryExportQuery;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.export.ExportFile.ExportCancelled;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.gui.session.TaskSlot;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.HistoryExportEntry;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * File ▸ Export: writes the selected deployment's history, the rows the list shows, or the fleet's
 * history for a time range to a file, in the background (the session's {@code TaskRunner}), with
 * progress and Cancel. The file is written completely or not at all ({@link ExportFile}): a cancel or
 * a failure leaves no file behind and an existing file as it was.
 *
 * <p>The fleet's history comes from the server's streamed export where it has one
 * ({@code ServerCapabilities#historyExport}); elsewhere (a NeMo Platform) from each version's history,
 * filtered here: NeMo keeps only the newest 100 entries of a version. One export runs at a time.
 * For the UI thread.
 */
public final class ExportViewModel {

    /** Where an export is. */
    public enum State { IDLE, RUNNING, DONE, CANCELLED, FAILED }

    private final ConsoleSession session;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyLongWrapper written = new ReadOnlyLongWrapper(this, "written");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private Path target;
    private final TaskSlot export;
    /** Marks the running export's progress reports: those of an export cancelled before are dropped. */
    private Object current;

    public ExportViewModel(ConsoleSession session) {
        this(session, TimeFormat.clock());
    }

    /** {@code clock}: when the export is made (its heading) and the local zone of its times. */
    public ExportViewModel(ConsoleSession session, Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.export = new TaskSlot(session.tasks());
        state.addListener((obs, old, now) -> running.set(now == State.RUNNING));
    }

    // ------------------------------------------------------------------ the three kinds

    /** The rows the list shows, in the order shown ({@code rows}, taken now); {@code shown} says which (the filters). */
    public void exportList(List<DeploymentRow> rows, String shown, ExportFormat format, Path file) {
        List<DeploymentRow> snapshot = List.copyOf(rows);
        start("the list", "Deployments: " + shown, "rows", ExportTables.LIST, format, file, sink -> {
            for (int i = 0; i < snapshot.size(); i++) {
                sink.accept(snapshot.get(i));
                sink.progress((i + 1) / (double) snapshot.size(), null);
            }
        });
    }

    /** Every version of the deployment, oldest first, each with its whole history, oldest first. */
    public void exportDeploymentHistory(DeploymentKey deployment, ExportFormat format, Path file) {
        HistorySource source = new HistorySource(session.api(), session.capabilitiesProperty().get());
        String name = deployment.workspace() + "/" + deployment.name();
        start("the history of " + name, "Status history of " + name + " (every version)", "entries",
                ExportTables.HISTORY, format, file, sink -> {
                    List<ModelDeployment> versions = source.versionsOf(deployment.workspace(), deployment.name());
                    for (int i = 0; i < versions.size(); i++) {
                        for (HistoryExportEntry entry : source.historyOf(versions.get(i))) {
                            sink.accept(entry);
                        }
                        sink.progress((i + 1) / (double) versions.size(), null);
                    }
                });
    }

    /** The fleet's history entries {@code query} selects, oldest first. */
    public void exportFleetHistory(HistoryExportQuery query, ExportFormat format, Path file) {
        var offered = session.capabilitiesProperty().get();
        DeploymentApiClient api = session.api();
        ZoneId zone = TimeFormat.shown(clock.getZone());
        String heading = "Fleet status history, " + TimeFormat.exact(query.since(), zone) + " to "
                + TimeFormat.exact(query.until(), zone) + ", "
                + (query.allWorkspaces() ? "all workspaces" : "workspace " + query.workspace())
                + (query.statuses().isEmpty() ? "" : ", statuses " + String.join(", ",
                query.statuses().stream().sorted().map(Enum::name).toList()));
        Producer<HistoryExportEntry> streamed = sink -> api.exportHistory(query, entry -> {
            sink.accept(entry);
            sink.progress(fractionOf(query, entry.timestamp()), entry.timestamp());
        });
        Producer<HistoryExportEntry> versionByVersion = sink -> {
            HistorySource source = new HistorySource(api, offered);
            List<HistoryExportEntry> matching = new ArrayList<>();
            List<ModelDeployment> versions = versionsIn(api, query);
            for (int i = 0; i < versions.size(); i++) {
                source.historyOf(versions.get(i)).stream()
                        .filter(e -> query.matches(e.workspace(), e.timestamp(), e.status()))
                        .forEach(matching::add);
                sink.progress((i + 1) / (double) versions.size(), null);
                if (Thread.currentThread().isInterrupted()) {
                    throw new ExportCancelled();
                }
            }
            matching.sort(Comparator.comparing(HistoryExportEntry::timestamp)); // stable: versions in order
            matching.forEach(sink::accept);
        };
        start("the fleet's history", heading, "entries", ExportTables.HISTORY, format, file,
                offered.historyExport() ? streamed : versionByVersion);
    }

    /** Every version of the query's workspace that can have entries in its time range, oldest version first. */
    private static List<ModelDeployment> versionsIn(DeploymentApiClient api, HistoryExportQuery query)
            throws ApiException {
        ListPage<ModelDeployment> first = api.listFirstDeployments(query.workspace(), true);
        List<ModelDeployment> all = new ArrayList<>(first.data() == null ? List.of() : first.data());
        all.addAll(api.listRemainingDeployments(query.workspace(), true, first));
        return all.stream()
                .filter(v -> v.updatedAt() == null || !v.updatedAt().isBefore(query.since()))
                .filter(v -> v.createdAt() == null || v.createdAt().isBefore(query.until()))
                .sorted(Comparator.comparing(ModelDeployment::workspace).thenComparing(ModelDeployment::name)
                        .thenComparingInt(ModelDeployment::entityVersion))
                .toList();
    }

    private static double fractionOf(HistoryExportQuery query, Instant reached) {
        long range = Duration.between(query.since(), query.until()).toMillis();
        if (range <= 0 || reached == null) {
            return -1;
        }
        double done = Duration.between(query.since(), reached).toMillis() / (double) range;
        return Math.max(0, Math.min(1, done));
    }

    /** Stops the running export: no file is written, an existing one stays as it was. */
    public void cancel() {
        if (state.get() != State.RUNNING) {
            return;
        }
        export.cancel();
        current = null;
        outcome.set(ErrorTexts.exportCancelled(target));
        state.set(State.CANCELLED);
    }

    // ------------------------------------------------------------------ running one

    /** Makes the rows of an export and hands them to {@code sink}. */
    @FunctionalInterface
    private interface Producer<T> {
        void produce(RowSink<T> sink) throws ApiException;
    }

    /** How far an export is: the share done (-1: unknown), rows written, the time the entries reached. */
    private record Progress(double fraction, long written, Instant upTo) {
    }

    /** What the background part came to; an {@link ApiException} is the other outcome. */
    private record Written(long rows, IOException fileFailure) {
    }

    private <T> void start(String what, String headingTitle, String noun, ExportTable<T> table, ExportFormat format,
                           Path file, Producer<T> producer) {
        if (state.get() == State.RUNNING) {
            throw new IllegalStateException("an export is running");
        }
        ZoneId zone = TimeFormat.shown(clock.getZone());
        ExportHeading heading = new ExportHeading(headingTitle, session.connection().baseUrl().toString(),
                clock.instant(), zone);
        target = file;
        title.set("Exporting " + what + " to " + file.getFileName());
        written.set(0);
        progress.set(-1);
        progressText.set("Starting\u2026");
        outcome.set("");
        state.set(State.RUNNING);
        AtomicReference<Progress> pending = new AtomicReference<>();
        Object token = new Object();
        current = token;
        Runnable showPending = () -> {
            Progress latest = pending.getAndSet(null);
            if (latest != null && current == token) {
                show(latest, noun, zone);
            }
        };
        export.run(() -> {
            RowSink<T> sink = new RowSink<>(p -> {
                if (pending.getAndSet(p) == null) {
                    session.tasks().ui().execute(showPending);
                }
            });
            try {
                long rows = ExportFile.write(file, out -> {
                    sink.writer = format.open(out, table, heading);
                    producer.produce(sink);
                    sink.writer.finish();
                    return sink.count;
                });
                return new Written(rows, null);
            } catch (UncheckedIOException e) {
                return new Written(sink.count, e.getCause());
            } catch (IOException e) {
                return new Written(sink.count, e);
            } catch (ExportCancelled e) {
                return new Written(sink.count, null); // dropped: the task was cancelled
            }
        }, result -> {
            current = null;
            if (result.fileFailure() != null) {
                outcome.set(ErrorTexts.exportFileFailed(file, result.fileFailure()));
                state.set(State.FAILED);
                return;
            }
            written.set(result.rows());
            progress.set(1);
            progressText.set(count(result.rows(), noun) + " written");
            outcome.set("Exported " + count(result.rows(), noun) + " to " + file);
            state.set(State.DONE);
        }, error -> {
            current = null;
            outcome.set(ErrorTexts.exportFailed(what, error, file));
            state.set(State.FAILED);
        });
    }

    private void show(Progress latest, String noun, ZoneId zone) {
        progress.set(latest.fraction());
        written.set(latest.written());
        progressText.set(count(latest.written(), noun) + " written"
                + (latest.upTo() == null ? "" : ", up to " + TimeFormat.exact(latest.upTo(), zone)));
    }

    private static String count(long rows, String noun) {
        if (rows == 1) {
            return noun.equals("entries") ? "1 entry" : "1 row";
        }
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(rows) + " " + noun;
    }

    /** The rows going into the file, one by one, from the export's background thread. */
    private static final class RowSink<T> {
        private final Consumer<Progress> report;
        TableWriter<T> writer;
        long count;

        RowSink(Consumer<Progress> report) {
            this.report = report;
        }

        void accept(T row) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ExportCancelled();
            }
            try {
                writer.row(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
        }

        void progress(double fraction, Instant upTo) {
            report.accept(new Progress(fraction, count, upTo));
        }
    }

    // ------------------------------------------------------------------ for the views

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True while an export runs: another cannot start. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "Exporting the list to deployments-2026-12-04.csv". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The share done, 0..1; -1 while it is not known (the progress bar then moves to and fro). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** How many rows or entries are written so far. */
    public ReadOnlyLongProperty writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** "1,204 entries written, up to 2026-12-03 10:00:00 UTC". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /**
     * What the last export came to, in words: written where, cancelled, or why it failed; empty while
     * it runs. Set before {@link #stateProperty()} tells the end.
     */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
