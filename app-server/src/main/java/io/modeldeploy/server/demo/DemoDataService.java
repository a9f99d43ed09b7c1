package io.modeldeploy.server.demo;

import io.micronaut.transaction.annotation.Transactional;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.server.persistence.DeploymentVersionRepository;
import io.modeldeploy.server.persistence.DeploymentVersionRow;
import io.modeldeploy.server.persistence.StatusEventRepository;
import io.modeldeploy.server.persistence.StatusEventRow;
import io.modeldeploy.server.service.DeploymentEventLog;
import io.modeldeploy.server.service.DeploymentIds;
import io.modeldeploy.server.service.DeploymentService;
import io.modeldeploy.server.service.WorkspaceRegistry;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Writes the demo fleet with its backdated histories, and resets a demo database to it. */
@Singleton
public class DemoDataService {
    private final DeploymentVersionRepository versions;
    private final StatusEventRepository history;
    private final WorkspaceRegistry workspaces;
    private final DeploymentEventLog eventLog;
    private final Clock clock;

    public DemoDataService(DeploymentVersionRepository versions, StatusEventRepository history,
                           WorkspaceRegistry workspaces, DeploymentEventLog eventLog, Clock clock) {
        this.versions = versions;
        this.history = history;
        this.workspaces = workspaces;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** A database is new when nothing was ever written to it: no deployment and no event. */
    @Transactional
    public boolean seedIfNew() {
        if (versions.count() > 0 || eventLog.lastId() > 0) {
            return false;
        }
        seed();
        return true;
    }

    /** Purges every deployment (with events, so open consoles follow) and writes the fleet again. */
    @Transactional
    public int reset() {
        Instant now = now();
        for (DeploymentVersionRow row : versions.lockAll()) {
            versions.delete(row);
            eventLog.record(DeploymentEventType.PURGED, DeploymentService.toResource(row, List.of()), now);
        }
        return seed();
    }

    private int seed() {
        Instant now = now();
        int count = 0;
        for (DemoFleet.Deployment deployment : DemoFleet.deployments()) {
            workspaces.ensureExists(deployment.workspace());
            int number = 0;
            for (DemoFleet.Version version : deployment.versions()) {
                write(deployment, version, ++number, now);
                count++;
            }
        }
        return count;
    }

    private void write(DemoFleet.Deployment deployment, DemoFleet.Version version, int number, Instant now) {
        Instant createdAt = now.minus(version.age());
        DeploymentStatus status = number == 1 ? DeploymentStatus.CREATED : DeploymentStatus.PENDING;
        String message = number == 1 ? "Deployment created" : "Deployment update pending";
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(createdAt, status, message, DemoFleet.ADMIN, null));
        Instant at = createdAt;
        String provider = null;
        for (DemoFleet.Step step : version.steps()) {
            at = at.plus(step.after());
            if (at.isAfter(now)) {
                at = now;
            }
            if (step.status() == DeploymentStatus.READY && version.withProvider()) {
                provider = deployment.workspace() + "/" + deployment.name();
            }
            entries.add(new Entry(at, step.status(), step.message(), step.actor(), provider));
        }
        Entry last = entries.get(entries.size() - 1);
        DeploymentVersionRow row = new DeploymentVersionRow(DeploymentIds.next(), deployment.workspace(), deployment.name(), number,
                deployment.project(), version.config(), version.configVersion(), last.status(), last.message(),
                provider, DemoFleet.ADMIN, createdAt, last.at(), statusSince(entries));
        versions.save(row);
        List<StatusEventRow> saved = new ArrayList<>();
        for (Entry entry : entries) {
            ChangeSource source = DemoFleet.ADMIN.equals(entry.actor()) ? ChangeSource.GUI : ChangeSource.API;
            saved.add(history.save(StatusEventRow.of(row.id(), entry.status(), entry.message(), entry.provider(),
                    entry.actor(), source, entry.at())));
        }
        eventLog.record(number == 1 ? DeploymentEventType.CREATED : DeploymentEventType.VERSION_CREATED,
                DeploymentService.toResource(row, saved), createdAt);
    }

    /** When the last status began: the first entry of the last run of entries in that status. */
    private static Instant statusSince(List<Entry> entries) {
        Instant since = null;
        DeploymentStatus previous = null;
        for (Entry entry : entries) {
            if (entry.status() != previous) {
                since = entry.at();
                previous = entry.status();
            }
        }
        return since;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record Entry(Instant at, DeploymentStatus status, String message, String actor, String provider) {
    }
}
