package io.modeldeploy.server.service;

import io.modeldeploy.model.DeploymentStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StuckLimitsTest {

    @Test
    void theDefaultLimitsCreatedPendingAndDeletingOnly() {
        StuckLimits limits = StuckLimits.parse(StuckLimits.DEFAULT);
        assertEquals(Map.of(DeploymentStatus.CREATED, 900L, DeploymentStatus.PENDING, 1800L,
                DeploymentStatus.DELETING, 1800L), limits.inSeconds());
        assertNull(limits.limits().get(DeploymentStatus.READY), "other statuses have no limit");
    }

    @Test
    void durationsInSecondsMinutesHoursAndCombined() {
        StuckLimits limits = StuckLimits.parse(" pending=90s , READY=2h,DELETING=1h30m,CREATED=15m");
        assertEquals(Duration.ofSeconds(90), limits.limits().get(DeploymentStatus.PENDING));
        assertEquals(Duration.ofHours(2), limits.limits().get(DeploymentStatus.READY));
        assertEquals(Duration.ofMinutes(90), limits.limits().get(DeploymentStatus.DELETING));
        assertEquals(Duration.ofMinutes(15), limits.limits().get(DeploymentStatus.CREATED));
    }

    @Test
    void aBadValueIsRefusedNamingTheSettingAndTheBadPart() {
        assertRefused("PENDIN=5m", "'PENDIN'");
        assertRefused("PENDING=5 minutes", "'5 minutes'");
        assertRefused("PENDING=0s", "zero");
        assertRefused("PENDING=-5m", "'-5m'");
        assertRefused("PENDING=", "''");
        assertRefused("PENDING=5m,PENDING=10m", "PENDING is given more than once");
        assertRefused("PENDING", "'PENDING' is not STATUS=duration");
        assertRefused("PENDING=5m,", "'' is not STATUS=duration");
        assertRefused(" ", "at least one");
    }

    private static void assertRefused(String value, String naming) {
        String message = assertThrows(IllegalArgumentException.class, () -> StuckLimits.parse(value)).getMessage();
        assertTrue(message.startsWith("MODELDEPLOY_STUCK_AFTER / --stuck-after: "), message);
        assertTrue(message.contains(naming), naming + " in: " + message);
    }
}
