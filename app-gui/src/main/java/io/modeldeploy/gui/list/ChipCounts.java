package io.modeldeploy.gui.list;

import io.modeldeploy.model.DeploymentStatus;

import java.util.Arrays;

/**
 * The counts above the table for the rows matching the workspace and search of a filter: rows per
 * status (the chips), all of them, and those needing attention (Error, Lost, stuck). By the latest
 * version of each deployment, or with {@link DeploymentFilter#allVersions()} by every version: a
 * row counts under each status one of its versions is in, and needs attention if any version does.
 */
final class ChipCounts {

    private final int[] byStatus = new int[DeploymentStatus.values().length];
    private int any;
    private int needingAttention;

    /** Counts {@code row} ({@code delta} 1) or stops counting it ({@code delta} -1). */
    void add(DeploymentFilter filter, DeploymentRow row, int delta) {
        if (filter.allVersions()) {
            for (DeploymentStatus status : row.everyStatus()) {
                byStatus[status.ordinal()] += delta;
            }
        } else {
            byStatus[row.status().ordinal()] += delta;
        }
        any += delta;
        if (row.needsAttention(filter.allVersions())) {
            needingAttention += delta;
        }
    }

    void clear() {
        Arrays.fill(byStatus, 0);
        any = 0;
        needingAttention = 0;
    }

    void copyFrom(ChipCounts other) {
        System.arraycopy(other.byStatus, 0, byStatus, 0, byStatus.length);
        any = other.any;
        needingAttention = other.needingAttention;
    }

    int of(DeploymentStatus status) {
        return byStatus[status.ordinal()];
    }

    int any() {
        return any;
    }

    int needingAttention() {
        return needingAttention;
    }
}
