package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.modeldeploy.model.DeploymentStatus.DELETED;
import static io.modeldeploy.model.DeploymentStatus.ERROR;
import static io.modeldeploy.model.DeploymentStatus.READY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The delete dialog says what the server will do with this deployment: purge it, or mark versions Deleting. */
class DeleteOutcomeTest {

    private static ModelDeployment version(int number, DeploymentStatus status) {
        return Deployments.of("ws", "llama", number, status, "", Deployments.T0);
    }

    @Test
    void everyVersionDeletedMeansAPurgeNow() {
        ModelDeployment latest = version(2, DELETED);
        DeleteOutcome outcome = DeleteOutcome.of(latest, List.of(version(1, DELETED), latest));
        assertTrue(outcome.purges());
        assertEquals("Every version is already Deleted, so the server purges the deployment now: it leaves the list"
                + " and cannot be restored.", outcome.explanation());
    }

    @Test
    void versionsNotDeletedAreMarkedDeletingAndTheRowStaysUntilPurged() {
        ModelDeployment latest = version(3, READY);
        DeleteOutcome outcome = DeleteOutcome.of(latest, List.of(version(1, DELETED), version(2, ERROR), latest));
        assertEquals(false, outcome.purges());
        assertEquals("2 of 3 versions will be marked Deleting: the controller stops their model servers and sets"
                + " them to Deleted. The row stays in the list, as Deleted, until the controller purges it."
                + " This cannot be undone.", outcome.explanation());
        assertEquals("Its version will be marked Deleting: the controller stops its model server and sets it to"
                + " Deleted. The row stays in the list, as Deleted, until the controller purges it."
                + " This cannot be undone.", DeleteOutcome.of(version(1, READY), List.of()).explanation());
    }

    @Test
    void aDeletedLatestVersionWithOlderVersionsNotKnownSaysBothCases() {
        ModelDeployment latest = version(2, DELETED);
        DeleteOutcome outcome = DeleteOutcome.of(latest, List.of(latest));
        assertEquals(false, outcome.purges());
        assertEquals("The latest version is already Deleted. If every version is, the server purges the deployment"
                + " now; otherwise the others are marked Deleting and the row stays in the list until the"
                + " controller purges it.", outcome.explanation());
    }
}
