package io.modeldeploy.gui.triage;

import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.model.AttentionReason;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

/**
 * Deployments that need attention for the same reason with messages of the same
 * {@linkplain MessagePattern shape}: how many, in which workspaces, since when the first of them
 * (first seen), and an example message.
 */
public record TriageGroup(AttentionReason reason, String pattern, List<DeploymentRow> members,
                          SortedSet<String> workspaces, Instant firstSeen, String example) {

    /** Identifies a group across recomputations: reason and shape. */
    public String id() {
        return reason.wireName() + "\n" + pattern;
    }

    public int count() {
        return members.size();
    }

    public List<DeploymentKey> keys() {
        return members.stream().map(row -> new DeploymentKey(row.workspace(), row.name())).toList();
    }
}
