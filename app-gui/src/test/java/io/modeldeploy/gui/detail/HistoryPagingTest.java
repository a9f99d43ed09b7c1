package io.modeldeploy.gui.detail;

import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.StatusHistoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryPagingTest {

    /** The full history: entry i happened at second i. */
    private static List<StatusHistoryEntry> history(int size) {
        return IntStream.range(0, size)
                .mapToObj(i -> new StatusHistoryEntry(Instant.ofEpochSecond(1_000 + i),
                        i % 2 == 0 ? DeploymentStatus.READY : DeploymentStatus.PENDING, "entry " + i, "bob",
                        ChangeSource.API))
                .toList();
    }

    private static List<StatusHistoryEntry> page(List<StatusHistoryEntry> all, HistoryPaging.PagePlan plan) {
        int from = (int) Math.min(all.size(), plan.start());
        int to = Math.min(all.size(), from + plan.pageSize());
        return all.subList(from, to);
    }

    @Test
    void theOldestShownEntrySitsAtTotalMinusShown() {
        assertEquals(900, HistoryPaging.oldestShownPosition(1000, 100));
        assertEquals(0, HistoryPaging.oldestShownPosition(100, 100));
        assertEquals(0, HistoryPaging.oldestShownPosition(50, 100));
        assertThrows(IllegalArgumentException.class, () -> HistoryPaging.oldestShownPosition(-1, 0));
    }

    @ParameterizedTest(name = "oldest shown at {0}, pages of {1} -> page {2}, take {3}")
    @CsvSource({
            "900, 200, 5, 100",   // page 5 = entries 800..999; 800..899 are missing
            "800, 200, 4, 200",   // page 4 = 600..799, all missing
            "150, 100, 2, 50",    // page 2 = 100..199; 100..149 missing
            "100, 100, 1, 100",
            "1, 200, 1, 1",
            "201, 200, 2, 1",     // only entry 200 is missing on page 2
    })
    void plansThePageHoldingTheNewestMissingEntry(long oldestShown, int pageSize, int page, int take) {
        HistoryPaging.PagePlan plan = HistoryPaging.planOlder(oldestShown, pageSize).orElseThrow();
        assertEquals(page, plan.page());
        assertEquals(pageSize, plan.pageSize());
        assertEquals(take, plan.take());
        assertEquals(oldestShown, plan.start() + plan.take(), "the taken entries end right before the oldest shown");
    }

    @Test
    void nothingIsPlannedOnceTheOldestEntryIsShown() {
        assertTrue(HistoryPaging.planOlder(0, 100).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> HistoryPaging.planOlder(10, 0));
    }

    @Test
    void followingThePlansFromTheNewestWindowYieldsTheWholeHistoryExactlyOnce() {
        List<StatusHistoryEntry> all = history(1234);
        List<StatusHistoryEntry> shown = new ArrayList<>(all.subList(1234 - 100, 1234));
        long oldest = HistoryPaging.oldestShownPosition(all.size(), shown.size());
        int requests = 0;
        while (true) {
            var plan = HistoryPaging.planOlder(oldest, 200);
            if (plan.isEmpty()) {
                break;
            }
            List<StatusHistoryEntry> data = page(all, plan.get());
            int take = HistoryPaging.alignedTake(data, plan.get(), shown.get(0));
            assertEquals(plan.get().take(), take);
            shown.addAll(0, data.subList(0, take));
            oldest = plan.get().start();
            requests++;
        }
        assertEquals(all, shown);
        assertEquals(6, requests, "1134 missing entries: 134 + 5 full pages of 200");
    }

    @Test
    void anAlignedPageHasTheAnchorRightAfterTheTakenEntries() {
        List<StatusHistoryEntry> all = history(300);
        var plan = HistoryPaging.planOlder(150, 100).orElseThrow();
        assertEquals(50, HistoryPaging.alignedTake(page(all, plan), plan, all.get(150)));
    }

    @Test
    void whenTheHistoryGrewTheAnchorIsFoundEarlierOnThePage() {
        List<StatusHistoryEntry> all = history(300);
        // Shown: the newest 100 as read when there were 290 entries (positions 190..289), but the
        // total is now 300, so the guessed oldest position is 200 instead of 190.
        long guessed = HistoryPaging.oldestShownPosition(300, 100);
        var plan = HistoryPaging.planOlder(guessed, 100).orElseThrow();
        assertEquals(2, plan.page());
        assertEquals(100, plan.take());
        // Page 2 (100..199) holds the real anchor (position 190) at index 90.
        assertEquals(90, HistoryPaging.alignedTake(page(all, plan), plan, all.get(190)));
    }

    @Test
    void aPageThatCannotBeLinedUpIsRejected() {
        List<StatusHistoryEntry> all = history(300);
        var plan = HistoryPaging.planOlder(150, 100).orElseThrow();
        StatusHistoryEntry stranger = new StatusHistoryEntry(Instant.ofEpochSecond(5), DeploymentStatus.LOST, "?",
                "x", ChangeSource.GUI);
        assertEquals(-1, HistoryPaging.alignedTake(page(all, plan), plan, stranger));
    }

    @Test
    void aPageEndingRightBeforeTheAnchorIsCheckedByTime() {
        List<StatusHistoryEntry> all = history(300);
        var plan = HistoryPaging.planOlder(200, 100).orElseThrow();
        List<StatusHistoryEntry> data = page(all, plan);
        assertEquals(100, HistoryPaging.alignedTake(data, plan, all.get(200)));
        // An anchor on the page is found wherever it is; one older than the whole page means the guess was off.
        assertEquals(50, HistoryPaging.alignedTake(data, plan, all.get(150)));
        assertEquals(-1, HistoryPaging.alignedTake(data, plan, all.get(50)));
        // A short page (entries missing) can't be trusted either.
        assertEquals(-1, HistoryPaging.alignedTake(data.subList(0, 40), plan, all.get(200)));
    }
}
