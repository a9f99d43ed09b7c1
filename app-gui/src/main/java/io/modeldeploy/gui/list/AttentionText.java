package io.modeldeploy.gui.list;

import io.modeldeploy.gui.session.AttentionRule;
import io.modeldeploy.gui.session.AttentionRule.Attention;
import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.AttentionReason;
import io.modeldeploy.model.DeploymentStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The console's words for why a deployment needs attention and for the stuck limits. */
public final class AttentionText {

    private AttentionText() {
    }

    /** "Pending for 47 min, limit 30 min", "Error since 10:05", "Lost since 2026-12-03 22:10". */
    public static String reason(Attention attention, Instant now) {
        String status = StatusStyle.displayName(attention.status());
        if (attention.reason() == AttentionReason.STUCK) {
            return status + " for " + TimeFormat.elapsed(Duration.between(attention.since(), now)) + ", limit "
                    + TimeFormat.elapsed(attention.limit());
        }
        return status + " since " + TimeFormat.minutesOrDate(attention.since());
    }

    /** "Stuck", "Error", "Lost": a reason as a word. */
    public static String reasonName(AttentionReason reason) {
        return switch (reason) {
            case STUCK -> "Stuck";
            case ERROR -> "Error";
            case LOST -> "Lost";
        };
    }

    /** "Created 15 min, Pending 30 min, Deleting 30 min"; "none" without limits. */
    public static String limits(AttentionRule rule) {
        List<String> parts = new ArrayList<>();
        for (DeploymentStatus status : DeploymentStatus.values()) {
            Duration limit = rule.limit(status);
            if (limit != null) {
                parts.add(StatusStyle.displayName(status) + " " + TimeFormat.elapsed(limit));
            }
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** The tooltip of the "Needs attention" chip: what counts, with the server's limits. */
    static String chipTooltip(AttentionRule rule) {
        String stuck = rule.hasLimits()
                ? "or stuck: longer in one status than the server's limit (" + limits(rule) + ")"
                : "(the server sets no stuck limits, so nothing counts as stuck)";
        return "Deployments in Error or Lost, " + stuck + ".\nClick to show only them; "
                + "View \u25b8 Triage groups them by reason and message.";
    }
}
