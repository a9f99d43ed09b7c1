package io.modeldeploy.gui.detail;

import io.modeldeploy.model.StatusHistoryEntry;

import java.util.List;
import java.util.Optional;

/**
 * Arithmetic for loading the entries older than the ones the timeline shows from the full,
 * oldest-first, paginated history endpoint.
 *
 * <p>Entries are numbered by their position in the full history (0 = oldest). History only ever
 * grows at the newest end, so a position never changes once known. If the timeline shows the
 * newest {@code shown} of {@code total} entries, its oldest entry sits at {@code total - shown}
 * and everything before it is older. With pages of {@code pageSize}, the newest older entry
 * ({@code oldest - 1}) lives on page {@code (oldest - 1) / pageSize + 1}; of that page, the first
 * {@code oldest - start} entries are the ones still missing, the rest are already shown.
 */
public final class HistoryPaging {

    /** What to fetch next: page {@code page} of size {@code pageSize}, of which the first {@code take} entries are new. */
    public record PagePlan(int page, int pageSize, int take) {

        /** Position in the full history of the first entry of this page. */
        public long start() {
            return (long) (page - 1) * pageSize;
        }
    }

    private HistoryPaging() {
    }

    /** Position of the oldest shown entry when the newest {@code shown} of {@code total} entries are shown. */
    public static long oldestShownPosition(long total, int shown) {
        if (total < 0 || shown < 0) {
            throw new IllegalArgumentException("total and shown must not be negative");
        }
        return Math.max(0, total - shown);
    }

    /** The page holding the entries just older than position {@code oldestShown}; empty when nothing is older. */
    public static Optional<PagePlan> planOlder(long oldestShown, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        if (oldestShown <= 0) {
            return Optional.empty();
        }
        long newestOlder = oldestShown - 1;
        long page = newestOlder / pageSize + 1;
        if (page > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("history too long to page with size " + pageSize);
        }
        long start = (page - 1) * pageSize;
        return Optional.of(new PagePlan((int) page, pageSize, (int) (oldestShown - start)));
    }

    /**
     * Checks a fetched page against the oldest entry the timeline already shows ({@code anchor})
     * and returns how many of its leading entries are older than the anchor, or -1 when the page
     * doesn't line up with what is shown (the history grew since the shown entries were read, so
     * the guessed position was wrong).
     *
     * <ul>
     *   <li>If the anchor is on the page (where expected or, when the history grew, earlier), the
     *       entries before it are the older ones.</li>
     *   <li>If the page ends right before the expected position, it must be complete and its last
     *       entry must not be newer than the anchor.</li>
     * </ul>
     */
    public static int alignedTake(List<StatusHistoryEntry> page, PagePlan plan, StatusHistoryEntry anchor) {
        int take = plan.take();
        if (anchor == null) {
            return page.size() >= take ? take : -1;
        }
        if (take < page.size() && anchor.equals(page.get(take))) {
            return take;
        }
        int found = page.lastIndexOf(anchor);
        if (found >= 0) {
            // The history grew after the shown entries were read: the anchor sits earlier than guessed.
            return found;
        }
        if (take < page.size() || page.isEmpty() || page.size() < take) {
            return -1;
        }
        StatusHistoryEntry last = page.get(page.size() - 1);
        if (last.timestamp() != null && anchor.timestamp() != null && last.timestamp().isAfter(anchor.timestamp())) {
            return -1;
        }
        return take;
    }
}
