package io.modeldeploy.gui.session;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.session.AttentionRule.Attention;
import io.modeldeploy.model.AttentionReason;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.modeldeploy.model.DeploymentStatus.ERROR;
import static io.modeldeploy.model.DeploymentStatus.LOST;
import static io.modeldeploy.model.DeploymentStatus.PENDING;
import static io.modeldeploy.model.DeploymentStatus.READY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The one attention rule: Error and Lost always, stuck past the server's limit, since when the status began. */
class AttentionRuleTest {

    private static final Instant T = Instant.parse("2026-07-01T10:00:00Z");
    private final AttentionRule rule = AttentionRule.ofSeconds(Map.of(PENDING, 1800L, DeploymentStatus.CREATED, 900L));

    private static ModelDeployment since(ModelDeployment d, Instant statusSince) {
        return new ModelDeployment(d.id(), d.name(), d.workspace(), d.project(), d.createdAt(), d.updatedAt(),
                d.entityVersion(), d.config(), d.configVersion(), d.status(), d.statusMessage(), d.statusHistory(),
                d.modelProviderId(), d.authContext(), statusSince);
    }

    @Test
    void aVersionIsStuckOnlyOnceLongerInItsStatusThanItsLimit() {
        ModelDeployment pending = since(Deployments.of("w", "a", 1, PENDING, "", T.plusSeconds(600)), T);
        assertNull(rule.judge(pending, T.plus(Duration.ofMinutes(30))), "exactly the limit is not longer");
        Attention attention = rule.judge(pending, T.plus(Duration.ofMinutes(30)).plusSeconds(1));
        assertEquals(new Attention(AttentionReason.STUCK, PENDING, T, Duration.ofMinutes(30)), attention);
        assertEquals(T.plus(Duration.ofMinutes(30)), rule.stuckAt(pending));
    }

    @Test
    void errorAndLostAlwaysNeedAttentionAndAStatusWithoutLimitNeverIsStuck() {
        assertEquals(AttentionReason.ERROR, rule.judge(Deployments.of("w", "e", 1, ERROR, "", T), T).reason());
        assertEquals(AttentionReason.LOST,
                AttentionRule.NO_LIMITS.judge(Deployments.of("w", "l", 1, LOST, "", T), T).reason());
        ModelDeployment ready = Deployments.of("w", "r", 1, READY, "", T);
        assertNull(rule.judge(ready, T.plus(Duration.ofDays(30))));
        assertNull(rule.stuckAt(ready));
        ModelDeployment pending = Deployments.of("w", "p", 1, PENDING, "", T);
        assertNull(AttentionRule.NO_LIMITS.judge(pending, T.plus(Duration.ofDays(30))),
                "a server without limits: nothing is stuck");
    }

    @Test
    void withoutStatusSinceTheHeldHistoryThenUpdatedAtSayWhenTheStatusBegan() {
        ModelDeployment withHistory = Deployments.withHistory(Deployments.of("w", "h", PENDING, ""),
                Deployments.entry(DeploymentStatus.CREATED, "created", T, "ctrl"),
                Deployments.entry(PENDING, "Pulling image", T.plusSeconds(60), "ctrl"),
                Deployments.entry(PENDING, "Starting container", T.plusSeconds(300), "ctrl"));
        assertEquals(T.plusSeconds(60), AttentionRule.statusSince(withHistory),
                "a change of message alone does not start a status");
        ModelDeployment bare = Deployments.of("w", "b", 1, PENDING, "", T.plusSeconds(42));
        assertEquals(T.plusSeconds(42), AttentionRule.statusSince(bare));
        assertEquals(T, AttentionRule.statusSince(since(bare, T)), "the server's status_since wins");
    }

    @Test
    void limitsOfZeroOrMissingAreNone() {
        assertEquals(AttentionRule.NO_LIMITS, AttentionRule.ofSeconds(null));
        assertNull(AttentionRule.ofSeconds(Map.of(PENDING, 0L)).limit(PENDING));
    }
}
