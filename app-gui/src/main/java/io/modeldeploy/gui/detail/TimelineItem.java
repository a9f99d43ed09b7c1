package io.modeldeploy.gui.detail;

import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.StatusHistoryEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of the status timeline: a history entry and when the version left that state
 * ({@code until}, the timestamp of the next entry), or null while it is still in it.
 */
public record TimelineItem(StatusHistoryEntry entry, Instant until) {

    public TimelineItem {
        Objects.requireNonNull(entry, "entry");
    }

    /** True for the newest entry: the version is still in this state. */
    public boolean ongoing() {
        return until == null;
    }

    /** The entry's status; UNKNOWN when the server sent a status this console doesn't know. */
    public DeploymentStatus status() {
        return entry.status() == null ? DeploymentStatus.UNKNOWN : entry.status();
    }

    /** How long the version stayed (or, while ongoing, has been) in this state; never negative. */
    public Duration duration(Instant now) {
        Instant start = entry.timestamp();
        Instant end = until != null ? until : now;
        if (start == null || end == null || end.isBefore(start)) {
            return Duration.ZERO;
        }
        return Duration.between(start, end);
    }
}
