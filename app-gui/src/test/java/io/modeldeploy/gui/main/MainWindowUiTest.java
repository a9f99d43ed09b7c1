package io.modeldeploy.gui.main;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.dialogs.DeleteConfirmation;
import io.modeldeploy.gui.dialogs.FieldRules;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.list.WorkspaceOption;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusUpdateRequest;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;

import static io.modeldeploy.gui.testing.FxLookup.click;
import static io.modeldeploy.gui.testing.FxLookup.find;
import static io.modeldeploy.gui.testing.FxLookup.one;
import static io.modeldeploy.gui.testing.FxLookup.onFxThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.modeldeploy.gui.testing.FxLookup.waitUntil;

/**
 * The main window against a real server (port 0, temporary data directory). Data is put in with
 * plain HTTP, checked in the window, and what the window does is checked back with plain HTTP.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {

    private static TestServer server;
    private static ExecutorService workers;

    private static final String PREFS_ROOT = GuiPreferencesTest.TEST_ROOT + "/" + UUID.randomUUID();
    private Preferences prefsNode;
    private MainView view;
    private Stage stage;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        workers = TaskRunner.newWorkerPool();
        server.create("ui-alpha", "alpha-ready", "llama-nim");
        server.setStatus("ui-alpha", "alpha-ready", "READY", "serving on 2 GPUs");
        server.create("ui-alpha", "alpha-error", "phi-nim");
        server.setStatus("ui-alpha", "alpha-error", "ERROR", "CUDA out of memory");
        server.create("ui-beta", "beta-pending", "mistral-nim");
        server.setStatus("ui-beta", "beta-pending", "PENDING", "Pulling image");
        server.create("ui-beta", "beta-ready", "gemma-nim");
        server.setStatus("ui-beta", "beta-ready", "READY", "");
    }

    @AfterAll
    static void stopServer() throws BackingStoreException {
        workers.shutdownNow();
        server.close();
        GuiPreferencesTest.removeTestRoot();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        prefsNode = Preferences.userRoot().node(PREFS_ROOT + "/" + UUID.randomUUID());
        ConsoleContext context = new ConsoleContext(new HttpDeploymentApiClient(server.baseUrl()), TaskRunner.onFx(workers),
                new ThemeManager(Theme.LIGHT), new GuiPreferences(prefsNode),
                ConnectionInfo.embedded(server.baseUrl(), null));
        view = new MainView(context, ConsoleViewModels.create(context));
        Scene scene = new Scene(view, 1200, 760);
        context.themes().style(scene);
        stage.setScene(scene);
        stage.show();
        view.start();
    }

    @AfterEach
    void cleanUp(FxRobot robot) {
        // Close dialogs a failed test may have left open; the primary stage is reused by the next test.
        robot.interact(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w instanceof Stage && w != stage)
                .forEach(Window::hide));
        robot.interact(view::detach);
        robot.interact(view::stop);
    }

    // ------------------------------------------------------------------ helpers

    private DeploymentListViewModel list() {
        return view.viewModel().list();
    }


    private void waitForLoad() {
        waitUntil("the list is loaded", () -> list().loadStateProperty().get() == io.modeldeploy.gui.session.ConsoleSession.FleetState.LOADED
                && !list().loadingProperty().get());
    }

    private Set<String> visibleKeys() {
        return list().visibleRows().stream().map(DeploymentRow::key).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private TableView<DeploymentRow> table(FxRobot robot) {
        return (TableView<DeploymentRow>) one(robot, "#deploymentTable", TableView.class);
    }

    /** Clicks the table row of a deployment (scrolling it into view first). */
    private void clickRow(FxRobot robot, String workspace, String name) {
        String key = DeploymentRow.keyOf(workspace, name);
        int index = list().viewIndexOf(key);
        assertTrue(index >= 0, key + " is in the list");
        robot.interact(() -> table(robot).scrollTo(index));
        Node row = one(robot, n -> n instanceof TableRow<?> r && r.getItem() instanceof DeploymentRow d
                && d.key().equals(key));
        robot.clickOn(row);
        assertEquals(key, view.viewModel().selectedProperty().get().key());
    }

    private Optional<Window> dialogWindow() {
        return Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot() instanceof DialogPane)
                .findFirst();
    }

    private DialogPane dialogPane() {
        waitUntil("a dialog is open", () -> dialogWindow().isPresent());
        return (DialogPane) dialogWindow().orElseThrow().getScene().getRoot();
    }

    private Button dialogButton(String text) {
        return dialogPane().getButtonTypes().stream()
                .map(type -> (Button) dialogPane().lookupButton(type))
                .filter(b -> b.getText().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no button " + text));
    }

    private void typeInto(FxRobot robot, String query, String text) {
        Node node = one(robot, query);
        TextField field = node instanceof ComboBox<?> combo ? combo.getEditor() : (TextField) node;
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void listShowsTheServersDeploymentsWithStatusBadgesAndMessages(FxRobot robot) {
        waitForLoad();
        assertTrue(visibleKeys().containsAll(List.of("ui-alpha/alpha-ready", "ui-alpha/alpha-error",
                "ui-beta/beta-pending", "ui-beta/beta-ready")), visibleKeys().toString());

        DeploymentRow error = list().find("ui-alpha", "alpha-error").orElseThrow();
        assertEquals(DeploymentStatus.ERROR, error.status());
        assertEquals("CUDA out of memory", error.message());

        robot.interact(() -> table(robot).scrollTo(list().viewIndexOf(error.key())));
        Label badge = one(robot, n -> n instanceof Label l && l.getStyleClass().contains("status-badge")
                && !l.getStyleClass().contains("older-problem")
                && l.getParent().getParent() instanceof TableCell<?, ?> c && c.getTableRow() != null
                && c.getTableRow().getItem() == error, Label.class);
        assertEquals("Error", badge.getText());
        assertTrue(badge.getStyleClass().contains("status-error"));
        assertTrue(find(robot, n -> n instanceof TableCell<?, ?> c && "CUDA out of memory".equals(c.getText())).isPresent(), "the message is shown in its column");
        assertEquals("ui-alpha", one(robot, n -> n instanceof TableCell<?, ?> c
                && c.getStyleClass().contains("workspace-cell") && c.getTableRow() != null
                && c.getTableRow().getItem() == error, TableCell.class).getText());
    }

    @Test
    void workspaceSelectorShowsOnlyTheChosenWorkspace(FxRobot robot) {
        waitForLoad();
        click(robot, "#workspaceFilter");
        Node betaOption = one(robot, n -> n instanceof ListCell<?> c && c.getItem() instanceof WorkspaceOption o
                && "ui-beta".equals(o.workspace()));
        robot.clickOn(betaOption);
        waitUntil("only ui-beta is shown", () -> visibleKeys().stream().allMatch(k -> k.startsWith("ui-beta/")));
        assertEquals(Set.of("ui-beta/beta-pending", "ui-beta/beta-ready"), visibleKeys());
        assertEquals(2, list().countAnyStatusProperty().get(), "the All chip counts the chosen workspace");
    }

    @Test
    void statusChipFiltersByStatusAndShowsLiveCounts(FxRobot robot) {
        waitForLoad();
        int readyCount = list().countProperty(DeploymentStatus.READY).get();
        assertTrue(readyCount >= 2);
        Label chipCount = one(robot, "#chip-ready .chip-count", Label.class);
        assertEquals(String.valueOf(readyCount), chipCount.getText());

        click(robot, "#chip-ready");
        waitUntil("only READY rows", () -> list().visibleRows().stream()
                .allMatch(r -> r.status() == DeploymentStatus.READY));
        assertTrue(visibleKeys().containsAll(List.of("ui-alpha/alpha-ready", "ui-beta/beta-ready")));
        assertFalse(visibleKeys().contains("ui-alpha/alpha-error"));

        click(robot, "#chip-error");
        waitUntil("READY and ERROR rows", () -> visibleKeys().contains("ui-alpha/alpha-error"));
        assertFalse(visibleKeys().contains("ui-beta/beta-pending"));

        click(robot, "#chip-all");
        waitUntil("every status again", () -> visibleKeys().contains("ui-beta/beta-pending"));
    }

    @Test
    void searchFieldFiltersByNameOrMessageAndCtrlFFocusesIt(FxRobot robot) {
        waitForLoad();
        click(robot, "#deploymentTable");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertTrue(one(robot, "#searchField").isFocused(), "Ctrl+F focuses the search field");

        robot.write("cuda");
        waitUntil("message search applied", () -> visibleKeys().equals(Set.of("ui-alpha/alpha-error")));

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil("search cleared", () -> visibleKeys().size() >= 4);
        robot.write("beta");
        waitUntil("name search applied", () -> visibleKeys().equals(Set.of("ui-beta/beta-pending",
                "ui-beta/beta-ready")));
        assertEquals(2, list().countAnyStatusProperty().get());
        assertEquals(1, list().countProperty(DeploymentStatus.PENDING).get());
    }

    @Test
    void newDeploymentDialogValidatesWhileTypingAndCreatesTheDeployment(FxRobot robot) {
        waitForLoad();
        click(robot, "#deploymentTable");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        DialogPane pane = dialogPane();
        Button create = dialogButton("Create");
        assertTrue(create.isDisabled(), "nothing typed yet");

        typeInto(robot, "#workspaceCombo", "ui-create");
        typeInto(robot, "#nameField", "bad name");
        assertEquals(FieldRules.NAME_CHARACTERS, one(robot, "#nameMessage", Label.class).getText());
        assertTrue(create.isDisabled());

        typeInto(robot, "#nameField", "created-in-dialog");
        typeInto(robot, "#configField", "llama-nim");
        typeInto(robot, "#configVersionField", "4");
        assertFalse(create.isDisabled());
        robot.clickOn(create);

        waitUntil("the dialog closed", () -> dialogWindow().isEmpty());
        waitUntil("the new row is listed and selected", () -> list().exists("ui-create", "created-in-dialog")
                && view.viewModel().selectedProperty().get() != null
                && view.viewModel().selectedProperty().get().key().equals("ui-create/created-in-dialog"));
        JsonNode fromServer = server.get(TestServer.deployment("ui-create", "created-in-dialog"));
        assertEquals("llama-nim", fromServer.get("config").asText());
        assertEquals(4, fromServer.get("config_version").asInt());
        assertEquals("CREATED", fromServer.get("status").asText());
    }

    @Test
    void newDeploymentDialogShowsTheServersConflictOnTheNameField(FxRobot robot) {
        waitForLoad();
        server.create("ui-conflict", "raced", "cfg"); // created behind the console's back
        click(robot, "#newDeploymentButton");
        dialogPane();
        typeInto(robot, "#workspaceCombo", "ui-conflict");
        typeInto(robot, "#nameField", "raced");
        typeInto(robot, "#configField", "cfg");
        robot.clickOn(dialogButton("Create"));
        waitUntil("the conflict is shown", () -> one(robot, "#nameMessage", Label.class).getText()
                .contains("already exists"));
        assertTrue(dialogWindow().isPresent(), "the dialog stays open");
        robot.clickOn(dialogButton("Cancel"));
        waitUntil("the dialog closed", () -> dialogWindow().isEmpty());
    }

    @Test
    void newVersionDialogCreatesTheNextVersion(FxRobot robot) {
        server.create("ui-version", "versioned", "cfg-v1");
        waitForLoad();
        click(robot, "#refreshButton");
        waitUntil("the seeded row appears", () -> list().exists("ui-version", "versioned"));
        clickRow(robot, "ui-version", "versioned");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        DialogPane pane = dialogPane();
        assertEquals("New version of ui-version/versioned", pane.getHeaderText());
        assertEquals("cfg-v1", one(robot, "#configField", TextField.class).getText());
        typeInto(robot, "#configField", "cfg-v2");
        typeInto(robot, "#configVersionField", "3");
        robot.clickOn(dialogButton("Create version"));

        waitUntil("the row shows version 2", () -> list().find("ui-version", "versioned")
                .map(r -> r.version() == 2).orElse(false));
        DeploymentRow row = list().find("ui-version", "versioned").orElseThrow();
        assertEquals(DeploymentStatus.PENDING, row.status());
        JsonNode latest = server.get(TestServer.deployment("ui-version", "versioned"));
        assertEquals(2, latest.get("entity_version").asInt());
        assertEquals("cfg-v2", latest.get("config").asText());
        assertEquals(3, latest.get("config_version").asInt());
    }

    @Test
    void deleteAfterConfirmationShowsDeletingAndTheServerAgrees(FxRobot robot) {
        server.create("ui-delete", "doomed", "cfg");
        waitForLoad();
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil("the seeded row appears", () -> list().exists("ui-delete", "doomed"));
        clickRow(robot, "ui-delete", "doomed");

        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        DialogPane pane = dialogPane();
        assertEquals("Delete ui-delete/doomed?", pane.getHeaderText());
        assertTrue(((Button) pane.lookupButton(javafx.scene.control.ButtonType.CANCEL)).isDefaultButton(),
                "Enter cancels: deleting needs a deliberate choice");
        robot.clickOn(pane.lookupButton(DeleteConfirmation.DELETE));

        waitUntil("the row shows DELETING", () -> list().find("ui-delete", "doomed")
                .map(r -> r.status() == DeploymentStatus.DELETING).orElse(false));
        assertEquals("ui-delete/doomed", view.viewModel().selectedProperty().get().key(), "the row stays selected");
        assertTrue(find(robot, n -> n instanceof Label l && l.getStyleClass().contains("status-deleting")
                && "Deleting".equals(l.getText())).isPresent(), "a Deleting badge is shown");
        JsonNode fromServer = server.get(TestServer.deployment("ui-delete", "doomed"));
        assertEquals("DELETING", fromServer.get("status").asText());
    }

    @Test
    void cancellingTheDeleteConfirmationDeletesNothing(FxRobot robot) {
        server.create("ui-delete", "spared", "cfg");
        waitForLoad();
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil("the seeded row appears", () -> list().exists("ui-delete", "spared"));
        clickRow(robot, "ui-delete", "spared");
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        dialogPane();
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil("the confirmation closed", () -> dialogWindow().isEmpty());
        assertEquals("CREATED", server.get(TestServer.deployment("ui-delete", "spared")).get("status").asText());
    }

    @Test
    void deleteKeyWhileTypingInTheSearchFieldOnlyEditsTheText(FxRobot robot) {
        waitForLoad();
        clickRow(robot, "ui-alpha", "alpha-ready");
        click(robot, "#searchField");
        robot.write("ab");
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("a", one(robot, "#searchField", TextField.class).getText());
        assertTrue(dialogWindow().isEmpty(), "no delete confirmation");
    }

    @Test
    void contextMenuKeyOpensTheRowActions(FxRobot robot) {
        waitForLoad();
        clickRow(robot, "ui-alpha", "alpha-error");
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        waitUntil("the context menu is showing", () -> table(robot).getContextMenu().isShowing());
        javafx.scene.control.MenuItem newVersion = table(robot).getContextMenu().getItems().get(0);
        assertEquals("New version…", newVersion.getText());
        assertFalse(newVersion.isDisable(), "a row is selected");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil("the context menu closed", () -> !table(robot).getContextMenu().isShowing());
    }

    @Test
    void deleteKeyOutsideTheListDoesNotDeleteTheSelection(FxRobot robot) {
        waitForLoad();
        clickRow(robot, "ui-beta", "beta-ready");
        robot.interact(() -> view.listView().lookup("#chip-ready").requestFocus());
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        dialogPane(); // the chips belong to the list: Delete asks
        robot.clickOn(dialogButton("Cancel"));
        waitUntil("the confirmation closed", () -> dialogWindow().isEmpty());

        robot.interact(() -> view.detailView().requestFocus());
        robot.interact(() -> {
            Node focusable = view.detailView().lookupAll(".combo-box").stream().findFirst().orElse(view.detailView());
            focusable.requestFocus();
        });
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialogWindow().isEmpty(), "Delete in the detail pane never deletes the deployment");
        assertEquals("READY", server.get(TestServer.deployment("ui-beta", "beta-ready")).get("status").asText());
    }

    @Test
    void selectingARowShowsItInTheDetailPane(FxRobot robot) {
        waitForLoad();
        clickRow(robot, "ui-beta", "beta-pending");
        waitUntil("the detail pane shows the deployment",
                () -> "beta-pending".equals(view.detailView().getViewModel().fields().name().get()));
        assertFalse(view.detailView().getViewModel().emptyProperty().get());
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        waitUntil("arrow keys move the selection and the detail follows",
                () -> !Objects.equals("beta-pending", view.viewModel().selectedProperty().get().name())
                        && Objects.equals(view.viewModel().selectedProperty().get().name(),
                        view.detailView().getViewModel().fields().name().get()));
    }

    @Test
    void theTableHasTheFocusAtStartAndTheDownKeySelectsItsFirstRow(FxRobot robot) {
        waitForLoad();
        TableView<DeploymentRow> table = table(robot);
        waitUntil("the table has the focus", table::isFocused);
        assertNull(view.viewModel().selectedProperty().get(), "no row is selected at start");
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        waitUntil("the first row is selected and shown in the detail pane",
                () -> view.viewModel().selectedProperty().get() != null
                        && view.viewModel().selectedProperty().get().key().equals(table.getItems().get(0).key())
                        && table.getItems().get(0).name().equals(view.detailView().getViewModel().fields().name().get()));
    }

    @Test
    void selectionStaysOnTheDeploymentWhoseStatusChangeMovesItToTheTop(FxRobot robot) throws Exception {
        waitForLoad();
        List<DeploymentRow> shown = list().visibleRows();
        DeploymentRow last = shown.get(shown.size() - 1);
        clickRow(robot, last.workspace(), last.name());
        robot.moveTo(one(robot, "#searchField", Node.class)); // rows keep their place while the pointer is on them

        ModelDeployment updated = new HttpDeploymentApiClient(server.baseUrl()).updateStatus(last.workspace(), last.name(),
                last.version(), new StatusUpdateRequest(DeploymentStatus.LOST, "node lost " + UUID.randomUUID()));
        robot.interact(() -> view.models().session().store().merge(updated, io.modeldeploy.gui.session.DeploymentStore.Origin.OWN_WRITE));

        assertEquals(0, list().viewIndexOf(last.key()), "the newest change sorts first");
        assertEquals(last.key(), view.viewModel().selectedProperty().get().key(), "the selection followed it");
        assertEquals(last.key(), table(robot).getSelectionModel().getSelectedItem().key());
    }

    @Test
    void darkThemeFromTheViewMenuIsAppliedAndRemembered(FxRobot robot) {
        waitForLoad();
        click(robot, "View");
        click(robot, "Theme");
        click(robot, "Dark");
        waitUntil("dark stylesheet installed", () -> stage.getScene().getStylesheets()
                .contains(Theme.DARK.coloursStylesheet()));
        assertFalse(stage.getScene().getStylesheets().contains(Theme.LIGHT.coloursStylesheet()));
        assertEquals("dark", prefsNode.get("theme", null));
    }

    @Test
    void theDetailPanesShareIsSavedOnceTheDividerRestsWithoutClosingTheWindow(FxRobot robot) {
        waitForLoad();
        robot.interact(() -> view.attach(stage));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.splitPane().setDividerPositions(0.45));
        waitUntil("the divider's position is saved", () -> {
            double[] saved = new GuiPreferences(prefsNode).dividerPositions(WindowPlacement.SPLIT_NAME);
            double shown = onFxThread(() -> view.splitPane().getDividerPositions()[0]);
            return saved.length == 1 && Math.abs(saved[0] - shown) < 0.01;
        });
        double saved = new GuiPreferences(prefsNode).dividerPositions(WindowPlacement.SPLIT_NAME)[0];
        assertTrue(saved < MainView.DEFAULT_DIVIDER - 0.05, "the moved divider was saved, not the default: " + saved);
    }

    @Test
    void windowBoundsAndDividerAreSavedAndRestored(FxRobot robot) {
        waitForLoad();
        robot.interact(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1000);
            stage.setHeight(640);
            view.splitPane().setDividerPositions(0.7);
            view.saveState(stage);
        });
        GuiPreferences prefs = new GuiPreferences(prefsNode);
        GuiPreferences.WindowBounds saved = prefs.windowBounds().orElseThrow();
        assertEquals(1000, saved.width(), 0.5);
        assertEquals(640, saved.height(), 0.5);
        assertEquals(0.7, prefs.dividerPositions(WindowPlacement.SPLIT_NAME)[0], 0.02);

        robot.interact(() -> {
            stage.setWidth(700);
            view.attach(stage);
        });
        assertEquals(1000, stage.getWidth(), 0.5);
        assertEquals(40, stage.getX(), 0.5);
    }
}
