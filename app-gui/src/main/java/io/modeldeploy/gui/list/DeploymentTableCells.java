package io.modeldeploy.gui.list;

import io.modeldeploy.gui.session.AttentionRule.Attention;
import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.util.TimeDependentCells;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.ModelDeployment;
import javafx.beans.value.ObservableObjectValue;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Cells of the deployment table. Each cell builds its nodes once and only updates them, so
 * scrolling through 10,000 rows creates no garbage nodes.
 */
final class DeploymentTableCells {

    private static final javafx.util.Duration TOOLTIP_DELAY = javafx.util.Duration.millis(400);

    private DeploymentTableCells() {
    }

    private static Tooltip tooltip() {
        Tooltip tooltip = new Tooltip();
        tooltip.setShowDelay(TOOLTIP_DELAY);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
        return tooltip;
    }

    /**
     * The status as a coloured pill with icon and text ("Pending (stuck)" when it has been in it
     * longer than the server's limit), before it a warning sign when the row needs attention (the
     * reason on hover: "Pending for 47 min, limit 30 min"), and beside it the worst problem of an
     * older version ("v1 Error"). The cell's value is the whole row, so that a reused cell always
     * describes the row it shows; so do its tooltips.
     */
    static final class StatusCell extends TableCell<DeploymentRow, DeploymentRow>
            implements TimeDependentCells.Redrawable {
        private final Label attentionMarker = new Label();
        private final Tooltip attentionTooltip = tooltip();
        private final Label badge = new Label();
        private final Label olderProblem = new Label();
        private final HBox box = new HBox(4, attentionMarker, badge, olderProblem);
        private final Tooltip tooltip = tooltip();
        private final Supplier<Instant> now;

        StatusCell(Supplier<Instant> now, TimeDependentCells timeDependent) {
            this.now = now;
            timeDependent.add(this);
            getStyleClass().add("status-cell");
            attentionMarker.getStyleClass().add("attention-marker");
            attentionMarker.setGraphic(StatusStyle.attentionIcon());
            attentionMarker.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            attentionMarker.setMinWidth(Region.USE_PREF_SIZE);
            attentionMarker.setTooltip(attentionTooltip);
            // Over the sign its own tooltip shows: the cell's would take over if the move reached the cell.
            attentionMarker.addEventHandler(MouseEvent.MOUSE_MOVED, MouseEvent::consume);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            box.setAlignment(Pos.CENTER_LEFT);
            // Set once and hidden when empty: a graphic set anew is styled anew, every node of it, and the
            // table empties and refills its cells at every change of the list.
            setGraphic(box);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            olderProblem.getStyleClass().addAll(StatusStyle.BADGE_CLASS, "older-problem");
            olderProblem.setMinWidth(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(DeploymentRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                box.setVisible(false);
                setTooltip(null);
                setAccessibleText(null);
                return;
            }
            box.setVisible(true);
            Attention attention = row.attention();
            String reason = attention == null ? null : AttentionText.reason(attention, now.get());
            attentionMarker.setVisible(attention != null);
            attentionMarker.setManaged(attention != null);
            if (attention != null) {
                StatusStyle.applyAttentionClass(attentionMarker.getGraphic(), attention.reason());
                attentionTooltip.setText(reason);
                attentionMarker.setAccessibleText("Needs attention: " + reason);
            }
            StatusStyle.applyBadge(badge, row.status());
            boolean stuck = row.severity() == Severity.STUCK;
            if (stuck) {
                badge.setText(StatusStyle.displayName(row.status()) + " (stuck)");
            }
            ModelDeployment older = row.olderProblem();
            olderProblem.setVisible(older != null);
            olderProblem.setManaged(older != null);
            if (older != null) {
                StatusStyle.applyStatusClass(olderProblem, older.status());
                olderProblem.setText(olderProblemText(row));
            }
            tooltip.setText(describe(row, reason));
            setTooltip(tooltip);
            setAccessibleText((reason != null ? "Needs attention: " + reason + "; " : "") + badge.getText()
                    + (older != null ? "; " + olderProblemText(row) : ""));
        }

        @Override
        public void redraw() {
            updateItem(getItem(), isEmpty());
        }

        /** "v1 Error", "v1 Pending (stuck)". */
        private static String olderProblemText(DeploymentRow row) {
            ModelDeployment older = row.olderProblem();
            return "v" + older.entityVersion() + " " + StatusStyle.displayName(older.status())
                    + (row.olderProblemSeverity() == Severity.STUCK ? " (stuck)" : "");
        }

        /** What the row's state means, since when, why it needs attention, and which older version has a problem. */
        static String describe(DeploymentRow row, String attentionReason) {
            StringBuilder text = new StringBuilder(row.key()).append(" v").append(row.version()).append(": ")
                    .append(StatusStyle.displayName(row.status()));
            if (row.statusSince() != null) {
                text.append(" since ").append(TimeFormat.exactWithRelative(row.statusSince()));
            }
            text.append("\n").append(StatusStyle.description(row.status()));
            if (attentionReason != null) {
                text.append("\nNeeds attention: ").append(attentionReason).append('.');
            }
            ModelDeployment older = row.olderProblem();
            if (older != null) {
                text.append("\nVersion ").append(older.entityVersion()).append(" is ")
                        .append(StatusStyle.displayName(older.status()));
                if (row.olderProblemSeverity() == Severity.STUCK) {
                    text.append(" (stuck)");
                }
                if (older.updatedAt() != null) {
                    text.append(" since ").append(TimeFormat.exactWithRelative(older.updatedAt()));
                }
                if (older.statusMessage() != null && !older.statusMessage().isBlank()) {
                    text.append(": ").append(older.statusMessage());
                }
            }
            return text.toString();
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

    /** How long the latest version has been in its status ("47 min"), with since when as tooltip. */
    static final class InStateCell extends TableCell<DeploymentRow, DeploymentRow>
            implements TimeDependentCells.Redrawable {
        private final Tooltip tooltip = tooltip();
        private final Supplier<Instant> now;

        InStateCell(Supplier<Instant> now, TimeDependentCells timeDependent) {
            this.now = now;
            timeDependent.add(this);
            getStyleClass().add("in-state-cell");
        }

        @Override
        protected void updateItem(DeploymentRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || row.statusSince() == null) {
                setText(empty ? null : TimeFormat.NONE);
                setTooltip(null);
                return;
            }
            setText(TimeFormat.elapsed(Duration.between(row.statusSince(), now.get())));
            tooltip.setText(StatusStyle.displayName(row.status()) + " since " + TimeFormat.exact(row.statusSince()));
            setTooltip(tooltip);
        }

        @Override
        public void redraw() {
            updateItem(getItem(), isEmpty());
        }
    }

    /** "3 min ago" ("as of 10:05" instead of "just now" while the data is stale), with the exact local time as tooltip. */
    static final class UpdatedCell extends TableCell<DeploymentRow, Instant>
            implements TimeDependentCells.Redrawable {
        private final Tooltip tooltip = tooltip();
        private final ObservableObjectValue<Instant> staleAsOf;

        UpdatedCell(ObservableObjectValue<Instant> staleAsOf, TimeDependentCells timeDependent) {
            this.staleAsOf = staleAsOf;
            timeDependent.add(this);
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

        @Override
        public void redraw() {
            updateItem(getItem(), isEmpty());
        }
    }
}
