package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.style.StatusStyle;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar split into one segment per {@link StatusShare}, each as wide as its share
 * (segments never get thinner than a few pixels, so that short states stay visible and hoverable).
 * Colours come from CSS: {@code .status-strip-segment.status-*} and {@code .status-strip-segment.not-loaded}.
 */
final class StatusStripBar extends Region {

    static final String SEGMENT_CLASS = "status-strip-segment";
    static final String NOT_LOADED_CLASS = "not-loaded";
    private static final double MIN_SEGMENT_WIDTH = 4;
    private static final double CORNER = 6;

    private final Rectangle clip = new Rectangle();
    private final List<Double> fractions = new ArrayList<>();

    StatusStripBar() {
        getStyleClass().add("status-strip");
        clip.setArcWidth(CORNER);
        clip.setArcHeight(CORNER);
        setClip(clip);
    }

    void setShares(List<StatusShare> shares) {
        List<Node> segments = new ArrayList<>(shares.size());
        fractions.clear();
        for (StatusShare share : shares) {
            Region segment = new Region();
            segment.getStyleClass().add(SEGMENT_CLASS);
            if (share.notLoaded()) {
                segment.getStyleClass().add(NOT_LOADED_CLASS);
            } else {
                StatusStyle.applyStatusClass(segment, share.status());
            }
            Tooltip tooltip = new Tooltip(StatusTimelineViewModel.shareText(share));
            tooltip.setShowDelay(javafx.util.Duration.millis(150));
            Tooltip.install(segment, tooltip);
            segment.getProperties().put(StatusShare.class, share);
            segments.add(segment);
            fractions.add(share.fraction());
        }
        getChildren().setAll(segments);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        return in.getTop() + 10 + in.getBottom();
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + 200 + in.getRight();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x0 = in.getLeft();
        double y = in.getTop();
        double width = Math.max(0, getWidth() - in.getLeft() - in.getRight());
        double height = Math.max(0, getHeight() - in.getTop() - in.getBottom());
        clip.setX(x0);
        clip.setY(y);
        clip.setWidth(width);
        clip.setHeight(height);
        double[] widths = segmentWidths(fractions, width);
        double x = x0;
        for (int i = 0; i < widths.length; i++) {
            double left = snapPositionX(x);
            double right = i == widths.length - 1 ? x0 + width : snapPositionX(x + widths[i]);
            getChildren().get(i).resizeRelocate(left, y, Math.max(0, right - left), height);
            x += widths[i];
        }
    }

    /** Widths proportional to {@code fractions} within {@code total}, each at least a few pixels when there is room. */
    static double[] segmentWidths(List<Double> fractions, double total) {
        int n = fractions.size();
        double[] widths = new double[n];
        if (n == 0 || total <= 0) {
            return widths;
        }
        double min = Math.min(MIN_SEGMENT_WIDTH, total / n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            widths[i] = Math.max(min, fractions.get(i) * total);
            sum += widths[i];
        }
        double excess = sum - total;
        if (excess > 0) {
            double shrinkable = 0;
            for (double w : widths) {
                shrinkable += w - min;
            }
            for (int i = 0; i < n && shrinkable > 0; i++) {
                widths[i] -= excess * (widths[i] - min) / shrinkable;
            }
        }
        return widths;
    }
}
