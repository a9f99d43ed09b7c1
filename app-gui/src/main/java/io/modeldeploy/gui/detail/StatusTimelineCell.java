package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.model.ChangeSource;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * One row of the status timeline: a rail with the coloured dot, then status, source tag and
 * relative time, the message, and the exact time, duration and actor. Nodes are created once per
 * cell and reused while scrolling.
 */
final class StatusTimelineCell extends ListCell<TimelineItem> {

    private final StatusTimelineViewModel viewModel;

    private final Region lineAbove = new Region();
    private final Region dot = StatusStyle.dot(null);
    private final Region lineBelow = new Region();
    private final Label status = new Label();
    private final Label source = new Label();
    private final FontIcon sourceIcon = new FontIcon();
    private final Label relative = new Label();
    private final Tooltip exactTooltip = new Tooltip();
    private final Tooltip sourceTooltip = new Tooltip();
    private final Label message = new Label();
    private final Label meta = new Label();
    private final HBox row;

    StatusTimelineCell(StatusTimelineViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("timeline-cell");

        lineAbove.getStyleClass().add("timeline-line");
        lineBelow.getStyleClass().add("timeline-line");
        dot.getStyleClass().add("timeline-dot");
        VBox.setVgrow(lineBelow, Priority.ALWAYS);
        VBox rail = new VBox(lineAbove, dot, lineBelow);
        rail.getStyleClass().add("timeline-rail");
        rail.setAlignment(Pos.TOP_CENTER);
        rail.setMinWidth(Region.USE_PREF_SIZE);

        status.getStyleClass().add("timeline-status");
        source.getStyleClass().add("source-tag");
        source.setGraphic(sourceIcon);
        source.setMinWidth(Region.USE_PREF_SIZE);
        relative.getStyleClass().add("timeline-relative");
        relative.setMinWidth(Region.USE_PREF_SIZE);
        relative.setTooltip(exactTooltip);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(status, source, spacer, relative);
        head.getStyleClass().add("timeline-head");
        head.setAlignment(Pos.CENTER_LEFT);

        message.getStyleClass().add("timeline-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        meta.getStyleClass().add("timeline-meta");
        meta.setWrapText(true);
        meta.setMaxWidth(Double.MAX_VALUE);

        VBox body = new VBox(head, message, meta);
        body.getStyleClass().add("timeline-body");
        HBox.setHgrow(body, Priority.ALWAYS);
        body.setMinWidth(0);
        row = new HBox(rail, body);
        row.getStyleClass().add("timeline-row");

        // Let the list decide the width so that long messages wrap instead of scrolling sideways.
        setPrefWidth(0);
        setText(null);
    }

    @Override
    protected void updateItem(TimelineItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        StatusStyle.applyStatusClass(dot, item.status());
        StatusStyle.applyStatusClass(status, item.status());
        status.setText(StatusStyle.displayName(item.status()));

        ChangeSource changeSource = item.entry().source();
        if (changeSource == null) {
            source.setVisible(false);
            source.setManaged(false);
        } else {
            source.setVisible(true);
            source.setManaged(true);
            boolean gui = changeSource == ChangeSource.GUI;
            source.setText(changeSource.wireName());
            sourceIcon.setIconCode(gui ? Material2AL.DESKTOP_WINDOWS : Material2AL.API);
            source.getStyleClass().removeAll("source-gui", "source-api");
            source.getStyleClass().add(gui ? "source-gui" : "source-api");
            sourceTooltip.setText(gui ? "Changed in the console" : "Changed through the API");
            source.setTooltip(sourceTooltip);
        }

        relative.setText(viewModel.relativeTime(item));
        exactTooltip.setText(viewModel.exactTime(item));

        String text = item.entry().statusMessage();
        boolean hasMessage = text != null && !text.isBlank();
        message.setText(hasMessage ? text : null);
        message.setVisible(hasMessage);
        message.setManaged(hasMessage);

        StringBuilder details = new StringBuilder(viewModel.exactTime(item))
                .append("  ·  ").append(viewModel.durationText(item));
        String actor = item.entry().actor();
        if (actor != null && !actor.isBlank()) {
            details.append("  ·  by ").append(actor);
        }
        meta.setText(details.toString());
        meta.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("ongoing"), item.ongoing());

        int index = getIndex();
        int last = getListView() == null ? index : getListView().getItems().size() - 1;
        lineAbove.setVisible(index > 0);
        lineBelow.setVisible(index < last || viewModel.hasOlderProperty().get());
        setGraphic(row);
        setAccessibleText(StatusStyle.displayName(item.status()) + ", " + viewModel.relativeTime(item)
                + (hasMessage ? ", " + text : ""));
    }
}
