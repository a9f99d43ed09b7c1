package io.modeldeploy.gui.list;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A filter's answer for every row of a snapshot of the list, and the chip counts that go with it:
 * computed on a background thread, so that a keystroke in the search field costs the FX thread
 * only the look-ups when the answer is applied. Rows are looked up by identity: a row replaced
 * since the snapshot is not in it and must be tested again.
 */
record FilterMatches(Map<DeploymentRow, Boolean> answers, ChipCounts counts) {

    static FilterMatches of(DeploymentFilter filter, List<DeploymentRow> snapshot) {
        Map<DeploymentRow, Boolean> answers = new IdentityHashMap<>(snapshot.size() * 2);
        ChipCounts counts = new ChipCounts();
        for (DeploymentRow row : snapshot) {
            boolean workspaceAndSearch = filter.matchesWorkspaceAndSearch(row);
            if (workspaceAndSearch) {
                counts.add(filter, row, 1);
            }
            answers.put(row, workspaceAndSearch && filter.matchesStatus(row));
        }
        return new FilterMatches(answers, counts);
    }

    /** The snapshot's answer for {@code row}, or {@code filter}'s for a row that is not in the snapshot. */
    boolean test(DeploymentRow row, DeploymentFilter filter) {
        Boolean answer = answers.get(row);
        return answer != null ? answer : filter.test(row);
    }
}
