package io.modeldeploy.gui.list;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.util.Duration;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Flashes the rows changed by someone else: pseudo-class {@code :changed}, fading out through
 * {@code :fade-1} to {@code :fade-4} over {@link DeploymentListViewModel#HIGHLIGHT_DURATION}, and
 * {@code :outside-filter} on the selected row kept although it no longer matches the filters. It
 * animates only while a row is highlighted and the table is in a scene.
 */
final class RowHighlighter {

    /** A row changed by someone else, while it flashes. */
    static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    /** The selected row, kept although it no longer matches the filters. */
    static final PseudoClass OUTSIDE_FILTER = PseudoClass.getPseudoClass("outside-filter");
    private static final PseudoClass[] FADE = {
            PseudoClass.getPseudoClass("fade-1"), PseudoClass.getPseudoClass("fade-2"),
            PseudoClass.getPseudoClass("fade-3"), PseudoClass.getPseudoClass("fade-4")};
    /** Share of the highlight spent at full strength before fading. */
    private static final double HOLD = 0.35;
    private static final Duration FRAME = Duration.millis(60);

    private final DeploymentListViewModel viewModel;
    /** Rows the table created; weak, because the table drops and recreates rows (e.g. on refresh()). */
    private final Set<LiveRow> liveRows = Collections.newSetFromMap(new WeakHashMap<>());
    private final Timeline ticker = new Timeline(new KeyFrame(FRAME, e -> tick()));

    RowHighlighter(DeploymentListViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Gives the table rows that show their highlight; animates while {@code table} is in a scene. */
    void install(TableView<DeploymentRow> table) {
        table.setRowFactory(t -> {
            LiveRow row = new LiveRow();
            liveRows.add(row);
            return row;
        });
        ticker.setCycleCount(Timeline.INDEFINITE);
        viewModel.highlights().addListener((MapChangeListener<String, Instant>) change -> {
            if (!viewModel.highlights().isEmpty() && table.getScene() != null
                    && ticker.getStatus() != Animation.Status.RUNNING) {
                ticker.play();
            }
            updateLiveRows();
        });
        table.sceneProperty().addListener((obs, old, now) -> sceneChanged(now));
    }

    private void sceneChanged(Scene now) {
        if (now == null) {
            ticker.stop();
        } else if (!viewModel.highlights().isEmpty()) {
            ticker.play();
        }
    }

    private void tick() {
        viewModel.pruneHighlights();
        updateLiveRows();
        if (viewModel.highlights().isEmpty()) {
            ticker.stop();
        }
    }

    private void updateLiveRows() {
        for (LiveRow row : List.copyOf(liveRows)) {
            row.updateLiveState();
        }
    }

    /** A table row that shows whether its deployment was just changed elsewhere. */
    private final class LiveRow extends TableRow<DeploymentRow> {

        @Override
        protected void updateItem(DeploymentRow item, boolean empty) {
            super.updateItem(item, empty);
            updateLiveState();
        }

        void updateLiveState() {
            DeploymentRow item = getItem();
            Optional<java.time.Duration> age = item == null || isEmpty() ? Optional.empty()
                    : viewModel.highlightAge(item.key());
            int step = age.map(RowHighlighter::fadeStep).orElse(-1);
            pseudoClassStateChanged(CHANGED, step >= 0);
            for (int i = 0; i < FADE.length; i++) {
                pseudoClassStateChanged(FADE[i], step == i + 1);
            }
            pseudoClassStateChanged(OUTSIDE_FILTER, item != null && !isEmpty() && viewModel.isKeptOutsideFilter(item));
        }
    }

    /** 0 while the highlight is at full strength, then 1..4 as it fades. */
    static int fadeStep(java.time.Duration age) {
        double share = (double) age.toMillis() / DeploymentListViewModel.HIGHLIGHT_DURATION.toMillis();
        if (share < HOLD) {
            return 0;
        }
        int step = 1 + (int) ((share - HOLD) / (1 - HOLD) * FADE.length);
        return Math.min(FADE.length, step);
    }
}
