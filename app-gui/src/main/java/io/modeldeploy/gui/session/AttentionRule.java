package io.modeldeploy.gui.session;

import io.modeldeploy.model.AttentionReason;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The console's one rule for what needs attention, the server's rule applied to the copies the
 * store holds: a version in ERROR or LOST always does; one that has been in its status longer than
 * that status's stuck limit is stuck. The limits are the server's ({@code stuck_after_seconds} of
 * {@code GET /apis/modeldeploy/v1/attention}); a server without that extension gives none, and then
 * nothing is stuck. Judging again as time passes is the caller's part.
 */
public final class AttentionRule {

    /** No stuck limits (not known yet, or a server without the attention extension). */
    public static final AttentionRule NO_LIMITS = new AttentionRule(Map.of());

    /** Why a version needs attention, in which status, since when, and for a stuck one the limit it passed. */
    public record Attention(AttentionReason reason, DeploymentStatus status, Instant since, Duration limit) {
    }

    private final Map<DeploymentStatus, Duration> stuckAfter;

    private AttentionRule(Map<DeploymentStatus, Duration> stuckAfter) {
        this.stuckAfter = stuckAfter;
    }

    /** The rule with the server's limits in seconds per status (null or empty: none). */
    public static AttentionRule ofSeconds(Map<DeploymentStatus, Long> stuckAfterSeconds) {
        if (stuckAfterSeconds == null || stuckAfterSeconds.isEmpty()) {
            return NO_LIMITS;
        }
        Map<DeploymentStatus, Duration> limits = new EnumMap<>(DeploymentStatus.class);
        stuckAfterSeconds.forEach((status, seconds) -> {
            if (status != null && seconds != null && seconds > 0) {
                limits.put(status, Duration.ofSeconds(seconds));
            }
        });
        return new AttentionRule(Collections.unmodifiableMap(limits));
    }

    /** The stuck limit of {@code status}; null when it has none. */
    public Duration limit(DeploymentStatus status) {
        return status == null ? null : stuckAfter.get(status);
    }

    public boolean hasLimits() {
        return !stuckAfter.isEmpty();
    }

    /** Why {@code version} needs attention at {@code now}; null when it does not. */
    public Attention judge(ModelDeployment version, Instant now) {
        DeploymentStatus status = version.status();
        if (status == DeploymentStatus.ERROR) {
            return new Attention(AttentionReason.ERROR, status, statusSince(version), null);
        }
        if (status == DeploymentStatus.LOST) {
            return new Attention(AttentionReason.LOST, status, statusSince(version), null);
        }
        Instant stuckAt = stuckAt(version);
        if (stuckAt != null && now.isAfter(stuckAt)) {
            return new Attention(AttentionReason.STUCK, status, statusSince(version), limit(status));
        }
        return null;
    }

    /**
     * When {@code version} becomes stuck if its status does not change first (it is stuck once it
     * has been in its status longer than that, so only after this instant); null when it never does.
     */
    public Instant stuckAt(ModelDeployment version) {
        Duration limit = limit(version.status());
        Instant since = limit == null ? null : statusSince(version);
        return since == null ? null : since.plus(limit);
    }

    /**
     * When the current status of {@code version} began: its {@code status_since}; from a server that
     * does not send it, the first of the newest history entries held that are all in the current
     * status (a change of message alone does not start a status); without history, {@code updated_at}.
     */
    public static Instant statusSince(ModelDeployment version) {
        if (version.statusSince() != null) {
            return version.statusSince();
        }
        List<StatusHistoryEntry> history = version.statusHistory();
        Instant since = null;
        if (history != null) {
            for (int i = history.size() - 1; i >= 0 && history.get(i).status() == version.status(); i--) {
                since = history.get(i).timestamp();
            }
        }
        return since != null ? since : version.updatedAt();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttentionRule rule && stuckAfter.equals(rule.stuckAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stuckAfter);
    }

    @Override
    public String toString() {
        return "stuck after " + stuckAfter;
    }
}
