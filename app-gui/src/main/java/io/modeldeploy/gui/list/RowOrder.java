package io.modeldeploy.gui.list;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The order of the shown rows: the table's sort order or, while {@linkplain #freeze held}, the
 * order the shown rows had when the hold began, so that a live change replaces a row where it is.
 * Rows that come while held go after the others, in the order they came.
 *
 * <p>The sorted list keeps one {@link #comparator()} of this order; freezing needs no re-sort (the
 * frozen order is the current one), while a new sort order or the end of a hold does: each call of
 * {@link #comparator()} gives a new instance, which makes the sorted list sort again.
 */
final class RowOrder {

    /** A row's position among all rows (not only the shown ones): the order of rows without a rank. */
    private final ToIntFunction<String> sourceIndex;
    private Comparator<DeploymentRow> sortOrder;
    /** Position of each row while held; null otherwise. */
    private Map<String, Integer> ranks;
    private int nextRank;

    RowOrder(ToIntFunction<String> sourceIndex) {
        this.sourceIndex = sourceIndex;
    }

    /** The table's sort order; null keeps the rows in the order they came. */
    void setSortOrder(Comparator<DeploymentRow> order) {
        sortOrder = order;
    }

    Comparator<DeploymentRow> sortOrder() {
        return sortOrder;
    }

    /** A new comparator of this order (the sorted list sorts again when it gets one). */
    Comparator<DeploymentRow> comparator() {
        return new Comparator<>() {
            @Override
            public int compare(DeploymentRow a, DeploymentRow b) {
                return RowOrder.this.compare(a, b);
            }
        };
    }

    /** Holds the rows in {@code shownInOrder}'s order (the order they are shown in now). */
    void freeze(List<DeploymentRow> shownInOrder) {
        ranks = new HashMap<>(shownInOrder.size() * 2);
        for (DeploymentRow row : shownInOrder) {
            ranks.put(row.key(), ranks.size());
        }
        nextRank = ranks.size();
    }

    /** A row that came while held goes last; call before the row is added. */
    void added(String key) {
        if (ranks != null && !ranks.containsKey(key)) {
            ranks.put(key, nextRank++);
        }
    }

    boolean isFrozen() {
        return ranks != null;
    }

    /** Back to the sort order: the sorted list must get a new {@link #comparator()}. */
    void release() {
        ranks = null;
    }

    private int compare(DeploymentRow a, DeploymentRow b) {
        if (ranks != null) {
            Integer rankA = ranks.get(a.key());
            Integer rankB = ranks.get(b.key());
            if (rankA != null || rankB != null) {
                return rankA == null ? 1 : rankB == null ? -1 : Integer.compare(rankA, rankB);
            }
        } else if (sortOrder != null) {
            int result = sortOrder.compare(a, b);
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(sourceIndex.applyAsInt(a.key()), sourceIndex.applyAsInt(b.key()));
    }
}
