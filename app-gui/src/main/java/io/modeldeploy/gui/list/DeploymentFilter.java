package io.modeldeploy.gui.list;

import io.modeldeploy.model.DeploymentStatus;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An immutable filter of the deployment list: one workspace or all, a set of statuses (empty = any),
 * search words that must all occur in the name or status message (case-insensitive) and, with
 * {@code attentionOnly}, only the rows that need attention (Error, Lost, stuck). The statuses and
 * the attention are those of the latest version, or with {@code allVersions} those of any version.
 */
public record DeploymentFilter(String workspace, Set<DeploymentStatus> statuses, String[] words, boolean allVersions,
                               boolean attentionOnly)
        implements Predicate<DeploymentRow> {

    public static final DeploymentFilter NONE = of(null, EnumSet.noneOf(DeploymentStatus.class), "", false, false);

    public static DeploymentFilter of(String workspace, Collection<DeploymentStatus> statuses, String searchText,
                                      boolean allVersions, boolean attentionOnly) {
        EnumSet<DeploymentStatus> copy = statuses.isEmpty()
                ? EnumSet.noneOf(DeploymentStatus.class) : EnumSet.copyOf(statuses);
        String normalized = searchText == null ? "" : searchText.trim().toLowerCase(Locale.ROOT);
        String[] words = normalized.isEmpty() ? new String[0] : normalized.split("\\s+");
        return new DeploymentFilter(workspace, copy, words, allVersions, attentionOnly);
    }

    @Override
    public boolean test(DeploymentRow row) {
        return matchesWorkspaceAndSearch(row) && matchesStatus(row);
    }

    /** Everything but the status: what the live counts of the status chips are based on. */
    public boolean matchesWorkspaceAndSearch(DeploymentRow row) {
        if (workspace != null && !workspace.equals(row.workspace())) {
            return false;
        }
        String text = row.searchText();
        for (String word : words) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The status chips and the "Needs attention" chip. */
    public boolean matchesStatus(DeploymentRow row) {
        if (attentionOnly && !row.needsAttention(allVersions)) {
            return false;
        }
        if (statuses.isEmpty()) {
            return true;
        }
        if (!allVersions) {
            return statuses.contains(row.status());
        }
        for (DeploymentStatus status : row.everyStatus()) {
            if (statuses.contains(status)) {
                return true;
            }
        }
        return false;
    }

    /** Same workspace, statuses, words, versions and attention: filtering again would change nothing. */
    public boolean sameAs(DeploymentFilter other) {
        return other != null && java.util.Objects.equals(workspace, other.workspace)
                && statuses.equals(other.statuses) && java.util.Arrays.equals(words, other.words)
                && allVersions == other.allVersions && attentionOnly == other.attentionOnly;
    }

    /** Hides nothing (whether statuses are of every version changes only the counts). */
    public boolean isEmpty() {
        return workspace == null && statuses.isEmpty() && words.length == 0 && !attentionOnly;
    }
}
