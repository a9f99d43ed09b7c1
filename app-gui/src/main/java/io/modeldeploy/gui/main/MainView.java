package io.modeldeploy.gui.main;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.DeploymentEventStream;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.connect.ConnectView;
import io.modeldeploy.gui.connect.ConnectViewModel;
import io.modeldeploy.gui.demo.DemoPace;
import io.modeldeploy.gui.demo.DemoViewModel;
import io.modeldeploy.gui.detail.DeploymentDetailView;
import io.modeldeploy.gui.dialogs.AboutDialog;
import io.modeldeploy.gui.dialogs.ConnectToServerDialog;
import io.modeldeploy.gui.dialogs.ConnectToServerViewModel;
import io.modeldeploy.gui.dialogs.DeleteConfirmation;
import io.modeldeploy.gui.dialogs.ErrorAlert;
import io.modeldeploy.gui.dialogs.NewDeploymentDialog;
import io.modeldeploy.gui.dialogs.NewDeploymentViewModel;
import io.modeldeploy.gui.dialogs.NewVersionDialog;
import io.modeldeploy.gui.dialogs.NewVersionViewModel;
import io.modeldeploy.gui.dialogs.ResetDemoConfirmation;
import io.modeldeploy.gui.dialogs.ShortcutsDialog;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.list.DeploymentListView;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.list.ListActions;
import io.modeldeploy.gui.list.WorkspaceOption;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.model.ModelDeployment;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
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
import java.util.ArrayList;
import java.util.List;
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
    /** How long the list waits for the event stream before it loads anyway. */
    static final Duration STARTUP_GRACE = Duration.seconds(1);
    private static final PseudoClass CONNECTING = PseudoClass.getPseudoClass("connecting");
    private static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    private static final PseudoClass RECONNECTING = PseudoClass.getPseudoClass("reconnecting");
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ConsoleContext context;
    private final MainViewModel viewModel;
    private final DemoViewModel demoViewModel;
    private final DeploymentListView listView;
    private final DeploymentDetailView detailView;
    private final PauseTransition startupGrace = new PauseTransition(STARTUP_GRACE);
    private DeploymentEventStream stream;
    private boolean deleteKeyInFlight;
    private ModelDeployment shownInDetail;
    private Stage attachedStage;
    private EventHandler<WindowEvent> savingHandler;
    /** Help ▸ Connect external clients windows that are open: they describe this view's server. */
    private final List<ConnectView> connectViews = new ArrayList<>();

    @FXML
    private MenuBar menuBar;
    @FXML
    private MenuItem newVersionItem;
    @FXML
    private MenuItem deleteItem;
    @FXML
    private MenuItem clearFiltersItem;
    @FXML
    private Menu demoMenu;
    @FXML
    private MenuItem demoInfoItem;
    @FXML
    private CheckMenuItem demoRunningItem;
    @FXML
    private Menu demoPaceMenu;
    @FXML
    private RadioMenuItem demoSlowItem;
    @FXML
    private RadioMenuItem demoNormalItem;
    @FXML
    private RadioMenuItem demoFastItem;
    @FXML
    private MenuItem demoResetItem;
    @FXML
    private MenuItem connectItem;
    @FXML
    private MenuItem connectToServerItem;
    @FXML
    private RadioMenuItem lightThemeItem;
    @FXML
    private RadioMenuItem darkThemeItem;
    @FXML
    private SplitPane splitPane;
    @FXML
    private Label connectionLabel;
    @FXML
    private Label liveLabel;
    @FXML
    private Region liveDot;
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
        this.demoViewModel = new DemoViewModel(context.client(), context.async(), context.connection().embedded(),
                viewModel::report);
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("MainView.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load MainView.fxml", e);
        }
        startupGrace.setOnFinished(e -> viewModel.startupGraceOver());
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
        detailView.getViewModel().setOnFreshState(viewModel.list()::upsert);
        viewModel.setDetailEvents(detailView.getViewModel()::applyEvents);

        newVersionItem.disableProperty().bind(viewModel.hasSelectionProperty().not());
        deleteItem.disableProperty().bind(viewModel.hasSelectionProperty().not());
        clearFiltersItem.disableProperty().bind(viewModel.list().filtersActiveProperty().not());
        connectToServerItem.setDisable(context.servers() == ServerSwitch.NONE);

        Theme theme = context.themes().getTheme();
        lightThemeItem.setSelected(theme == Theme.LIGHT);
        darkThemeItem.setSelected(theme == Theme.DARK);

        setUpDemoMenu();
        setUpStatusBar();
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DELETE) {
                deleteKeyInFlight = true;
                Platform.runLater(() -> deleteKeyInFlight = false);
            }
        });
        // Stop listening once the view is no longer in a window (closed, or replaced by another scene).
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                stop();
            } else {
                scene.windowProperty().addListener((o, was, window) -> {
                    if (window == null && getScene() == scene) {
                        stop();
                    }
                });
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

    private void setUpDemoMenu() {
        var unavailable = demoViewModel.availableProperty().not().or(demoViewModel.busyProperty());
        demoRunningItem.disableProperty().bind(unavailable);
        demoPaceMenu.disableProperty().bind(unavailable);
        demoResetItem.disableProperty().bind(unavailable);
        // Menu items have no tooltips: the reason the items are disabled is the menu's first line.
        demoInfoItem.setMnemonicParsing(false); // the text names MODELDEPLOY_DEMO
        demoInfoItem.textProperty().bind(demoViewModel.explanationProperty());
        demoInfoItem.visibleProperty().bind(demoViewModel.explanationProperty().isNotEmpty());
        demoSlowItem.setText(DemoPace.SLOW.menuText());
        demoNormalItem.setText(DemoPace.NORMAL.menuText());
        demoFastItem.setText(DemoPace.FAST.menuText());
        demoRunningItem.setSelected(demoViewModel.runningProperty().get());
        demoViewModel.runningProperty().addListener((obs, old, now) -> demoRunningItem.setSelected(now));
        demoViewModel.paceProperty().addListener((obs, old, now) -> showPace(now));
        // A failed request leaves the server's state: put the check mark back where the server has it.
        demoViewModel.busyProperty().addListener((obs, old, now) -> {
            if (!now) {
                demoRunningItem.setSelected(demoViewModel.runningProperty().get());
                showPace(demoViewModel.paceProperty().get());
            }
        });
    }

    private void showPace(DemoPace pace) {
        demoSlowItem.setSelected(pace == DemoPace.SLOW);
        demoNormalItem.setSelected(pace == DemoPace.NORMAL);
        demoFastItem.setSelected(pace == DemoPace.FAST);
    }

    private void setUpStatusBar() {
        connectionLabel.setText(ErrorTexts.server(context.connection()));
        liveLabel.textProperty().bind(viewModel.liveTextProperty());
        liveLabel.accessibleTextProperty().bind(viewModel.liveTextProperty());
        Tooltip liveTip = new Tooltip();
        liveTip.setWrapText(true);
        liveTip.setMaxWidth(420);
        liveLabel.setTooltip(liveTip);
        viewModel.liveStateProperty().addListener((obs, old, now) -> updateLiveState(now, liveTip));
        updateLiveState(viewModel.liveStateProperty().get(), liveTip);
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

    private void updateLiveState(DeploymentEventStream.State state, Tooltip tip) {
        liveDot.pseudoClassStateChanged(CONNECTING, state == DeploymentEventStream.State.CONNECTING);
        liveDot.pseudoClassStateChanged(LIVE, state == DeploymentEventStream.State.LIVE);
        liveDot.pseudoClassStateChanged(RECONNECTING, state == DeploymentEventStream.State.RECONNECTING);
        boolean offline = state == DeploymentEventStream.State.OFFLINE || state == DeploymentEventStream.State.CLOSED;
        liveDot.pseudoClassStateChanged(OFFLINE, offline);
        liveLabel.pseudoClassStateChanged(OFFLINE, offline);
        String server = context.connection().baseUrl().toString();
        tip.setText(switch (state) {
            case CONNECTING -> "Connecting to the change stream of " + server + "…";
            case LIVE -> "Changes made anywhere (other consoles, scripts, controllers) show here as they happen.";
            case RECONNECTING -> "The connection to " + server + " broke. Reconnecting; changes made meanwhile "
                    + "will be caught up.";
            case OFFLINE -> "The server at " + server + " can't be reached. The console keeps trying and catches "
                    + "up with every change once it is back.";
            case CLOSED -> "Not following changes.";
        });
    }

    /**
     * Starts following changes made anywhere; the list loads as soon as the stream is live. Started
     * again after {@link #stop()}, it resumes after the last change it applied.
     */
    public void start() {
        if (stream == null || stream.isClosed()) {
            stream = context.client().eventStream(context.async().ui(), viewModel);
            stream.start(viewModel.lastAppliedEventId());
            startupGrace.playFromStart();
            demoViewModel.load();
        }
        Platform.runLater(listView::focusTable);
    }

    /** Stops following changes (the window closes, or another server's view replaces this one). */
    public void stop() {
        startupGrace.stop();
        if (stream != null) {
            stream.close();
        }
        List.copyOf(connectViews).forEach(ConnectView::close);
    }

    /** The event stream while the view is started; null before. */
    public DeploymentEventStream eventStream() {
        return stream;
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
        saveStateOnClose(stage);
    }

    /**
     * Takes {@code stage} over from {@code previous}, the view of the server used before: the same
     * divider position, and this view saves the window state when it closes.
     */
    public void takeOver(MainView previous, Stage stage) {
        previous.detach();
        double[] dividers = previous.splitPane.getDividerPositions();
        splitPane.setDividerPositions(dividers);
        // The split pane lays out its new items once in the scene; put the divider back after that.
        Platform.runLater(() -> splitPane.setDividerPositions(dividers));
        saveStateOnClose(stage);
    }

    private void saveStateOnClose(Stage stage) {
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
    private void demoMenuShowing() {
        demoViewModel.load();
    }

    @FXML
    private void toggleDemoController() {
        demoViewModel.setRunning(demoRunningItem.isSelected());
    }

    @FXML
    private void demoPaceSlow() {
        demoViewModel.setPace(DemoPace.SLOW);
    }

    @FXML
    private void demoPaceNormal() {
        demoViewModel.setPace(DemoPace.NORMAL);
    }

    @FXML
    private void demoPaceFast() {
        demoViewModel.setPace(DemoPace.FAST);
    }

    @FXML
    private void resetDemo() {
        if (!new ResetDemoConfirmation(window(), context.themes()).confirmed()) {
            return;
        }
        demoViewModel.reset(count -> {
            // The purges and creates arrive through the event stream; without a live stream, reload.
            if (viewModel.liveStateProperty().get() != DeploymentEventStream.State.LIVE) {
                viewModel.refresh();
            }
        });
    }

    /** Help ▸ Connect external clients: how scripts and controllers reach this server. */
    @FXML
    public void connectClients() {
        ConnectViewModel model = new ConnectViewModel(context.connection(),
                viewModel.selectedDeployment().orElse(null));
        ConnectView view = new ConnectView(window(), context.themes(), model, context.browser());
        connectViews.add(view);
        view.setOnHidden(e -> connectViews.remove(view));
        view.show();
    }

    /** File ▸ Connect to server…: moves the whole console to another server once it answered. */
    @FXML
    private void connectToServer() {
        ServerSwitch servers = context.servers();
        ConnectToServerViewModel model = new ConnectToServerViewModel(context.async(), HttpDeploymentApiClient::new,
                context.connection(), context.preferences().recentServers(), servers.runningBuiltInServer(),
                servers::builtInServer);
        new ConnectToServerDialog(window(), context.themes(), model).showAndWait().ifPresent(servers::switchTo);
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

    public DemoViewModel demoViewModel() {
        return demoViewModel;
    }
}
