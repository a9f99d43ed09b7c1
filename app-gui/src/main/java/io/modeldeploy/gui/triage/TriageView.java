package io.modeldeploy.gui.triage;

import io.modeldeploy.gui.list.AttentionText;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.util.TimeFormat;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * View ▸ Triage (or "Triage…" beside the "Needs attention" chip): a window that stays open beside
 * the list, showing {@link TriageViewModel}'s groups (reason, count, message shape, workspaces, first
 * seen) and the deployments of the chosen one. Choosing a group selects its deployments in the list.
 */
public final class TriageView extends Dialog<Void> {

    private final TriageViewModel viewModel;

    @FXML
    private Label summaryLabel;
    @FXML
    private Button selectAgainButton;
    @FXML
    private ListView<TriageGroup> groupList;
    @FXML
    private Label membersTitle;
    @FXML
    private ListView<DeploymentRow> memberList;

    public TriageView(Window owner, ThemeManager themes, TriageViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        FXMLLoader loader = new FXMLLoader(TriageView.class.getResource("TriageView.fxml"));
        DialogPane pane = new DialogPane();
        loader.setRoot(pane);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load TriageView.fxml", e);
        }
        setDialogPane(pane);
        pane.setPrefWidth(820);
        pane.setMinWidth(560);
        setTitle("Triage: needs attention");
        if (owner != null) {
            initOwner(owner);
        }
        initModality(Modality.NONE);
        setResizable(true);
        if (themes != null) {
            themes.style(pane);
        }
    }

    @FXML
    private void initialize() {
        groupList.setId("triageGroups");
        memberList.setId("triageMembers");
        summaryLabel.setId("triageSummary");
        selectAgainButton.setId("triageSelectAgain");
        groupList.setItems(viewModel.groups());
        groupList.setCellFactory(list -> new GroupCell());
        groupList.setPlaceholder(new Label("Nothing needs attention."));
        memberList.setCellFactory(list -> new MemberCell());
        memberList.setPlaceholder(new Label("Choose a group."));
        summaryLabel.textProperty().bind(Bindings.createStringBinding(() -> summary(),
                viewModel.groups(), viewModel.totalProperty()));

        // The list's selection follows the view-model's (kept across regrouping), and back.
        groupList.getSelectionModel().selectedItemProperty().addListener((obs, old, group) -> {
            if (group != null) {
                viewModel.selectedProperty().set(group);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, group) -> showGroup(group));
        viewModel.groups().addListener((ListChangeListener<TriageGroup>) change -> showGroup(viewModel.selectedProperty().get()));
        selectAgainButton.disableProperty().bind(viewModel.selectedProperty().isNull());
        showGroup(viewModel.selectedProperty().get());
    }

    private String summary() {
        int total = viewModel.totalProperty().get();
        int groups = viewModel.groups().size();
        if (total == 0) {
            return "Nothing needs attention now.";
        }
        return total + (total == 1 ? " deployment needs" : " deployments need") + " attention, in " + groups
                + (groups == 1 ? " group." : " groups.");
    }

    private void showGroup(TriageGroup group) {
        if (group != null && groupList.getSelectionModel().getSelectedItem() != group) {
            groupList.getSelectionModel().select(group);
        }
        memberList.setItems(group == null ? FXCollections.observableArrayList()
                : FXCollections.observableArrayList(group.members()));
        membersTitle.setText(group == null ? "" : AttentionText.reasonName(group.reason()) + " \u00d7" + group.count()
                + ": " + (group.example().isBlank() ? "(no message)" : group.example()));
    }

    @FXML
    private void selectAgain() {
        viewModel.selectAgain();
    }

    /** Chooses a group, as a click on it would (for the main window and tests). */
    public void choose(TriageGroup group) {
        groupList.getSelectionModel().select(group);
    }

    /** "⚠ Stuck ×6 · Pending for # min…", its message shape, "team-a, team-b · first seen 10:05 (47 min ago)". */
    /** The warning sign, the gaps and the scroll bar beside a group's wrapped text. */
    private static final double WRAP_ROOM = 64;

    private final class GroupCell extends ListCell<TriageGroup> {
        private final FontIcon icon = StatusStyle.attentionIcon();
        private final Label title = new Label();
        private final Label pattern = new Label();
        private final Label meta = new Label();
        private final VBox text = new VBox(2, title, pattern, meta);
        private final HBox box = new HBox(8, icon, text);

        GroupCell() {
            getStyleClass().add("triage-group-cell");
            title.getStyleClass().add("triage-group-title");
            pattern.getStyleClass().add("triage-group-pattern");
            pattern.setWrapText(true);
            meta.getStyleClass().add("triage-group-meta");
            box.setAlignment(Pos.TOP_LEFT);
            meta.setWrapText(true);
            // As wide as the list (less the sign and the scroll bar), not as the longest message: long ones wrap.
            for (Label wrapped : List.of(pattern, meta)) {
                wrapped.maxWidthProperty().bind(groupList.widthProperty().subtract(WRAP_ROOM));
                wrapped.setMinHeight(Region.USE_PREF_SIZE);
            }
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TriageGroup group, boolean empty) {
            super.updateItem(group, empty);
            if (empty || group == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            StatusStyle.applyAttentionClass(icon, group.reason());
            title.setText(AttentionText.reasonName(group.reason()) + " \u00d7" + group.count());
            pattern.setText(group.pattern().isEmpty() ? "(no message)" : group.pattern());
            String ago = group.firstSeen() == null ? ""
                    : " (" + TimeFormat.elapsed(Duration.between(group.firstSeen(), viewModel.now())) + " ago)";
            meta.setText(String.join(", ", group.workspaces()) + " \u00b7 first seen "
                    + TimeFormat.minutesOrDate(group.firstSeen()) + ago);
            setText(title.getText() + " " + pattern.getText());
            setGraphic(box);
        }
    }

    /** "team-a/llama v2 — Pending for 47 min, limit 30 min". */
    private final class MemberCell extends ListCell<DeploymentRow> {
        @Override
        protected void updateItem(DeploymentRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || row.attention() == null) {
                setText(null);
                return;
            }
            setText(row.key() + " v" + row.version() + " \u2014 " + AttentionText.reason(row.attention(), viewModel.now()));
        }
    }
}
