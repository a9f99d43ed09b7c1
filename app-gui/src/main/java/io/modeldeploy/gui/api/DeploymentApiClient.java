package io.modeldeploy.gui.api;

import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.AttentionList;
import io.modeldeploy.model.CallerIdentity;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.DemoState;
import io.modeldeploy.model.HistoryExportEntry;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.NewVersionRequest;
import io.modeldeploy.model.StatusBatchRequest;
import io.modeldeploy.model.StatusBatchResult;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.model.StatusUpdateRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The ModelDeploy API ({@code /apis/models/v2}) as the console uses it: one client per server,
 * thread-safe. Every call blocks, so the UI runs them on an executor, never on the FX thread.
 * A failed call throws an {@link ApiException} that says what happened in neutral terms; the
 * console words it for its user. {@link HttpDeploymentApiClient} talks to a real server.
 */
public interface DeploymentApiClient {

    /** Page size used to fetch complete lists: the API's maximum. */
    int FULL_PAGE_SIZE = ApiLimits.MAX_PAGE_SIZE;

    /**
     * Size of the first page of a complete list: more rows than a window shows, so that they are
     * answered, read and laid out at once while the rest of a large fleet follows.
     */
    int FIRST_PAGE_SIZE = 100;

    /** The server's base URL. */
    URI baseUrl();

    /** True when requests carry a bearer token. */
    boolean hasToken();

    /**
     * A stream of every workspace's changes from this client's server, authenticated like this
     * client's requests. Not started yet.
     */
    DeploymentEventStream eventStream(Executor ui, DeploymentEventStream.Listener listener);

    /**
     * What this server offers beyond NeMo's ModelDeployment API, found by trying each endpoint once
     * (the console asks when it connects). A test double that fakes the whole API offers everything.
     */
    default ServerCapabilities capabilities() throws ApiException {
        return ServerCapabilities.ALL;
    }

    // ---------------------------------------------------------------- deployments

    /** One page of the latest versions, in the server's default order. */
    ListPage<ModelDeployment> listDeployments(String workspace, int page, int pageSize) throws ApiException;

    /**
     * One page of the latest versions, newest change first, embedding at most {@code historyLimit}
     * history entries each (0: none, as the list needs).
     */
    ListPage<ModelDeployment> listDeployments(String workspace, int page, int pageSize, int historyLimit)
            throws ApiException;

    /**
     * The latest version of every deployment of {@code workspace} ({@code "-"} = all) without their
     * histories, following every page: {@link #listRemainingDeployments} after {@link #listFirstDeployments}.
     */
    default List<ModelDeployment> listAllDeployments(String workspace) throws ApiException {
        ListPage<ModelDeployment> first = listFirstDeployments(workspace, false);
        List<ModelDeployment> all = new ArrayList<>(first == null || first.data() == null ? List.of() : first.data());
        all.addAll(listRemainingDeployments(workspace, false, first));
        return all;
    }

    /**
     * The first page of a complete list: the {@value #FIRST_PAGE_SIZE} most recently changed
     * deployments (every version of them with {@code allVersions}, else the latest), without history.
     */
    ListPage<ModelDeployment> listFirstDeployments(String workspace, boolean allVersions) throws ApiException;

    /**
     * The rest of the complete list after {@code first} (as {@link #listFirstDeployments} answered
     * it), in pages of {@value #FULL_PAGE_SIZE} (the API's maximum), in page order: every entry
     * that is not in {@code first}, each once (by workspace, name and version), even when changes
     * between the reads moved entries from one page to another.
     */
    List<ModelDeployment> listRemainingDeployments(String workspace, boolean allVersions,
                                                   ListPage<ModelDeployment> first) throws ApiException;

    ModelDeployment getDeployment(String workspace, String name) throws ApiException;

    /** Every version of a deployment, newest first. */
    List<ModelDeployment> listVersions(String workspace, String name) throws ApiException;

    ModelDeployment getVersion(String workspace, String name, int version) throws ApiException;

    ModelDeployment createDeployment(String workspace, CreateDeploymentRequest request) throws ApiException;

    ModelDeployment createVersion(String workspace, String name, NewVersionRequest request) throws ApiException;

    /**
     * Updates the status of a version unconditionally: the last write wins. The console's editor
     * uses {@link #updateStatus(String, String, int, StatusUpdateRequest, String)} instead.
     */
    default ModelDeployment updateStatus(String workspace, String name, int version, StatusUpdateRequest request)
            throws ApiException {
        return updateStatus(workspace, name, version, request, null);
    }

    /**
     * Updates the status of a version only if it is still in the state {@code ifMatch} names (an
     * entity tag as {@link ModelDeployment#etag()} computes it; null sends no condition). When the
     * version changed meanwhile the server answers 412 and this throws an {@link ApiException} whose
     * {@link ApiException#currentDeployment()} is the version as it is now.
     */
    ModelDeployment updateStatus(String workspace, String name, int version, StatusUpdateRequest request,
                                 String ifMatch) throws ApiException;

    /**
     * Changes the status of every target of {@code request} in one transaction, or of none
     * ({@code POST /apis/modeldeploy/v1/status-batches}): the answer holds every target as it is now,
     * in target order. A refusal changed nothing; its {@link ApiException#batchTarget()} says which
     * target failed (404 unknown, 409 a transition rule, 412 changed since its {@code if_match}), a
     * 422 names the fields.
     */
    StatusBatchResult changeStatuses(StatusBatchRequest request) throws ApiException;

    /**
     * Deletes every version: the answer is the latest version, now DELETING, or empty when the
     * deployment was purged because every version was already DELETED.
     */
    Optional<ModelDeployment> deleteDeployment(String workspace, String name) throws ApiException;

    /** Deletes one version: the answer is that version, now DELETING, or empty when it was purged. */
    Optional<ModelDeployment> deleteVersion(String workspace, String name, int version) throws ApiException;

    /** One page of the full status history of a version, oldest first. */
    ListPage<StatusHistoryEntry> statusHistory(String workspace, String name, int version, int page, int pageSize)
            throws ApiException;

    /**
     * Every status-history entry {@code query} selects, oldest first (by timestamp, then as recorded),
     * each handed to {@code sink} as it arrives ({@code GET /apis/modeldeploy/v1/history-export},
     * streamed as NDJSON, so the whole export is never held in memory). Answers how many entries were
     * handed over. A server without this extension (a NeMo Platform) answers 404. An interrupt stops
     * the reading; what {@code sink} throws is passed on as it is.
     */
    long exportHistory(HistoryExportQuery query, Consumer<HistoryExportEntry> sink) throws ApiException;

    /**
     * The whole status history of one version, oldest first, each entry with the model provider it was
     * recorded with, handed to {@code sink} as it arrives ({@code GET .../status-history} as NDJSON, our
     * extension; a NeMo Platform answers its JSON page instead, so ask only where
     * {@code ServerCapabilities#historyExport} is offered). Answers how many entries were handed over.
     */
    long exportVersionHistory(String workspace, String name, int version, Consumer<HistoryExportEntry> sink)
            throws ApiException;

    /**
     * The latest versions of {@code workspace} ({@code "-"} = all) that need attention, and the
     * server's stuck limits. A server without this extension (a NeMo Platform) answers 404.
     */
    AttentionList attention(String workspace) throws ApiException;

    // ---------------------------------------------------------------- the caller

    /**
     * The name and role the server knows this client by. A server without this extension (a NeMo
     * Platform) answers 404.
     */
    CallerIdentity whoami() throws ApiException;

    // ---------------------------------------------------------------- demo mode

    /** Whether the server runs in demo mode, and whether its demo controller runs and at which pace. */
    DemoState getDemo() throws ApiException;

    /**
     * Starts or stops the demo controller, or changes its pace; null fields stay as they are.
     * Outside demo mode the server answers 409.
     */
    DemoState updateDemo(DemoState change) throws ApiException;

    /** Replaces every deployment with the demo fleet; answers how many versions were written. */
    int resetDemo() throws ApiException;

    /**
     * True when {@code GET /health} answers 2xx within a few seconds, or, on a server without it (a
     * NeMo Platform), the list of deployments answers. Never throws.
     */
    boolean isHealthy();
}
