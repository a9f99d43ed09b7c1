package io.modeldeploy.server.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.server.error.HttpErrorException;
import io.modeldeploy.server.persistence.DeploymentVersionRepository;
import io.modeldeploy.server.persistence.DeploymentVersionRow;
import io.modeldeploy.server.persistence.HistoryExportFilter;
import io.modeldeploy.server.persistence.HistoryExportQueries;
import io.modeldeploy.server.persistence.HistoryExportRow;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * History exports, streamed: the entries are read a page of {@value #PAGE_SIZE} at a time and each
 * page is encoded into one chunk of the answer only when the connection asks for the next one
 * (reactive back-pressure), so an export of millions holds one page in memory and a slow reader
 * slows only its own export. The pages after the first are read on the blocking executor, never
 * on a Netty event loop; the first is read by the caller, so that a missing deployment or an
 * unavailable database is answered with its status code before the answer has begun.
 */
@Singleton
public class HistoryExport {
    static final int PAGE_SIZE = 1000;

    private final HistoryExportQueries queries;
    private final DeploymentVersionRepository versions;
    private final WorkspaceRegistry workspaces;
    private final JsonMapper json;
    private final Scheduler blocking;

    public HistoryExport(HistoryExportQueries queries, DeploymentVersionRepository versions,
                         WorkspaceRegistry workspaces, JsonMapper json,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor) {
        this.queries = queries;
        this.versions = versions;
        this.workspaces = workspaces;
        this.json = json;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor, "history-export");
    }

    /** An export's file name (without extension) and its bytes, chunk by chunk. */
    public record Stream(String fileName, Flux<byte[]> chunks) {
    }

    /** The whole history of one version (the latest when {@code version} is null), oldest first. */
    public Stream version(String workspace, String name, @Nullable Integer version, HistoryExportFormat format) {
        DeploymentVersionRow row = (version == null
                ? versions.findLatestVersionNumber(workspace, name)
                        .flatMap(latest -> versions.findByWorkspaceAndNameAndEntityVersion(workspace, name, latest))
                : versions.findByWorkspaceAndNameAndEntityVersion(workspace, name, version))
                .orElseThrow(() -> version == null ? DeploymentService.notFound(workspace, name)
                        : DeploymentService.versionNotFound(workspace, name, version));
        return new Stream("history-" + workspace + "-" + name + "-v" + row.entityVersion(),
                stream(HistoryExportFilter.version(row.id(), queries.lastEntryId()), format));
    }

    /**
     * The history of every deployment ({@code workspace} {@code -}) or of one workspace's, in time
     * order, from {@code since} (inclusive) to {@code until} (exclusive), of the given statuses (empty: all).
     */
    public Stream fleet(String workspace, @Nullable Instant since, @Nullable Instant until,
                        Set<DeploymentStatus> statuses, HistoryExportFormat format) {
        boolean all = ApiLimits.ALL_WORKSPACES.equals(workspace);
        if (!all && !workspaces.exists(workspace)) {
            throw HttpErrorException.notFound("Workspace '" + workspace + "' not found");
        }
        HistoryExportFilter filter = HistoryExportFilter.fleet(all ? null : workspace, since, until, statuses,
                queries.lastEntryId());
        return new Stream("history-" + (all ? "all-workspaces" : workspace), stream(filter, format));
    }

    private Flux<byte[]> stream(HistoryExportFilter filter, HistoryExportFormat format) {
        Pages pages = new Pages(filter, new HistoryExportWriter(format, json));
        byte[] first = pages.next();
        if (pages.finished) {
            return Flux.just(first);
        }
        Flux<byte[]> rest = Flux.<byte[]>generate(sink -> {
            byte[] chunk = pages.next();
            if (chunk.length > 0) {
                sink.next(chunk);
            }
            if (pages.finished) {
                sink.complete();
            }
        });
        // requests (and so the reads they cause) run on the blocking executor, one at a time
        return Flux.concat(Flux.just(first), rest.subscribeOn(blocking, true));
    }

    /** Reads the filter's entries page after page, each page encoded as one chunk. */
    private final class Pages {
        private final HistoryExportFilter filter;
        private final HistoryExportWriter writer;
        private HistoryExportRow last;
        private boolean finished;

        Pages(HistoryExportFilter filter, HistoryExportWriter writer) {
            this.filter = filter;
            this.writer = writer;
        }

        byte[] next() {
            List<HistoryExportRow> page = queries.page(filter, last, PAGE_SIZE);
            finished = page.size() < PAGE_SIZE;
            if (!page.isEmpty()) {
                last = page.get(page.size() - 1);
            }
            return writer.write(page.stream().map(HistoryExportRow::entry).toList(), finished);
        }
    }
}
