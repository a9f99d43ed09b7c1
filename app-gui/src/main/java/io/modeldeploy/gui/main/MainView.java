package io.modeldeploy.gui.main;

import io.modeldeploy.gui.alerts.AlertPanelView;
import io.modeldeploy.gui.alerts.DeploymentAlert;
import io.modeldeploy.gui.alerts.DesktopNotifier;
import io.modeldeploy.gui.alerts.ToastView;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.DeploymentEventStream;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.clients.ExternalClientsView;
import io.modeldeploy.gui.clients.ExternalClientsViewModel;
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
import io.modeldeploy.gui.dialogs.NotificationRulesDialog;
import io.modeldeploy.gui.dialogs.NotificationRulesViewModel;
import io.modeldeploy.gui.dialogs.ResetDemoConfirmation;
import io.modeldeploy.gui.dialogs.ShortcutsDialog;
import io.modeldeploy.gui.dialogs.StatusBatchDialog;
import io.modeldeploy.gui.dialogs.StatusBatchViewModel;
import io.modeldeploy.gui.list.AttentionText;
import io.modeldeploy.gui.list.DeploymentListView;
import io.modeldeploy.gui.list.ListColumns;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.list.ListActions;
import io.modeldeploy.gui.list.WorkspaceOption;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.triage.TriageView;
import io.modeldeploy.gui.triage.TriageViewModel;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.ModelDeployment;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.geometry.Bounds;
import javafx.stage.Popup;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The console's main window content: menu bar, the deployment list on the left, the selected
 * deployment's details on the right, and the status bar. Every action is in the menus with a
 * keyboard shortcut. It binds to the view-models of {@link ConsoleViewModels} and opens the
 * dialogs; the state lives in the view-models and the session.
 */
public final class MainView extends BorderPane implements ListActions {

    static final double DEFAULT_DIVIDER = 0.6;
    private static final Duration DETAIL_PREPARE_DELAY = Duration.millis(400);

    /** On the list while the server is not reachable: its rows may be out of date. */
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final ConsoleContext context;
    private final ConsoleViewModels models;
    private final MainViewModel viewModel;
    private final DemoViewModel demoViewModel;
    private final DeploymentListView listView;
    private final DeploymentDetailView detailView;
    private final WindowPlacement placement;
    private boolean deleteKeyInFlight;
    private ModelDeployment shownInDetail;
    /** Help ▸ Connect external clients windows that are open: they describe this view's server. */
    private final List<ExternalClientsView> clientsViews = new ArrayList<>();
    /** View ▸ Triage: made on first use, then kept (it follows the list), shown again when closed. */
    private TriageView triageView;
    /** The alert panel under the bell: made on first use. */
    private AlertPanelView alertPanel;
    private final Popup alertPopup = new Popup();
    private ToastView toastView;
    private final ExportMenu export;

    @FXML
    private MenuBar menuBar;
    @FXML
    private MenuItem newVersionItem;
    @FXML
    private MenuItem deleteItem;
    @FXML
    private MenuItem clearFiltersItem;
    @FXML
    private MenuItem editStatusItem;
    @FXML
    private MenuItem changeStatusesItem;
    @FXML
    private Menu demoMenu;
    @FXML
    private Menu exportMenu;
    @FXML
    private MenuItem connectToServerItem;
    @FXML
    private RadioMenuItem lightThemeItem;
    @FXML
    private CheckMenuItem utcTimesItem;
    @FXML
    private RadioMenuItem darkThemeItem;
    @FXML
    private SplitPane splitPane;
    @FXML
    private StatusBarView statusBarController;
    @FXML
    private OfflineBannerView offlineBannerController;
    @FXML
    private MenuItem newDeploymentItem;

    public MainView(ConsoleContext context, ConsoleViewModels models) {
        this.context = Objects.requireNonNull(context, "context");
        this.models = Objects.requireNonNull(models, "models");
        this.viewModel = models.main();
        this.demoViewModel = models.demo();
        this.listView = new DeploymentListView(models.list(), this);
        listView.columns().remember(context.preferences().hiddenColumns().orElse(ListColumns.HIDDEN_BY_DEFAULT),
                context.preferences()::setHiddenColumns);
        this.detailView = new DeploymentDetailView(models.detail());
        this.export = new ExportMenu(context, models, this::window);
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("MainView.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load MainView.fxml", e);
        }
        placement = new WindowPlacement(context.preferences(), splitPane);
    }

    @FXML
    private void initialize() {
        listView.setId("deploymentList");
        detailView.setId("deploymentDetail");
        splitPane.getItems().setAll(listView, detailView);
        SplitPane.setResizableWithParent(detailView, false);
        splitPane.setDividerPositions(DEFAULT_DIVIDER);

        viewModel.selectedProperty().bind(listView.selectedRowProperty());
        viewModel.selectedProperty().addListener((obs, old, row) -> showInDetail(row == null ? null : row.deployment()));
        prepareDetailAfterFirstRows();

        newDeploymentItem.disableProperty().bind(viewModel.readOnlyProperty());
        newVersionItem.disableProperty().bind(viewModel.hasSelectionProperty().not().or(viewModel.readOnlyProperty()));
        deleteItem.disableProperty().bind(viewModel.hasSelectionProperty().not().or(viewModel.readOnlyProperty()));
        listView.lookup("#newDeploymentButton").disableProperty().bind(viewModel.readOnlyProperty());
        var noRowsSelected = viewModel.list().selectionCountProperty().isEqualTo(0);
        changeStatusesItem.disableProperty().bind(noRowsSelected.or(viewModel.readOnlyProperty()));
        listView.lookup("#changeStatusesButton").disableProperty().bind(noRowsSelected.or(viewModel.readOnlyProperty()));
        // What the server lacks (a NeMo Platform: no status batches, no demo mode) is not offered.
        var batchesOffered = viewModel.list().statusBatchesOfferedProperty();
        changeStatusesItem.visibleProperty().bind(batchesOffered);
        listView.lookup("#changeStatusesButton").visibleProperty().bind(batchesOffered);
        listView.lookup("#changeStatusesButton").managedProperty().bind(batchesOffered);
        var capabilities = models.session().capabilitiesProperty();
        demoMenu.visibleProperty().bind(Bindings.createBooleanBinding(() -> capabilities.get().demo(), capabilities));
        viewModel.staleProperty().addListener((obs, was, stale) -> listView.pseudoClassStateChanged(STALE, stale));
        editStatusItem.disableProperty().bind(viewModel.hasSelectionProperty().not());
        // After Apply the admin goes on in the list; otherwise the focus would fall into the timeline
        // once the editor's controls are disabled while the change is sent.
        models.detail().staleAsOfProperty().bind(viewModel.list().staleAsOfProperty());
        models.detail().editor().busyProperty().addListener((obs, was, sending) -> {
            if (sending && focusIsInDetail()) {
                listView.focusTable();
            }
        });
        clearFiltersItem.disableProperty().bind(viewModel.list().filtersActiveProperty().not());
        connectToServerItem.setDisable(context.servers() == ServerSwitch.NONE);

        Theme theme = context.themes().getTheme();
        lightThemeItem.setSelected(theme == Theme.LIGHT);
        darkThemeItem.setSelected(theme == Theme.DARK);
        lightThemeItem.setOnAction(e -> applyTheme(Theme.LIGHT));
        darkThemeItem.setOnAction(e -> applyTheme(Theme.DARK));
        TimeFormat.utcProperty().set(context.preferences().timesInUtc());
        utcTimesItem.selectedProperty().bindBidirectional(TimeFormat.utcProperty());
        utcTimesItem.setOnAction(e -> context.preferences().setTimesInUtc(utcTimesItem.isSelected()));

        new DemoMenu(demoViewModel, demoMenu).bind(
                () -> new ResetDemoConfirmation(window(), context.themes()).confirmed(),
                () -> {
                    // The purges and creates arrive through the event stream; without a live stream, reload.
                    if (models.session().liveStateProperty().get() != DeploymentEventStream.State.LIVE) {
                        viewModel.refresh();
                    }
                }, viewModel.readOnlyProperty());
        export.bind(exportMenu);
        statusBarController.bind(viewModel);
        statusBarController.bindAlerts(models.alerts(), this::openAlerts);
        toastView = new ToastView(this, context.themes(), this::openAlerts);
        models.alerts().toasts().addListener(toastView::show);
        offlineBannerController.bind(viewModel);
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DELETE) {
                deleteKeyInFlight = true;
                Platform.runLater(() -> deleteKeyInFlight = false);
            }
        });
        // Stop following the server once the view is no longer in a window (closed, or replaced).
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

    /**
     * The detail pane's content is built shortly after the first rows are on screen: not before them (it
     * would delay them), and not at the first selection (it would delay that).
     */
    private void prepareDetailAfterFirstRows() {
        ObservableList<DeploymentRow> rows = viewModel.list().visibleRows();
        PauseTransition idle = new PauseTransition(DETAIL_PREPARE_DELAY);
        idle.setOnFinished(e -> detailView.prepareContent());
        rows.addListener(new ListChangeListener<DeploymentRow>() {
            @Override
            public void onChanged(Change<? extends DeploymentRow> change) {
                if (!rows.isEmpty()) {
                    rows.removeListener(this);
                    idle.play();
                }
            }
        });
    }

    private void showInDetail(ModelDeployment deployment) {
        if (!Objects.equals(deployment, shownInDetail)) {
            shownInDetail = deployment;
            detailView.show(deployment);
        }
    }

    /** Starts following the server: the event stream opens and the fleet is read as soon as it is live. */
    public void start() {
        models.session().start();
        demoViewModel.load();
        // Focus only: selecting the first row would build the detail pane's ~350 nodes before the window's first
        // pulse whenever the first page is there first (a running server): 1.6 s to the first window, not 2.0-2.2 s.
        Platform.runLater(listView::takeFocus);
    }

    /** Stops following the server (the window closes, or another server's view replaces this one). */
    public void stop() {
        export.viewModel().cancel();
        models.session().close();
        List.copyOf(clientsViews).forEach(ExternalClientsView::close);
        if (triageView != null) {
            triageView.close();
        }
        models.alerts().toasts().close();
        toastView.hide();
        alertPopup.hide();
    }

    // ------------------------------------------------------------------ window state

    /** Restores size, position and divider from the preferences and saves them when the window closes. */
    public void attach(Stage stage) {
        placement.attach(stage);
    }

    /** Takes {@code stage} over from the view of the server used before (same divider; saves on close). */
    public void takeOver(MainView previous, Stage stage) {
        placement.takeOver(previous.placement, stage);
    }

    /** Stops saving window state for the stage given to {@link #attach}. */
    public void detach() {
        placement.detach();
    }

    /** Writes window bounds and divider positions to the preferences. */
    public void saveState(Stage stage) {
        placement.save(stage);
    }

    // ------------------------------------------------------------------ actions

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** True (and said in the status bar) when this console may not write: the action is not offered. */
    private boolean readOnly() {
        if (viewModel.readOnlyProperty().get()) {
            viewModel.report("This console is " + viewModel.readOnlyTextProperty().get());
            return true;
        }
        return false;
    }

    @Override
    @FXML
    public void newDeployment() {
        if (readOnly()) {
            return;
        }
        DeploymentListViewModel list = viewModel.list();
        WorkspaceOption filter = list.workspaceProperty().get();
        String filterWorkspace = filter != null && !filter.isAll() ? filter.workspace() : null;
        NewDeploymentViewModel dialogModel = new NewDeploymentViewModel(models.session(), list.workspaceNames(),
                filterWorkspace, context.preferences().lastNewDeploymentWorkspace(), list::exists);
        new NewDeploymentDialog(window(), context.themes(), dialogModel).showAndWait()
                .ifPresent(created -> {
                    context.preferences().setLastNewDeploymentWorkspace(created.workspace());
                    listView.select(created.workspace(), created.name());
                });
    }

    @Override
    @FXML
    public void newVersion() {
        if (readOnly()) {
            return;
        }
        viewModel.selectedDeployment().ifPresentOrElse(current -> {
            NewVersionViewModel dialogModel = new NewVersionViewModel(models.session(), current);
            new NewVersionDialog(window(), context.themes(), dialogModel).showAndWait()
                    .ifPresent(created -> listView.select(created.workspace(), created.name()));
        }, () -> viewModel.report("Select a deployment first"));
    }

    @Override
    @FXML
    public void delete() {
        if (deleteKeyInFlight && !focusIsInList()) {
            return; // the Delete key belongs to the text or control being edited, not to the list
        }
        if (readOnly()) {
            return;
        }
        viewModel.selectedDeployment().ifPresentOrElse(current -> {
            if (!new DeleteConfirmation(window(), context.themes(), current,
                    models.session().store().versions(DeploymentKey.of(current))).confirmed()) {
                return;
            }
            viewModel.delete(current,
                    result -> result.ifPresent(d -> listView.select(d.workspace(), d.name())),
                    error -> showError("Could not delete " + current.qualifiedName(), error));
        }, () -> viewModel.report("Select a deployment first"));
    }

    /**
     * View ▸ Change status of the selection… (Ctrl+Shift+S, the list's button and row menu): one
     * batch for every selected deployment; the status bar then says what changed.
     */
    @Override
    @FXML
    public void changeStatusOfSelection() {
        if (readOnly()) {
            return;
        }
        if (!models.session().capabilitiesProperty().get().statusBatches()) {
            viewModel.report("This server can't change many statuses at once: change them one by one in the editor");
            return;
        }
        List<ModelDeployment> targets = viewModel.list().selectedRows().stream().map(DeploymentRow::deployment)
                .toList();
        if (targets.isEmpty()) {
            viewModel.report("Select deployments first");
            return;
        }
        StatusBatchViewModel dialogModel = new StatusBatchViewModel(models.session(), targets);
        new StatusBatchDialog(window(), context.themes(), dialogModel).showAndWait().ifPresent(viewModel::report);
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

    /** View ▸ Change status (Ctrl+E): from anywhere to the status drop-down of the selected deployment. */
    @FXML
    private void focusStatusEditor() {
        if (viewModel.selectedDeployment().isEmpty()) {
            viewModel.report("Select a deployment first");
            return;
        }
        detailView.focusStatusEditor();
    }

    private boolean focusIsInDetail() {
        for (Node n = getScene() == null ? null : getScene().getFocusOwner(); n != null; n = n.getParent()) {
            if (n == detailView) {
                return true;
            }
        }
        return false;
    }

    /** View ▸ Triage (Ctrl+Shift+T), or "Triage…" beside the "Needs attention" chip: the window stays open beside the list. */
    @Override
    @FXML
    public void triage() {
        if (triageView == null) {
            triageView = new TriageView(window(), context.themes(), new TriageViewModel(models.list()));
        }
        if (triageView.isShowing()) {
            triageView.getDialogPane().getScene().getWindow().requestFocus();
        } else {
            triageView.show();
        }
    }

    /** The triage window once opened; null before. */
    public TriageView triageView() {
        return triageView;
    }

    /** The bell, View ▸ Alerts… (Ctrl+Shift+A) or a toast: the alert panel opens above the bell; its alerts count as read. */
    @FXML
    public void openAlerts() {
        if (getScene() == null || getScene().getWindow() == null) {
            return;
        }
        if (alertPanel == null) {
            alertPanel = new AlertPanelView(models.alerts(), this::showAlerted, () -> {
                alertPopup.hide();
                notificationRules();
            });
            alertPopup.getContent().add(alertPanel);
            alertPopup.setAutoHide(true);
            alertPopup.setHideOnEscape(true);
            alertPopup.setAnchorLocation(PopupWindow.AnchorLocation.CONTENT_BOTTOM_RIGHT);
        }
        context.themes().style(alertPanel);
        toastView.hide();
        Bounds bell = statusBarController.bell().localToScreen(statusBarController.bell().getBoundsInLocal());
        if (!alertPopup.isShowing()) {
            alertPopup.show(window(), bell.getMaxX(), bell.getMinY() - 4);
        }
        alertPanel.opened();
    }

    /** An entry of the alert panel: its deployment in the list (filters cleared if they hide it) and its version in the detail. */
    private void showAlerted(DeploymentAlert alert) {
        alertPopup.hide();
        DeploymentListViewModel list = viewModel.list();
        String key = DeploymentRow.keyOf(alert.key().workspace(), alert.key().name());
        if (!list.exists(alert.key().workspace(), alert.key().name())) {
            viewModel.report(alert.key().workspace() + "/" + alert.key().name() + " is no longer on the server");
            return;
        }
        if (list.viewIndexOf(key) < 0) {
            list.clearFilters();
        }
        listView.select(alert.key().workspace(), alert.key().name());
        models.detail().selectVersion(alert.key().version());
    }

    /** The alert panel once opened; null before. */
    public AlertPanelView alertPanel() {
        return alertPanel;
    }

    /** The toast of new alerts. */
    public ToastView toastView() {
        return toastView;
    }

    /** View ▸ Notification rules…: which changes raise alerts; remembered, and applied from now on. */
    @FXML
    public void notificationRules() {
        NotificationRulesViewModel model = new NotificationRulesViewModel(models.alerts().rulesProperty().get(),
                viewModel.list().workspaceNames(), context.desktop() != DesktopNotifier.NONE);
        new NotificationRulesDialog(window(), context.themes(), model,
                AttentionText.limits(models.session().attentionRuleProperty().get()))
                .showAndWait().ifPresent(rules -> {
                    context.preferences().setAlertRules(rules);
                    models.alerts().rulesProperty().set(rules);
                });
    }

    @FXML
    private void clearFilters() {
        viewModel.list().clearFilters();
    }

    private void applyTheme(Theme theme) {
        context.themes().setTheme(theme);
        context.preferences().setTheme(theme);
    }

    @FXML
    private void shortcuts() {
        new ShortcutsDialog(window(), context.themes()).showAndWait();
    }

    /** Help ▸ Connect external clients: how scripts and controllers reach this server. */
    @FXML
    public void connectClients() {
        ExternalClientsViewModel model = new ExternalClientsViewModel(context.connection(),
                viewModel.selectedDeployment().orElse(null));
        ExternalClientsView view = new ExternalClientsView(window(), context.themes(), model, context.browser());
        clientsViews.add(view);
        view.setOnHidden(e -> clientsViews.remove(view));
        view.show();
    }

    /** File ▸ Connect to server…: moves the whole console to another server once it answered. */
    @FXML
    private void connectToServer() {
        ServerSwitch servers = context.servers();
        ConnectToServerViewModel model = new ConnectToServerViewModel(context.tasks(), HttpDeploymentApiClient::new,
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

    /** The session and view-models this view binds to. */
    public ConsoleViewModels models() {
        return models;
    }

    /** File ▸ Export (tests give it the file to write). */
    public ExportMenu export() {
        return export;
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
