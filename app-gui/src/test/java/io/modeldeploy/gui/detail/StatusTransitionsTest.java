package io.modeldeploy.gui.detail;

import io.modeldeploy.model.DeploymentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusTransitionsTest {

    @Test
    void deletingAllowsOnlyDeletedAndSaysWhy() {
        List<StatusChoice> choices = StatusTransitions.choicesFrom(DeploymentStatus.DELETING);

        assertEquals(List.of(DeploymentStatus.values()), choices.stream().map(StatusChoice::status).toList());
        for (StatusChoice choice : choices) {
            if (choice.status() == DeploymentStatus.DELETED) {
                assertTrue(choice.allowed());
                assertNull(choice.reason());
            } else {
                assertFalse(choice.allowed(), choice.status() + " must be refused");
                assertEquals("A deployment marked for deletion can only become DELETED", choice.reason());
            }
        }
    }

    @Test
    void evenStayingDeletingIsRefusedBecauseTheServerChecksTheRuleFirst() {
        assertEquals(StatusTransitions.MARKED_FOR_DELETION,
                StatusTransitions.refusalReason(DeploymentStatus.DELETING, DeploymentStatus.DELETING).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(value = DeploymentStatus.class, names = "DELETING", mode = EnumSource.Mode.EXCLUDE)
    void everyOtherStatusAllowsEverything(DeploymentStatus current) {
        assertTrue(StatusTransitions.choicesFrom(current).stream().allMatch(StatusChoice::allowed));
        for (DeploymentStatus next : DeploymentStatus.values()) {
            assertTrue(StatusTransitions.refusalReason(current, next).isEmpty());
        }
    }

    @Test
    void unknownCurrentStatusRefusesNothing() {
        assertTrue(StatusTransitions.choicesFrom(null).stream().allMatch(StatusChoice::allowed));
    }
}
