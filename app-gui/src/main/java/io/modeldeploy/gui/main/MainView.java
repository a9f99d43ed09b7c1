package io.modeldeploy.gui.main;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.detail.DeploymentDetailView;
import io.modeldeploy.gui.dialogs.AboutDialog;
import io.modeldeploy.gui.dialogs.DeleteConfirmation;
import io.modeldeploy.gui.dialogs.ErrorAlert;
import io.modeldeploy.gui.dialogs.NewDeploymentDialog;
import io.modeldeploy.gui.dialogs.NewDeploymentViewModel;
import io.modeldeploy.gui.dialogs.NewVersionDialog;
import io.modeldeploy.gui.dialogs.NewVersionViewModel;
import io.modeldeploy.gui.dialogs.ShortcutsDialog;
import io.modeldeploy.gui.list.DeploymentListView;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.list.ListActions;
import io.modeldeploy.gui.list.WorkspaceOption;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.model.ModelDeployment;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.event.EventHandler;
import javafx.util.Duration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The console's main window content: menu bar, the deployment list on the left, the selected
 * deployment's details on the right, and a status bar (connection, last action, counts).
 * Every action is in the menus with a keyboard shortcut.
 */
public final class MainView extends BorderPane implements ListActions {

    /** Name under which the split-pane divider is remembered. */
    public static final String SPLIT_NAME = "main";
    static final double DEFAULT_DIVIDER = 0.6;
    static final double DEFAULT_WIDTH = 1440;
    static final double DEFAULT_HEIGHT = 900;
    private static final Duration HEALTH_INTERVAL = Duration.seconds(10);
    private static final PseudoClass ONLINE = PseudoClass.getPseudoClass("online");
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ConsoleContext context;
    private final MainViewModel viewModel;
    private final DeploymentListView listView;
    private final DeploymentDetailView detailView;
    private final Timeline healthChecks;
    private boolean deleteKeyInFlight;
    private ModelDeployment shownInDetail;
    private Stage attachedStage;
    private EventHandler<WindowEvent> savingHandler;

    @FXML
    private MenuBar menuBar;
    @FXML
    private MenuItem newVersionItem;
    @FXML
    private MenuItem deleteItem;
    @FXML
    private MenuItem clearFiltersItem;
    @FXML
    private RadioMenuItem lightThemeItem;
    @FXML
    private RadioMenuItem darkThemeItem;
    @FXML
    private SplitPane splitPane;
    @FXML
    private Label connectionLabel;
    @FXML
    private Region connectionDot;
    @FXML
    private Label activityLabel;
    @FXML
    private ProgressBar loadingBar;
    @FXML
    private Label countLabel;
    @FXML
    private Label refreshedLabel;

    public MainView(ConsoleContext context) {
        this.context = Objects.requireNonNull(context, "context");
        DeploymentListViewModel listViewModel = new DeploymentListViewModel(context.client(), context.async());
        this.viewModel = new MainViewModel(context.client(), context.async(), context.connection(), listViewModel);
        this.listView = new DeploymentListView(listViewModel, this);
        this.detailView = new DeploymentDetailView(context.client(), context.async().background());
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("MainView.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load MainView.fxml", e);
        }
        healthChecks = new Timeline(new KeyFrame(HEALTH_INTERVAL, e -> viewModel.checkHealth()));
        healthChecks.setCycleCount(Timeline.INDEFINITE);
    }

    @FXML
    private void initialize() {
        listView.setId("deploymentList");
        detailView.setId("deploymentDetail");
        splitPane.getItems().setAll(listView, detailView);
        SplitPane.setResizableWithParent(detailView, false);
        splitPane.setDividerPositions(DEFAULT_DIVIDER);

        viewModel.selectedProperty().bind(listView.selectedRowProperty());
        viewModel.selectedProperty().addListener((obs, old, row) -> showInDetail(row));
        detailView.setOnDeploymentChanged(viewModel::statusChanged);

        newVersionItem.disableProperty().bind(viewModel.hasSelectionProperty().not());
        deleteItem.disableProperty().bind(viewModel.hasSelectionProperty().not());
        clearFiltersItem.disableProperty().bind(viewModel.list().filtersActiveProperty().not());

        Theme theme = context.themes().getTheme();
        lightThemeItem.setSelected(theme == Theme.LIGHT);
        darkThemeItem.setSelected(theme == Theme.DARK);

        setUpStatusBar();
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DELETE) {
                deleteKeyInFlight = true;
                Platform.runLater(() -> deleteKeyInFlight = false);
            }
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                healthChecks.stop();
            } else {
                healthChecks.play();
            }
        });
    }

    private void showInDetail(DeploymentRow row) {
        ModelDeployment deployment = row == null ? null : row.deployment();
        if (Objects.equals(deployment, shownInDetail)) {
            return;
        }
        shownInDetail = deployment;
        detailView.show(deployment);
    }

    private void setUpStatusBar() {
        connectionLabel.setText(context.connection().describe());
        viewModel.connectionProperty().addListener((obs, old, now) -> updateConnection(now));
        updateConnection(viewModel.connectionProperty().get());
        activityLabel.textProperty().bind(viewModel.activityProperty());
        loadingBar.visibleProperty().bind(viewModel.list().loadingProperty());
        loadingBar.managedProperty().bind(loadingBar.visibleProperty());
        loadingBar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        countLabel.textProperty().bind(viewModel.countTextProperty());
        refreshedLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            if (viewModel.list().loadingProperty().get()) {
                return "Refreshing…";
            }
            var last = viewModel.list().lastLoadedProperty().get();
            return last == null ? "" : "Refreshed " + CLOCK.format(last.atZone(ZoneId.systemDefault()));
        }, viewModel.list().loadingProperty(), viewModel.list().lastLoadedProperty()));
    }

    private void updateConnection(MainViewModel.Connection state) {
        boolean offline = state == MainViewModel.Connection.OFFLINE;
        connectionDot.pseudoClassStateChanged(ONLINE, state == MainViewModel.Connection.ONLINE);
        connectionDot.pseudoClassStateChanged(OFFLINE, offline);
        connectionLabel.pseudoClassStateChanged(OFFLINE, offline);
        connectionLabel.setText(context.connection().describe() + (offline ? " · unreachable" : ""));
    }

    /** Loads the list and starts watching the connection. */
    public void start() {
        viewModel.refresh();
        Platform.runLater(listView::focusTable);
    }

    // ------------------------------------------------------------------ window state

    /** Restores size, position and divider from the preferences and saves them when the window closes. */
    public void attach(Stage stage) {
        GuiPreferences prefs = context.preferences();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        var saved = prefs.windowBounds()
                .filter(b -> !Double.isNaN(b.x()) && !Double.isNaN(b.y()))
                .filter(b -> !Screen.getScreensForRectangle(b.x(), b.y(), b.width(), b.height()).isEmpty());
        if (saved.isPresent()) {
            var b = saved.get();
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            stage.setMaximized(b.maximized());
        } else {
            double width = Math.min(DEFAULT_WIDTH, screen.getWidth() * 0.92);
            double height = Math.min(DEFAULT_HEIGHT, screen.getHeight() * 0.92);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.setX(screen.getMinX() + (screen.getWidth() - width) / 2);
            stage.setY(screen.getMinY() + (screen.getHeight() - height) / 2);
        }
        double[] dividers = prefs.dividerPositions(SPLIT_NAME);
        if (dividers.length == splitPane.getDividers().size()) {
            splitPane.setDividerPositions(dividers);
        }
        stage.setOnShown(e -> Platform.runLater(() -> {
            if (dividers.length == splitPane.getDividers().size()) {
                splitPane.setDividerPositions(dividers);
            }
        }));
        detach();
        attachedStage = stage;
        savingHandler = e -> saveState(stage);
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, savingHandler);
    }

    /** Stops saving window state for the stage given to {@link #attach}. */
    public void detach() {
        if (savingHandler != null && attachedStage != null) {
            attachedStage.removeEventHandler(WindowEvent.WINDOW_HIDING, savingHandler);
        }
        savingHandler = null;
        attachedStage = null;
    }

    /** Writes window bounds and divider positions to the preferences. */
    public void saveState(Stage stage) {
        GuiPreferences prefs = context.preferences();
        if (!stage.isIconified()) {
            prefs.setWindowBounds(new GuiPreferences.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized()));
        }
        prefs.setDividerPositions(SPLIT_NAME, splitPane.getDividerPositions());
    }

    // ------------------------------------------------------------------ actions

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    @Override
    @FXML
    public void newDeployment() {
        DeploymentListViewModel list = viewModel.list();
        WorkspaceOption filter = list.workspaceProperty().get();
        String initialWorkspace = filter != null && !filter.isAll() ? filter.workspace()
                : viewModel.selectedDeployment().map(ModelDeployment::workspace).orElse(null);
        NewDeploymentViewModel dialogModel = new NewDeploymentViewModel(context.client(), context.async(),
                list.workspaceNames(), initialWorkspace, list::exists);
        new NewDeploymentDialog(window(), context.themes(), dialogModel).showAndWait().ifPresent(created -> {
            viewModel.created(created);
            listView.select(created.workspace(), created.name());
        });
    }

    @Override
    @FXML
    public void newVersion() {
        viewModel.selectedDeployment().ifPresentOrElse(current -> {
            NewVersionViewModel dialogModel = new NewVersionViewModel(context.client(), context.async(), current);
            new NewVersionDialog(window(), context.themes(), dialogModel).showAndWait().ifPresent(created -> {
                viewModel.versionCreated(created);
                listView.select(created.workspace(), created.name());
            });
        }, () -> viewModel.report("Select a deployment first"));
    }

    @Override
    @FXML
    public void delete() {
        if (deleteKeyInFlight && !focusIsInList()) {
            return; // the Delete key belongs to the text or control being edited, not to the list
        }
        viewModel.selectedDeployment().ifPresentOrElse(current -> {
            if (!new DeleteConfirmation(window(), context.themes(), current).confirmed()) {
                return;
            }
            viewModel.delete(current,
                    result -> result.ifPresent(d -> listView.select(d.workspace(), d.name())),
                    error -> showError("Could not delete " + current.qualifiedName(), error));
        }, () -> viewModel.report("Select a deployment first"));
    }

    /** True when the keyboard focus is in the list (table, chips, buttons) but not in a text field. */
    private boolean focusIsInList() {
        Node focused = getScene() == null ? null : getScene().getFocusOwner();
        if (focused instanceof TextInputControl) {
            return false;
        }
        for (Node n = focused; n != null; n = n.getParent()) {
            if (n == listView) {
                return true;
            }
        }
        return false;
    }

    @Override
    @FXML
    public void refresh() {
        viewModel.refresh();
    }

    private void showError(String action, ApiException error) {
        new ErrorAlert(window(), context.themes(), action, error).showAndWait();
    }

    @FXML
    private void quit() {
        Window window = window();
        if (window != null) {
            window.hide();
        }
    }

    @FXML
    private void focusSearch() {
        listView.focusSearch();
    }

    @FXML
    private void focusList() {
        listView.focusTable();
    }

    @FXML
    private void focusWorkspace() {
        listView.focusWorkspace();
    }

    @FXML
    private void clearFilters() {
        viewModel.list().clearFilters();
    }

    @FXML
    private void lightTheme() {
        applyTheme(Theme.LIGHT);
    }

    @FXML
    private void darkTheme() {
        applyTheme(Theme.DARK);
    }

    private void applyTheme(Theme theme) {
        context.themes().setTheme(theme);
        context.preferences().setTheme(theme);
    }

    @FXML
    private void shortcuts() {
        new ShortcutsDialog(window(), context.themes()).showAndWait();
    }

    @FXML
    private void about() {
        new AboutDialog(window(), context.themes(), context.connection()).showAndWait();
    }

    // ------------------------------------------------------------------ for the application and tests

    public MainViewModel viewModel() {
        return viewModel;
    }

    public DeploymentListView listView() {
        return listView;
    }

    public DeploymentDetailView detailView() {
        return detailView;
    }

    public SplitPane splitPane() {
        return splitPane;
    }

    public MenuBar menuBar() {
        return menuBar;
    }
}
