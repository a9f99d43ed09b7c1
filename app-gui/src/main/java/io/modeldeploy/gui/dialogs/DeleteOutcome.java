package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;

import java.util.List;

/**
 * What the server does when this deployment is deleted (contract §4.8): if every version is
 * DELETED it purges them at once; otherwise it marks each version that is not DELETED as DELETING,
 * the controller sets them DELETED, and the rows stay until the controller purges them.
 *
 * @param purges      true when the delete purges the deployment now
 * @param explanation the sentence the delete dialog shows
 */
public record DeleteOutcome(boolean purges, String explanation) {

    private static final String DELETING = StatusStyle.displayName(DeploymentStatus.DELETING);
    private static final String DELETED = StatusStyle.displayName(DeploymentStatus.DELETED);
    private static final String STAYS = "The row stays in the list, as " + DELETED
            + ", until the controller purges it.";

    /**
     * @param latest        the deployment's latest version
     * @param knownVersions the versions the console has loaded (may be empty or incomplete)
     */
    public static DeleteOutcome of(ModelDeployment latest, List<ModelDeployment> knownVersions) {
        int total = latest.entityVersion();
        boolean allKnown = knownVersions.size() >= total;
        if (latest.status() == DeploymentStatus.DELETED) {
            if (allKnown && knownVersions.stream().allMatch(v -> v.status() == DeploymentStatus.DELETED)) {
                return new DeleteOutcome(true, "Every version is already " + DELETED + ", so the server purges the"
                        + " deployment now: it leaves the list and cannot be restored.");
            }
            if (!allKnown) {
                return new DeleteOutcome(false, "The latest version is already " + DELETED + ". If every version"
                        + " is, the server purges the deployment now; otherwise the others are marked " + DELETING
                        + " and the row stays in the list until the controller purges it.");
            }
        }
        long marked = allKnown
                ? knownVersions.stream().filter(v -> v.status() != DeploymentStatus.DELETED).count()
                : total;
        String which = total == 1 ? "Its version will be marked " + DELETING + ": the controller stops its model"
                + " server and sets it to " + DELETED + "."
                : (marked == total ? "All " + total : marked + " of " + total) + " versions will be marked "
                + DELETING + ": the controller stops their model servers and sets them to " + DELETED + ".";
        return new DeleteOutcome(false, which + " " + STAYS + " This cannot be undone.");
    }
}
