package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.alerts.AlertRules;
import io.modeldeploy.model.DeploymentStatus;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.modeldeploy.model.DeploymentStatus.ERROR;
import static io.modeldeploy.model.DeploymentStatus.LOST;
import static io.modeldeploy.model.DeploymentStatus.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notification rules dialog without a window: what it offers, what it refuses, what it notes. */
class NotificationRulesViewModelTest {

    @Test
    void startsFromTheRulesInForceAndGivesBackWhatWasChosen() {
        NotificationRulesViewModel vm = new NotificationRulesViewModel(AlertRules.DEFAULT,
                List.of("team-b", "team-a"), true);
        assertTrue(vm.status(ERROR).get());
        assertTrue(vm.status(LOST).get());
        assertFalse(vm.status(UNKNOWN).get());
        assertTrue(vm.allWorkspacesProperty().get());
        assertEquals(List.of("team-a", "team-b"), List.copyOf(vm.workspaces().keySet()));

        vm.status(ERROR).set(false);
        vm.status(UNKNOWN).set(true);
        vm.allWorkspacesProperty().set(false);
        vm.workspaces().get("team-b").set(true);
        vm.desktopProperty().set(false);

        assertEquals(new AlertRules(EnumSet.of(LOST, UNKNOWN), false, Set.of("team-b"), true, false), vm.rules());
    }

    @Test
    void onlyTheseWorkspacesWithNoneTickedCannotBeSaved() {
        NotificationRulesViewModel vm = new NotificationRulesViewModel(AlertRules.DEFAULT, List.of("team-a"), true);
        vm.allWorkspacesProperty().set(false);
        assertFalse(vm.validProperty().get());
        assertEquals(NotificationRulesViewModel.NO_WORKSPACE, vm.errorProperty().get());

        vm.workspaces().get("team-a").set(true);
        assertTrue(vm.validProperty().get());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void noStatusAndNoStuckSaysAlertsAreOffButMayBeSaved() {
        NotificationRulesViewModel vm = new NotificationRulesViewModel(AlertRules.DEFAULT, List.of(), true);
        for (DeploymentStatus status : DeploymentStatus.values()) {
            vm.status(status).set(false);
        }
        assertEquals("", vm.noteProperty().get(), "stuck deployments still raise alerts");
        vm.stuckProperty().set(false);

        assertEquals(NotificationRulesViewModel.ALERTS_OFF, vm.noteProperty().get());
        assertTrue(vm.validProperty().get());
        assertTrue(vm.rules().statuses().isEmpty() && !vm.rules().stuck(), "what is saved raises nothing");
    }

    @Test
    void workspacesChosenBeforeAreOfferedEvenWhenTheConsoleHasNoneOfThemNow() {
        AlertRules before = new AlertRules(EnumSet.of(ERROR), false, Set.of("retired"), false, true);
        NotificationRulesViewModel vm = new NotificationRulesViewModel(before, List.of("team-a"), false);

        assertEquals(List.of("retired", "team-a"), List.copyOf(vm.workspaces().keySet()));
        assertTrue(vm.workspaces().get("retired").get());
        assertEquals(before, vm.rules());
    }
}
