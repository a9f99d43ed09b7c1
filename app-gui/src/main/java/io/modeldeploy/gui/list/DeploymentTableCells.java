package io.modeldeploy.gui.list;

import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.DeploymentStatus;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import java.time.Instant;

/**
 * Cells of the deployment table. Each cell builds its nodes once and only updates them, so
 * scrolling through 10,000 rows creates no garbage nodes.
 */
final class DeploymentTableCells {

    private static final Duration TOOLTIP_DELAY = Duration.millis(400);

    private DeploymentTableCells() {
    }

    private static Tooltip tooltip() {
        Tooltip tooltip = new Tooltip();
        tooltip.setShowDelay(TOOLTIP_DELAY);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
        return tooltip;
    }

    /** The status as a coloured pill with icon and text; the tooltip explains the status. */
    static final class StatusCell extends TableCell<DeploymentRow, DeploymentStatus> {
        private final Label badge = new Label();
        private final Tooltip tooltip = tooltip();

        StatusCell() {
            getStyleClass().add("status-cell");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(DeploymentStatus status, boolean empty) {
            super.updateItem(status, empty);
            if (empty || status == null) {
                setGraphic(null);
                setTooltip(null);
                setAccessibleText(null);
                return;
            }
            StatusStyle.applyBadge(badge, status);
            tooltip.setText(StatusStyle.description(status));
            setGraphic(badge);
            setTooltip(tooltip);
            setAccessibleText(StatusStyle.displayName(status));
        }
    }

    /** Plain text, ellipsized, with the whole text as tooltip when there is any. */
    static final class TextCell extends TableCell<DeploymentRow, String> {
        private final Tooltip tooltip = tooltip();
        private final String emptyText;

        TextCell(String styleClass, String emptyText) {
            this.emptyText = emptyText;
            getStyleClass().add(styleClass);
            setTextOverrun(OverrunStyle.ELLIPSIS);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            if (empty) {
                setText(null);
                setTooltip(null);
                return;
            }
            boolean blank = text == null || text.isBlank();
            setText(blank ? emptyText : text);
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("blank"), blank);
            if (blank) {
                setTooltip(null);
            } else {
                tooltip.setText(text);
                setTooltip(tooltip);
            }
        }
    }

    /** The version number as "v3". */
    static final class VersionCell extends TableCell<DeploymentRow, Integer> {
        VersionCell() {
            getStyleClass().add("version-cell");
        }

        @Override
        protected void updateItem(Integer version, boolean empty) {
            super.updateItem(version, empty);
            setText(empty || version == null ? null : "v" + version);
        }
    }

    /** "3 min ago" ("as of 10:05" instead of "just now" while the data is stale), with the exact local time as tooltip. */
    static final class UpdatedCell extends TableCell<DeploymentRow, Instant> {
        private final Tooltip tooltip = tooltip();
        private final ObservableObjectValue<Instant> staleAsOf;

        UpdatedCell(ObservableObjectValue<Instant> staleAsOf) {
            this.staleAsOf = staleAsOf;
            getStyleClass().add("updated-cell");
        }

        @Override
        protected void updateItem(Instant time, boolean empty) {
            super.updateItem(time, empty);
            if (empty || time == null) {
                setText(empty ? null : TimeFormat.NONE);
                setTooltip(null);
                return;
            }
            Instant asOf = staleAsOf.get();
            setText(asOf == null ? TimeFormat.relative(time) : TimeFormat.relativeAsOf(time, asOf));
            tooltip.setText("Updated " + TimeFormat.exact(time));
            setTooltip(tooltip);
        }
    }
}
