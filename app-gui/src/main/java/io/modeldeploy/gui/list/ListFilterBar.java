package io.modeldeploy.gui.list;

import atlantafx.base.controls.CustomTextField;
import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.model.DeploymentStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.text.NumberFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The filters above the deployment table: the workspace selector with counts, the search field
 * (Esc clears it, then goes to the table; Down and Enter go to the table) and the status chips
 * with their live counts, all bound to the list's view-model.
 */
final class ListFilterBar {

    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");

    private final DeploymentListViewModel viewModel;
    private final NumberFormat numbers = NumberFormat.getIntegerInstance();
    private final Map<DeploymentStatus, ToggleButton> statusChips = new EnumMap<>(DeploymentStatus.class);
    private ToggleButton allChip;

    ListFilterBar(DeploymentListViewModel viewModel) {
        this.viewModel = viewModel;
    }

    void bindWorkspaceSelector(ComboBox<WorkspaceOption> workspaceCombo) {
        workspaceCombo.setItems(viewModel.workspaceOptions());
        workspaceCombo.valueProperty().bindBidirectional(viewModel.workspaceProperty());
        workspaceCombo.setCellFactory(list -> new WorkspaceCell());
        workspaceCombo.setButtonCell(new WorkspaceCell());
        workspaceCombo.setVisibleRowCount(14);
    }

    private final class WorkspaceCell extends ListCell<WorkspaceOption> {
        private final Label name = new Label();
        private final Label count = new Label();
        private final HBox box = new HBox(8);
        private final FontIcon icon = new FontIcon(Material2AL.LAYERS);

        WorkspaceCell() {
            icon.getStyleClass().add("workspace-icon");
            name.setGraphic(icon);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            count.getStyleClass().add("workspace-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(0);
            box.getChildren().addAll(name, spacer, count);
            box.setAlignment(Pos.CENTER_LEFT);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(WorkspaceOption option, boolean empty) {
            super.updateItem(option, empty);
            if (empty || option == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            icon.setIconCode(option.isAll() ? Material2AL.LAYERS : Material2AL.FOLDER_OPEN);
            name.setText(option.label());
            count.setText(numbers.format(option.count()));
            setText(option.label());
            setGraphic(box);
        }
    }

    void bindSearch(CustomTextField searchField, Runnable focusTable) {
        // Every keystroke filters: the view-model matches in the background and drops stale answers.
        searchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        FontIcon searchIcon = new FontIcon(Material2MZ.SEARCH);
        searchIcon.getStyleClass().add("search-icon");
        searchField.setLeft(searchIcon);
        Button clear = new Button(null, new FontIcon(Material2AL.CLEAR));
        clear.getStyleClass().addAll("flat", "search-clear");
        clear.setFocusTraversable(false);
        clear.setCursor(javafx.scene.Cursor.DEFAULT);
        clear.setTooltip(new Tooltip("Clear the search (Esc)"));
        clear.setOnAction(e -> {
            searchField.clear();
            searchField.requestFocus();
        });
        clear.visibleProperty().bind(searchField.textProperty().isNotEmpty());
        searchField.setRight(clear);
        searchField.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                if (searchField.getText().isEmpty()) {
                    focusTable.run();
                } else {
                    searchField.clear();
                }
                event.consume();
            } else if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                focusTable.run();
                event.consume();
            }
        });
    }

    void addChips(FlowPane chipPane, Runnable triage) {
        allChip = chip("chip-all", null, "All", viewModel.countAnyStatusProperty(),
                "Show every status");
        allChip.setOnAction(e -> {
            viewModel.statusFilter().clear();
            viewModel.attentionOnlyProperty().set(false);
            allChip.setSelected(true);
        });
        chipPane.getChildren().add(allChip);
        for (DeploymentStatus status : DeploymentStatus.values()) {
            ToggleButton chip = chip("chip-" + status.name().toLowerCase(java.util.Locale.ROOT),
                    StatusStyle.dot(status), StatusStyle.displayName(status), viewModel.countProperty(status),
                    StatusStyle.description(status) + "\nClick to filter by this status; click more to combine.");
            chip.setOnAction(e -> viewModel.toggleStatus(status, chip.isSelected()));
            statusChips.put(status, chip);
            chipPane.getChildren().add(chip);
        }
        viewModel.statusFilter().addListener((SetChangeListener<DeploymentStatus>) change -> syncChips());
        syncChips();
        chipPane.getChildren().addAll(attentionChip(), triageButton(triage), versionsToggle());
    }

    /**
     * "⚠ Needs attention 3": Error, Lost or stuck, by the latest version or every version as the
     * toggle says; selected, it shows only them. Beside it the way to triage them.
     */
    private ToggleButton attentionChip() {
        ToggleButton chip = chip("chip-attention", StatusStyle.attentionIcon(), "Needs attention",
                viewModel.needingAttentionProperty(), "");
        chip.getStyleClass().add("attention-chip");
        chip.getTooltip().textProperty().bind(Bindings.createStringBinding(
                () -> AttentionText.chipTooltip(viewModel.attentionRuleProperty().get()),
                viewModel.attentionRuleProperty()));
        chip.setSelected(viewModel.attentionOnlyProperty().get());
        chip.setOnAction(e -> viewModel.attentionOnlyProperty().set(chip.isSelected()));
        viewModel.attentionOnlyProperty().addListener((obs, old, now) -> {
            chip.setSelected(now);
            syncChips();
        });
        return chip;
    }

    private Button triageButton(Runnable triage) {
        Button button = new Button("Triage…");
        button.setId("triageButton");
        button.getStyleClass().addAll("flat", "small", "triage-button");
        button.setMnemonicParsing(false);
        button.setTooltip(new Tooltip("Group what needs attention by reason and message (Ctrl+Shift+T)"));
        button.setOnAction(e -> triage.run());
        return button;
    }

    /** "Latest only | All versions": whether the chips count, and filter by, the latest version or any version. */
    private HBox versionsToggle() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton latest = new ToggleButton("Latest only");
        ToggleButton all = new ToggleButton("All versions");
        latest.setId("countLatestOnly");
        all.setId("countAllVersions");
        latest.getStyleClass().addAll("left-pill", "versions-toggle");
        all.getStyleClass().addAll("right-pill", "versions-toggle");
        latest.setTooltip(new Tooltip("The chips count and filter by the latest version of each deployment"));
        all.setTooltip(new Tooltip("The chips count and filter by every version: a deployment with v1 in Error "
                + "and v2 Ready counts under Error and Ready"));
        for (ToggleButton button : List.of(latest, all)) {
            button.setToggleGroup(group);
            button.setMnemonicParsing(false);
        }
        (viewModel.allVersionsProperty().get() ? all : latest).setSelected(true);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the two is always chosen
            } else {
                viewModel.allVersionsProperty().set(now == all);
            }
        });
        viewModel.allVersionsProperty().addListener((obs, old, now) -> (now ? all : latest).setSelected(true));
        HBox pair = new HBox(latest, all);
        pair.getStyleClass().add("versions-toggle-box");
        pair.setAlignment(Pos.CENTER_LEFT);
        return pair;
    }

    private ToggleButton chip(String id, Node dot, String text, ReadOnlyIntegerProperty count, String tooltip) {
        Label name = new Label(text);
        name.getStyleClass().add("chip-name");
        Label countLabel = new Label();
        countLabel.getStyleClass().add("chip-count");
        countLabel.textProperty().bind(Bindings.createStringBinding(() -> numbers.format(count.get()), count));
        HBox box = dot == null ? new HBox(5, name, countLabel) : new HBox(5, dot, name, countLabel);
        box.setAlignment(Pos.CENTER_LEFT);
        ToggleButton chip = new ToggleButton(text);
        chip.setId(id);
        chip.getStyleClass().add("status-chip");
        chip.setGraphic(box);
        chip.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        chip.setMnemonicParsing(false);
        chip.setTooltip(new Tooltip(tooltip));
        chip.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> text + ": " + count.get(), count));
        chip.pseudoClassStateChanged(EMPTY, count.get() == 0);
        count.addListener((obs, old, now) -> chip.pseudoClassStateChanged(EMPTY, now.intValue() == 0));
        return chip;
    }

    private void syncChips() {
        statusChips.forEach((status, chip) -> chip.setSelected(viewModel.statusFilter().contains(status)));
        allChip.setSelected(viewModel.statusFilter().isEmpty() && !viewModel.attentionOnlyProperty().get());
    }
}
