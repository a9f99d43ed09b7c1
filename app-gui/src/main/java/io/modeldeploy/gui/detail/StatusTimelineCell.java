package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.util.TimeDependentCells;
import io.modeldeploy.model.ChangeSource;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * One row of the status timeline: a rail with the coloured dot, then status, source tag and
 * relative time, the message, wrapped and whole, and the exact time, duration and actor, each kept
 * whole (they move to the next line rather than being cut). Nodes are created once per cell and
 * reused while scrolling.
 */
final class StatusTimelineCell extends ListCell<TimelineItem> implements TimeDependentCells.Redrawable {

    private static final PseudoClass ONGOING = PseudoClass.getPseudoClass("ongoing");

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
    private final Label exactTime = new Label();
    private final Label duration = new Label();
    private final Label actor = new Label();
    private final FlowPane meta = new FlowPane(exactTime, duration, actor);
    private final HBox row;

    StatusTimelineCell(StatusTimelineViewModel viewModel, TimeDependentCells timeDependent) {
        this.viewModel = viewModel;
        timeDependent.add(this);
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
        for (Label part : new Label[] {exactTime, duration, actor}) {
            part.getStyleClass().add("timeline-meta");
            part.setMinWidth(Region.USE_PREF_SIZE);
        }
        // An actor longer than the row wraps inside the row instead of running past its end.
        actor.setWrapText(true);
        actor.setMinWidth(0);
        actor.maxWidthProperty().bind(meta.widthProperty());
        actor.getStyleClass().add("timeline-actor");
        meta.getStyleClass().add("timeline-meta-row");

        VBox body = new VBox(head, message, meta);
        body.getStyleClass().add("timeline-body");
        HBox.setHgrow(body, Priority.ALWAYS);
        body.setMinWidth(0);
        row = new HBox(rail, body);
        row.getStyleClass().add("timeline-row");

        // Let the list decide the width so that long messages wrap instead of scrolling sideways.
        setPrefWidth(0);
        setText(null);
        // Set once and hidden when empty: a graphic set anew is styled anew, every node of it.
        setGraphic(row);
    }

    @Override
    protected void updateItem(TimelineItem item, boolean empty) {
        super.updateItem(item, empty);
        boolean shown = !empty && item != null;
        row.setVisible(shown);
        row.setManaged(shown);
        if (!shown) {
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

        exactTime.setText(viewModel.exactTime(item));
        duration.setText(viewModel.durationText(item));
        String who = item.entry().actor();
        boolean hasActor = who != null && !who.isBlank();
        actor.setText(hasActor ? "by " + who : null);
        actor.setVisible(hasActor);
        actor.setManaged(hasActor);
        duration.pseudoClassStateChanged(ONGOING, item.ongoing());

        int index = getIndex();
        int last = getListView() == null ? index : getListView().getItems().size() - 1;
        lineAbove.setVisible(index > 0);
        lineBelow.setVisible(index < last || viewModel.hasOlderProperty().get());
        setAccessibleText(StatusStyle.displayName(item.status()) + ", " + viewModel.relativeTime(item)
                + (hasMessage ? ", " + text : ""));
    }

    @Override
    public void redraw() {
        updateItem(getItem(), isEmpty());
    }

    /** As high as the row needs at the cell's width, so that wrapped messages are never cut. */
    @Override
    protected double computePrefHeight(double width) {
        if (!row.isManaged()) {
            return super.computePrefHeight(width);
        }
        double available = width >= 0 ? width : getWidth();
        Insets in = getInsets();
        double rowWidth = available > 0 ? available - in.getLeft() - in.getRight() : -1;
        return in.getTop() + row.prefHeight(rowWidth) + in.getBottom();
    }
}
