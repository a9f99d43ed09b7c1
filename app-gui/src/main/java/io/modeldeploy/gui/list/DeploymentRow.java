package io.modeldeploy.gui.list;

import io.modeldeploy.gui.session.AttentionRule;
import io.modeldeploy.gui.session.AttentionRule.Attention;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One line of the deployment list: the latest version of a deployment, what its other versions
 * add (their statuses; the worst problem among them), and what filtering needs, computed once (the
 * key and the lower-cased search text), so that filtering 10,000 rows stays cheap.
 */
public final class DeploymentRow {

    private final ModelDeployment deployment;
    private final String key;
    private final String searchText;
    private final Severity severity;
    private final Attention attention;
    private final Instant statusSince;
    private final Set<DeploymentStatus> everyStatus;
    private final ModelDeployment olderProblem;
    private final Severity olderProblemSeverity;
    private final Instant stuckCheckDue;

    /**
     * The row of a deployment: {@code latest} and every version held ({@code versions}, which may
     * include {@code latest}), judged by {@code rule} at {@code now} (whether a version is stuck).
     */
    public DeploymentRow(ModelDeployment latest, List<ModelDeployment> versions, AttentionRule rule, Instant now) {
        this.deployment = Objects.requireNonNull(latest, "latest");
        this.key = keyOf(latest.workspace(), latest.name());
        String message = latest.statusMessage() == null ? "" : latest.statusMessage();
        this.searchText = (latest.name() + "\n" + message).toLowerCase(Locale.ROOT);
        this.attention = rule.judge(latest, now);
        this.statusSince = AttentionRule.statusSince(latest);
        this.severity = Severity.of(latest.status(), attention);
        EnumSet<DeploymentStatus> statuses = EnumSet.of(status(latest));
        ModelDeployment worst = null;
        Severity worstSeverity = null;
        Instant due = nextDue(null, rule.stuckAt(latest), now);
        for (ModelDeployment version : versions) {
            if (version.entityVersion() == latest.entityVersion()) {
                continue;
            }
            statuses.add(status(version));
            Severity other = Severity.of(version.status(), rule.judge(version, now));
            if (other.needsAttention() && other.isWorseThan(severity)
                    && (worstSeverity == null || other.isWorseThan(worstSeverity))) {
                worst = version;
                worstSeverity = other;
            }
            due = nextDue(due, rule.stuckAt(version), now);
        }
        this.everyStatus = Collections.unmodifiableSet(statuses);
        this.olderProblem = worst;
        this.olderProblemSeverity = worstSeverity;
        this.stuckCheckDue = due;
    }

    /**
     * The earlier of {@code due} and {@code stuckAt}, counting only a {@code stuckAt} not before
     * {@code now} (a version is stuck only after it).
     */
    private static Instant nextDue(Instant due, Instant stuckAt, Instant now) {
        if (stuckAt == null || stuckAt.isBefore(now)) {
            return due;
        }
        return due == null || stuckAt.isBefore(due) ? stuckAt : due;
    }

    private static DeploymentStatus status(ModelDeployment version) {
        return version.status() == null ? DeploymentStatus.UNKNOWN : version.status();
    }

    /** {@code workspace/name}: identifies a deployment across workspaces. */
    public static String keyOf(String workspace, String name) {
        return workspace + "/" + name;
    }

    public ModelDeployment deployment() {
        return deployment;
    }

    public String key() {
        return key;
    }

    /** Lower-cased name and status message. */
    String searchText() {
        return searchText;
    }

    public String workspace() {
        return deployment.workspace();
    }

    public String name() {
        return deployment.name();
    }

    public int version() {
        return deployment.entityVersion();
    }

    public DeploymentStatus status() {
        return status(deployment);
    }

    /** The latest version's severity. */
    public Severity severity() {
        return severity;
    }

    /** Why the latest version needs attention (Error, Lost, stuck); null when it does not. */
    public Attention attention() {
        return attention;
    }

    /** Whether the row needs attention: its latest version, or with {@code allVersions} any version. */
    public boolean needsAttention(boolean allVersions) {
        return (allVersions ? worstSeverity() : severity).needsAttention();
    }

    /** When the latest version's status began (see {@link AttentionRule#statusSince}): the "In state for" column. */
    public Instant statusSince() {
        return statusSince;
    }

    /** The worst of every version held: the latest's, or an older version's problem. */
    public Severity worstSeverity() {
        return olderProblemSeverity != null ? olderProblemSeverity : severity;
    }

    /** The status of every version held, the latest included. */
    public Set<DeploymentStatus> everyStatus() {
        return everyStatus;
    }

    /**
     * The older version in the worst state that needs attention (Error, Lost, stuck) when that is
     * worse than the latest's state (the "v1 Error" badge); null when there is none.
     */
    public ModelDeployment olderProblem() {
        return olderProblem;
    }

    public Severity olderProblemSeverity() {
        return olderProblemSeverity;
    }

    /** After which instant a version of this row becomes stuck unless it changes first; null when none will. */
    Instant stuckCheckDue() {
        return stuckCheckDue;
    }

    public String message() {
        return deployment.statusMessage() == null ? "" : deployment.statusMessage();
    }

    public Instant updatedAt() {
        return deployment.updatedAt();
    }

    public String modelProviderId() {
        return deployment.modelProviderId();
    }

    @Override
    public String toString() {
        return key + " v" + version() + " " + status();
    }
}
