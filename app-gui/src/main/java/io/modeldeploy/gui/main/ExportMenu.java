package io.modeldeploy.gui.main;

import io.modeldeploy.gui.dialogs.ExportProgressDialog;
import io.modeldeploy.gui.dialogs.FleetExportDialog;
import io.modeldeploy.gui.dialogs.FleetExportViewModel;
import io.modeldeploy.gui.export.ExportFormat;
import io.modeldeploy.gui.export.ExportViewModel;
import io.modeldeploy.gui.export.ExportViewModel.State;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.WorkspaceOption;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.ModelDeployment;
import javafx.animation.PauseTransition;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * File ▸ Export of {@code MainView.fxml}: the selected deployment's history, the list as shown, or the
 * fleet's history for a time range (after {@link FleetExportDialog}). Each asks for the file (the
 * format follows its extension or the chooser's filter; the folder is remembered), then runs on the
 * {@link ExportViewModel}: a progress window with Cancel appears when an export takes a moment, a
 * failure is shown there, and the status bar says where the file went.
 */
public final class ExportMenu {

    /** Asks where to write: the save dialog in the application, a fixed path in tests. */
    @FunctionalInterface
    public interface FileChoice {
        Optional<ExportFormat.Choice> choose(Window owner, String title, Path folder, String fileName);
    }

    /** How long an export runs before its progress window appears (a small one is done before). */
    private static final Duration PROGRESS_DELAY = Duration.millis(400);

    private final ConsoleContext context;
    private final ConsoleViewModels models;
    private final ExportViewModel export;
    private final Supplier<Window> window;
    private final PauseTransition progressDelay = new PauseTransition(PROGRESS_DELAY);
    private FileChoice files = ExportMenu::saveDialog;
    private ExportProgressDialog progress;

    ExportMenu(ConsoleContext context, ConsoleViewModels models, Supplier<Window> window) {
        this.context = Objects.requireNonNull(context, "context");
        this.models = Objects.requireNonNull(models, "models");
        this.window = Objects.requireNonNull(window, "window");
        this.export = new ExportViewModel(models.session());
        progressDelay.setOnFinished(e -> {
            if (export.runningProperty().get()) {
                showProgress();
            }
        });
        export.stateProperty().addListener((obs, was, now) -> stateChanged(now));
    }

    /** Binds the items of the File ▸ Export menu. */
    void bind(Menu menu) {
        MenuItem history = item(menu, "exportHistoryItem");
        MenuItem list = item(menu, "exportListItem");
        MenuItem fleet = item(menu, "exportFleetItem");
        var running = export.runningProperty();
        history.disableProperty().bind(running.or(models.main().hasSelectionProperty().not()));
        list.disableProperty().bind(running);
        fleet.disableProperty().bind(running);
        history.setOnAction(e -> exportDeploymentHistory());
        list.setOnAction(e -> exportList());
        fleet.setOnAction(e -> exportFleetHistory());
    }

    private static MenuItem item(Menu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("MainView.fxml has no " + id));
    }

    /** Where files are chosen from now on (tests give the path). */
    public void useFileChoice(FileChoice choice) {
        this.files = Objects.requireNonNull(choice, "choice");
    }

    public ExportViewModel viewModel() {
        return export;
    }

    // ------------------------------------------------------------------ the three kinds

    void exportDeploymentHistory() {
        Optional<ModelDeployment> selected = models.main().selectedDeployment();
        if (selected.isEmpty()) {
            models.main().report("Select a deployment first");
            return;
        }
        DeploymentKey key = DeploymentKey.of(selected.get());
        choose("Export the history of " + key.workspace() + "/" + key.name(),
                "history-" + key.workspace() + "-" + key.name())
                .ifPresent(choice -> export.exportDeploymentHistory(key, choice.format(), choice.file()));
    }

    void exportList() {
        DeploymentListViewModel list = models.list();
        WorkspaceOption workspace = list.workspaceProperty().get();
        String subject = workspace == null || workspace.isAll() ? "all" : workspace.workspace();
        choose("Export the list as shown", "deployments-" + subject)
                .ifPresent(choice -> export.exportList(list.visibleRows(), shownText(list), choice.format(),
                        choice.file()));
    }

    void exportFleetHistory() {
        WorkspaceOption workspace = models.list().workspaceProperty().get();
        FleetExportViewModel range = new FleetExportViewModel(models.session().capabilitiesProperty().get(),
                workspace == null || workspace.isAll() ? null : workspace.workspace(),
                TimeFormat.shown(TimeFormat.clock().getZone()), TimeFormat.clock());
        new FleetExportDialog(window.get(), context.themes(), range).showAndWait()
                .ifPresent(query -> choose("Export the fleet's history", "fleet-history")
                        .ifPresent(choice -> export.exportFleetHistory(query, choice.format(), choice.file())));
    }

    /** "workspace team-a; status Error, Lost; search "gpu"; 12 of 40 deployments". */
    private static String shownText(DeploymentListViewModel list) {
        List<String> parts = new ArrayList<>();
        WorkspaceOption workspace = list.workspaceProperty().get();
        parts.add(workspace == null || workspace.isAll() ? "all workspaces" : "workspace " + workspace.workspace());
        if (!list.statusFilter().isEmpty()) {
            parts.add("status " + String.join(", ", list.statusFilter().stream().sorted()
                    .map(StatusStyle::displayName).toList()));
        }
        if (list.attentionOnlyProperty().get()) {
            parts.add("needing attention");
        }
        String search = list.searchTextProperty().get();
        if (search != null && !search.isBlank()) {
            parts.add("search \"" + search.strip() + "\"");
        }
        parts.add(list.visibleRows().size() + " of " + list.totalCountProperty().get() + " deployments");
        return String.join("; ", parts);
    }

    /** The file to write, after {@code subject}: e.g. {@code fleet-history-2026-12-04.csv} in the last folder. */
    private Optional<ExportFormat.Choice> choose(String title, String subject) {
        ZoneId zone = TimeFormat.shown(TimeFormat.clock().getZone());
        String fileName = (subject + "-" + LocalDate.now(TimeFormat.clock().withZone(zone)))
                .replaceAll("[^A-Za-z0-9._-]", "_");
        Path folder = context.preferences().exportFolder().orElse(Path.of(System.getProperty("user.home")));
        Optional<ExportFormat.Choice> choice = files.choose(window.get(), title, folder, fileName);
        choice.ifPresent(chosen -> {
            Path parent = chosen.file().toAbsolutePath().getParent();
            if (parent != null) {
                context.preferences().setExportFolder(parent);
            }
        });
        return choice;
    }

    /** The save dialog, with one extension filter per format (CSV first). */
    private static Optional<ExportFormat.Choice> saveDialog(Window owner, String title, Path folder, String fileName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(folder.toFile());
        chooser.setInitialFileName(fileName + "." + ExportFormat.CSV.extension());
        for (ExportFormat format : ExportFormat.values()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    format.description() + " (*." + format.extension() + ")", "*." + format.extension()));
        }
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        int filter = chooser.getExtensionFilters().indexOf(chooser.getSelectedExtensionFilter());
        ExportFormat filtered = filter < 0 ? ExportFormat.CSV : ExportFormat.values()[filter];
        ExportFormat.Choice choice = ExportFormat.choose(file.toPath(), filtered);
        // The save dialog asked about replacing the name as typed; a name the extension was added to is asked about here.
        if (!choice.file().equals(file.toPath()) && Files.exists(choice.file()) && !replaceConfirmed(owner, choice.file())) {
            return Optional.empty();
        }
        return Optional.of(choice);
    }

    private static boolean replaceConfirmed(Window owner, Path file) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, file + " already exists. Replace it?",
                ButtonType.CANCEL, ButtonType.OK);
        confirm.initOwner(owner);
        confirm.setHeaderText("Replace " + file.getFileName() + "?");
        return confirm.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    // ------------------------------------------------------------------ progress

    private void stateChanged(State now) {
        switch (now) {
            case RUNNING -> progressDelay.playFromStart();
            case DONE, CANCELLED -> {
                progressDelay.stop();
                if (progress != null) {
                    progress.close();
                }
                models.main().report(export.outcomeProperty().get());
            }
            case FAILED -> {
                progressDelay.stop();
                showProgress();
                models.main().report("Export failed: nothing was written");
            }
            case IDLE -> progressDelay.stop();
        }
    }

    private void showProgress() {
        if (progress == null) {
            progress = new ExportProgressDialog(window.get(), context.themes(), export);
        }
        if (!progress.isShowing()) {
            progress.show();
        }
    }
}
