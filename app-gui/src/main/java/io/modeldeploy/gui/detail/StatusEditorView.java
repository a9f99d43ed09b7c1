package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.model.DeploymentStatus;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Arrays;

/**
 * The status editor: status drop-down (statuses the server would refuse are greyed out and say
 * why), message with a live character counter, model provider reference, Apply and Revert.
 * A thin view over {@link StatusEditorViewModel}.
 */
public class StatusEditorView extends VBox {

    /** Style class of the message counter once the message is too long. */
    public static final String OVER_LIMIT_CLASS = "over-limit";
    /** Pseudo-class of drop-down entries the server would refuse. */
    public static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final StatusEditorViewModel viewModel;

    @FXML
    private Label targetLabel;
    @FXML
    private Label statusLabel;
    @FXML
    private ComboBox<DeploymentStatus> statusCombo;
    @FXML
    private Label statusProblemLabel;
    @FXML
    private Label messageLabel;
    @FXML
    private TextArea messageArea;
    @FXML
    private Label messageCounter;
    @FXML
    private Label messageProblemLabel;
    @FXML
    private Label providerLabel;
    @FXML
    private TextField providerField;
    @FXML
    private Label providerProblemLabel;
    @FXML
    private Label errorLabel;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Button revertButton;
    @FXML
    private Button applyButton;
    @FXML
    private VBox conflictBanner;
    @FXML
    private Label conflictTitleLabel;
    @FXML
    private Label conflictWhoLabel;
    @FXML
    private Label conflictWhatLabel;
    @FXML
    private GridPane clashGrid;
    @FXML
    private Label applyAnywayProblemLabel;
    @FXML
    private Label keyboardHintLabel;
    @FXML
    private Button reloadButton;
    @FXML
    private Button applyAnywayButton;

    public StatusEditorView(StatusEditorViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.loadInto(this);
    }

    @FXML
    private void initialize() {
        targetLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> viewModel.deploymentProperty().get() == null ? ""
                        : "Applies to version " + viewModel.deploymentProperty().get().entityVersion(),
                viewModel.deploymentProperty()));
        statusLabel.setLabelFor(statusCombo);
        messageLabel.setLabelFor(messageArea);
        providerLabel.setLabelFor(providerField);

        statusCombo.setItems(FXCollections.observableList(Arrays.asList(DeploymentStatus.values())));
        statusCombo.setCellFactory(list -> new StatusChoiceCell(viewModel, false));
        statusCombo.setButtonCell(new StatusChoiceCell(viewModel, true));
        statusCombo.valueProperty().bindBidirectional(viewModel.statusProperty());
        statusCombo.addEventFilter(KeyEvent.KEY_PRESSED, StatusEditorView::spaceOpensList);

        messageArea.textProperty().bindBidirectional(viewModel.messageProperty());
        messageArea.addEventFilter(KeyEvent.KEY_PRESSED, StatusEditorView::tabLeavesTextArea);
        providerField.textProperty().bindBidirectional(viewModel.modelProviderIdProperty());

        messageCounter.textProperty().bind(viewModel.checks().messageCounterProperty());
        viewModel.checks().messageOverLimitProperty().addListener((obs, was, over) -> showOverLimit(over));
        showOverLimit(viewModel.checks().messageOverLimitProperty().get());

        bindProblem(statusProblemLabel, viewModel.checks().statusProblemProperty());
        bindProblem(messageProblemLabel, viewModel.checks().messageProblemProperty());
        bindProblem(providerProblemLabel, viewModel.checks().modelProviderIdProblemProperty());
        viewModel.checks().modelProviderIdProblemProperty().addListener((obs, was, problem) ->
                providerField.pseudoClassStateChanged(INVALID, !problem.isEmpty()));
        viewModel.checks().statusProblemProperty().addListener((obs, was, problem) ->
                statusCombo.pseudoClassStateChanged(INVALID, !problem.isEmpty()));

        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());

        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        var noVersion = viewModel.deploymentProperty().isNull();
        statusCombo.disableProperty().bind(viewModel.busyProperty().or(noVersion).or(viewModel.canWriteProperty().not()));
        // Read-only: the texts stay selectable for copying, but cannot be changed.
        messageArea.editableProperty().bind(viewModel.canWriteProperty());
        providerField.editableProperty().bind(viewModel.canWriteProperty());
        messageArea.disableProperty().bind(viewModel.busyProperty().or(noVersion));
        providerField.disableProperty().bind(viewModel.busyProperty().or(noVersion));
        applyButton.disableProperty().bind(viewModel.checks().canApplyProperty().not()
                .or(viewModel.canWriteProperty().not()));
        revertButton.disableProperty().bind(viewModel.checks().canRevertProperty().not());
        keyboardHintLabel.textProperty().bind(viewModel.keyboardHintProperty());
        applyButton.setTooltip(new Tooltip("Send the change to the selected version (Ctrl+Enter)"));
        revertButton.setTooltip(new Tooltip("Restore the current values (Esc)"));
        setUpConflictBanner();
    }

    private void setUpConflictBanner() {
        conflictBanner.setId("conflictBanner");
        var open = viewModel.conflictProperty().isNotNull();
        conflictBanner.visibleProperty().bind(open);
        conflictBanner.managedProperty().bind(open);
        viewModel.conflictProperty().addListener((obs, was, now) -> {
            if (now != null && was == null) {
                Platform.runLater(() -> reveal(conflictBanner));
            }
        });
        conflictTitleLabel.textProperty().bind(viewModel.conflictText().titleProperty());
        conflictWhoLabel.textProperty().bind(viewModel.conflictText().whoProperty());
        conflictWhatLabel.textProperty().bind(viewModel.conflictText().whatProperty());
        conflictWhatLabel.visibleProperty().bind(viewModel.conflictText().whatProperty().isNotEmpty());
        conflictWhatLabel.managedProperty().bind(conflictWhatLabel.visibleProperty());
        viewModel.clashes().addListener((InvalidationListener) obs -> showClashes());
        showClashes();
        bindProblem(applyAnywayProblemLabel, viewModel.checks().applyAnywayProblemProperty());
        reloadButton.disableProperty().bind(viewModel.busyProperty());
        applyAnywayButton.disableProperty().bind(viewModel.checks().canApplyAnywayProperty().not()
                .or(viewModel.canWriteProperty().not()));
        reloadButton.setTooltip(new Tooltip("Show the version as it is now and discard your edits (Esc)"));
        applyAnywayButton.setTooltip(new Tooltip(
                "Send the fields you changed on top of the version as it is now (Ctrl+Enter twice)"));
        conflictBanner.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        conflictBanner.accessibleTextProperty().bind(javafx.beans.binding.Bindings.concat(
                viewModel.conflictText().titleProperty(), ". ", viewModel.conflictText().whoProperty(), ". ",
                viewModel.conflictText().whatProperty()));
    }

    /**
     * Ctrl+Enter: Apply. During a conflict the first press goes to Apply anyway (Reload when Apply
     * anyway is refused) and the next one performs it, so a change that arrives just before the
     * keys are pressed is never overwritten unseen.
     */
    public void submit() {
        if (viewModel.getConflict() == null) {
            viewModel.apply();
        } else if (applyAnywayButton.isFocused()) {
            viewModel.applyAnyway();
        } else {
            Button next = applyAnywayButton.isDisabled() ? reloadButton : applyAnywayButton;
            next.requestFocus();
            reveal(next);
        }
    }

    /** Focuses the status drop-down, scrolled into view. */
    public void focusStatus() {
        statusCombo.requestFocus();
        reveal(statusCombo);
    }

    /**
     * Scrolls the pane this editor sits in (if any) just enough to show {@code node} whole: in a low
     * window the conflict area or the field reached with the keyboard can be below the fold.
     */
    private void reveal(Node node) {
        ScrollPane scroll = null;
        for (Node n = getParent(); n != null && scroll == null; n = n.getParent()) {
            scroll = n instanceof ScrollPane pane ? pane : null;
        }
        if (scroll == null || scroll.getContent() == null || !node.isVisible()) {
            return;
        }
        scroll.applyCss();
        scroll.layout();
        Node content = scroll.getContent();
        double overflow = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        if (overflow <= 0) {
            return;
        }
        Bounds shown = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double range = scroll.getVmax() - scroll.getVmin();
        double top = (scroll.getVvalue() - scroll.getVmin()) / range * overflow;
        double viewport = scroll.getViewportBounds().getHeight();
        double newTop = top;
        if (shown.getMaxY() > top + viewport) {
            newTop = shown.getMaxY() - viewport;
        }
        if (shown.getMinY() < newTop) {
            newTop = shown.getMinY();
        }
        scroll.setVvalue(scroll.getVmin() + Math.max(0, Math.min(overflow, newTop)) / overflow * range);
    }

    /** A row per field both changed: "Status:  ( ) Theirs: Pending  (•) Mine: Ready"; long values wrap. */
    private void showClashes() {
        clashGrid.getChildren().clear();
        int row = 0;
        for (EditConflict.Clash clash : viewModel.clashes()) {
            Label field = new Label(clash.field().label() + ":");
            field.getStyleClass().add("clash-field");
            ToggleGroup choice = new ToggleGroup();
            RadioButton theirs = clashOption("Theirs: " + clash.theirs(), choice);
            RadioButton mine = clashOption("Mine: " + clash.mine(), choice);
            theirs.setId("theirs-" + clash.field().name());
            mine.setId("mine-" + clash.field().name());
            choice.selectToggle(viewModel.takesTheirs(clash.field()) ? theirs : mine);
            choice.selectedToggleProperty().addListener((obs, was, now) -> {
                if (now != null) {
                    viewModel.takeTheirs(clash.field(), now == theirs);
                }
            });
            GridPane.setValignment(field, VPos.TOP);
            clashGrid.addRow(row++, field, theirs, mine);
        }
        clashGrid.setVisible(!viewModel.clashes().isEmpty());
        clashGrid.setManaged(clashGrid.isVisible());
    }

    private static RadioButton clashOption(String text, ToggleGroup group) {
        RadioButton option = new RadioButton(text);
        option.setToggleGroup(group);
        option.setWrapText(true);
        option.setMaxWidth(Double.MAX_VALUE);
        option.setMinHeight(Region.USE_PREF_SIZE);
        return option;
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }

    @FXML
    private void applyAnyway() {
        viewModel.applyAnyway();
    }

    @FXML
    private void apply() {
        viewModel.apply();
    }

    @FXML
    private void revert() {
        viewModel.revert();
    }

    private void showOverLimit(boolean over) {
        if (over) {
            if (!messageCounter.getStyleClass().contains(OVER_LIMIT_CLASS)) {
                messageCounter.getStyleClass().add(OVER_LIMIT_CLASS);
            }
        } else {
            messageCounter.getStyleClass().remove(OVER_LIMIT_CLASS);
        }
        messageArea.pseudoClassStateChanged(INVALID, over);
    }

    private static void bindProblem(Label label, javafx.beans.value.ObservableStringValue problem) {
        label.textProperty().bind(problem);
        label.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(problem));
        label.managedProperty().bind(label.visibleProperty());
    }

    /** Space opens the closed drop-down, as it does in other applications' lists. */
    private static void spaceOpensList(KeyEvent event) {
        ComboBox<?> combo = (ComboBox<?>) event.getSource();
        if (event.getCode() == KeyCode.SPACE && !combo.isShowing() && !event.isShortcutDown() && !event.isAltDown()) {
            event.consume();
            combo.show();
        }
    }

    /** Tab moves on to the next field instead of typing a tab character (Ctrl+Tab still works too). */
    private static void tabLeavesTextArea(KeyEvent event) {
        if (event.getCode() != KeyCode.TAB || event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
            return;
        }
        event.consume();
        TextArea area = (TextArea) event.getSource();
        area.fireEvent(new KeyEvent(event.getSource(), event.getTarget(), event.getEventType(),
                event.getCharacter(), event.getText(), event.getCode(),
                event.isShiftDown(), true, false, false));
    }

    /**
     * A status in the drop-down: coloured icon and name. Statuses the server would refuse are
     * shown greyed out with the reason as tooltip and can't be picked with the mouse. The button
     * cell (the closed drop-down) always shows its status plainly; a refused choice is flagged by
     * the field's problem text instead.
     */
    static final class StatusChoiceCell extends ListCell<DeploymentStatus> {
        private final StatusEditorViewModel viewModel;
        private final boolean buttonCell;
        private final FontIcon icon = StatusStyle.iconNode(DeploymentStatus.UNKNOWN);
        private final Tooltip tooltip = new Tooltip();
        private final InvalidationListener choicesChanged = obs -> refreshChoice();

        StatusChoiceCell(StatusEditorViewModel viewModel, boolean buttonCell) {
            this.viewModel = viewModel;
            this.buttonCell = buttonCell;
            getStyleClass().add("status-choice-cell");
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(320);
            viewModel.checks().choices().addListener(new WeakInvalidationListener(choicesChanged));
            addEventFilter(MouseEvent.MOUSE_PRESSED, this::blockRefused);
            addEventFilter(MouseEvent.MOUSE_RELEASED, this::blockRefused);
            addEventFilter(MouseEvent.MOUSE_CLICKED, this::blockRefused);
        }

        @Override
        protected void updateItem(DeploymentStatus item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                pseudoClassStateChanged(REFUSED, false);
                return;
            }
            setText(StatusStyle.displayName(item));
            icon.setIconCode(StatusStyle.icon(item));
            StatusStyle.applyStatusClass(icon, item);
            setGraphic(icon);
            refreshChoice();
        }

        /** Whether this drop-down entry is one the server would refuse. */
        boolean isRefused() {
            return !buttonCell && getItem() != null && !viewModel.checks().choiceFor(getItem()).allowed();
        }

        private void refreshChoice() {
            DeploymentStatus item = getItem();
            if (item == null || isEmpty()) {
                return;
            }
            StatusChoice choice = viewModel.checks().choiceFor(item);
            boolean refused = !buttonCell && !choice.allowed();
            pseudoClassStateChanged(REFUSED, refused);
            tooltip.setText(refused ? choice.reason() : StatusStyle.description(item));
            setTooltip(tooltip);
            setAccessibleHelp(refused ? choice.reason() : null);
        }

        private void blockRefused(MouseEvent event) {
            if (isRefused()) {
                event.consume();
            }
        }
    }
}
