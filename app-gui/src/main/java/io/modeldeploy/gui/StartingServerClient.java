package io.modeldeploy.gui;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.api.DeploymentEventStream;
import io.modeldeploy.gui.api.HistoryExportQuery;
import io.modeldeploy.gui.api.ServerCapabilities;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The client of a server that is still starting (or being reached): the main window is built with
 * it while the server starts, and each call waits until the server answers, then goes to its HTTP
 * client. If the start fails, every call fails with the start's one-line reason.
 */
final class StartingServerClient implements DeploymentApiClient {

    private final ConnectionInfo planned;
    private final CompletableFuture<ServerConnection> ready;

    StartingServerClient(ConnectionInfo planned, CompletableFuture<ServerConnection> ready) {
        this.planned = Objects.requireNonNull(planned, "planned");
        this.ready = Objects.requireNonNull(ready, "ready");
    }

    /** The started server's client, once it answers; blocks until then. */
    private DeploymentApiClient server() throws ApiException {
        try {
            return ready.get().client();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.connectionFailure("interrupted", e);
        } catch (ExecutionException e) {
            throw ApiException.connectionFailure(e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public URI baseUrl() {
        return planned.baseUrl();
    }

    @Override
    public boolean hasToken() {
        return planned.hasToken();
    }

    /** Asked for only after the server answered (the session first reads what it offers), so it never waits. */
    @Override
    public DeploymentEventStream eventStream(Executor ui, DeploymentEventStream.Listener listener) {
        ServerConnection started = ready.getNow(null);
        if (started == null) {
            throw new IllegalStateException("The event stream was asked for before the server answered");
        }
        return started.client().eventStream(ui, listener);
    }

    @Override
    public ServerCapabilities capabilities() throws ApiException {
        return server().capabilities();
    }

    @Override
    public ListPage<ModelDeployment> listDeployments(String workspace, int page, int pageSize) throws ApiException {
        return server().listDeployments(workspace, page, pageSize);
    }

    @Override
    public ListPage<ModelDeployment> listDeployments(String workspace, int page, int pageSize, int historyLimit)
            throws ApiException {
        return server().listDeployments(workspace, page, pageSize, historyLimit);
    }

    @Override
    public List<ModelDeployment> listAllDeployments(String workspace) throws ApiException {
        return server().listAllDeployments(workspace);
    }

    @Override
    public ListPage<ModelDeployment> listFirstDeployments(String workspace, boolean allVersions) throws ApiException {
        return server().listFirstDeployments(workspace, allVersions);
    }

    @Override
    public List<ModelDeployment> listRemainingDeployments(String workspace, boolean allVersions,
                                                          ListPage<ModelDeployment> first) throws ApiException {
        return server().listRemainingDeployments(workspace, allVersions, first);
    }

    @Override
    public ModelDeployment getDeployment(String workspace, String name) throws ApiException {
        return server().getDeployment(workspace, name);
    }

    @Override
    public List<ModelDeployment> listVersions(String workspace, String name) throws ApiException {
        return server().listVersions(workspace, name);
    }

    @Override
    public ModelDeployment getVersion(String workspace, String name, int version) throws ApiException {
        return server().getVersion(workspace, name, version);
    }

    @Override
    public ModelDeployment createDeployment(String workspace, CreateDeploymentRequest request) throws ApiException {
        return server().createDeployment(workspace, request);
    }

    @Override
    public ModelDeployment createVersion(String workspace, String name, NewVersionRequest request)
            throws ApiException {
        return server().createVersion(workspace, name, request);
    }

    @Override
    public ModelDeployment updateStatus(String workspace, String name, int version, StatusUpdateRequest request,
                                        String ifMatch) throws ApiException {
        return server().updateStatus(workspace, name, version, request, ifMatch);
    }

    @Override
    public StatusBatchResult changeStatuses(StatusBatchRequest request) throws ApiException {
        return server().changeStatuses(request);
    }

    @Override
    public Optional<ModelDeployment> deleteDeployment(String workspace, String name) throws ApiException {
        return server().deleteDeployment(workspace, name);
    }

    @Override
    public Optional<ModelDeployment> deleteVersion(String workspace, String name, int version) throws ApiException {
        return server().deleteVersion(workspace, name, version);
    }

    @Override
    public ListPage<StatusHistoryEntry> statusHistory(String workspace, String name, int version, int page,
                                                      int pageSize) throws ApiException {
        return server().statusHistory(workspace, name, version, page, pageSize);
    }

    @Override
    public long exportHistory(HistoryExportQuery query, Consumer<HistoryExportEntry> sink) throws ApiException {
        return server().exportHistory(query, sink);
    }

    @Override
    public long exportVersionHistory(String workspace, String name, int version, Consumer<HistoryExportEntry> sink)
            throws ApiException {
        return server().exportVersionHistory(workspace, name, version, sink);
    }

    @Override
    public AttentionList attention(String workspace) throws ApiException {
        return server().attention(workspace);
    }

    @Override
    public CallerIdentity whoami() throws ApiException {
        return server().whoami();
    }

    @Override
    public DemoState getDemo() throws ApiException {
        return server().getDemo();
    }

    @Override
    public DemoState updateDemo(DemoState change) throws ApiException {
        return server().updateDemo(change);
    }

    @Override
    public int resetDemo() throws ApiException {
        return server().resetDemo();
    }

    @Override
    public boolean isHealthy() {
        try {
            return server().isHealthy();
        } catch (ApiException e) {
            return false;
        }
    }
}
