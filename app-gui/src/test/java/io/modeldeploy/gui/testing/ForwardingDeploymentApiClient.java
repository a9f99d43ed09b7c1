package io.modeldeploy.gui.testing;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.api.DeploymentEventStream;
import io.modeldeploy.gui.api.HistoryExportQuery;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
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
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The base of test fakes: every call goes to a delegate unless a fake overrides it. The default
 * delegate is the HTTP client of {@code baseUrl}; with an address nobody listens on, what a fake
 * does not answer fails like an unreachable server. The interface's default methods
 * ({@code listAllDeployments}, the unconditional {@code updateStatus}) are not forwarded, so they
 * use what the fake overrides.
 */
public class ForwardingDeploymentApiClient implements DeploymentApiClient {

    private final DeploymentApiClient delegate;

    public ForwardingDeploymentApiClient(DeploymentApiClient delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    public ForwardingDeploymentApiClient(URI baseUrl) {
        this(new HttpDeploymentApiClient(baseUrl));
    }

    @Override
    public URI baseUrl() {
        return delegate.baseUrl();
    }

    @Override
    public boolean hasToken() {
        return delegate.hasToken();
    }

    @Override
    public DeploymentEventStream eventStream(Executor ui, DeploymentEventStream.Listener listener) {
        return delegate.eventStream(ui, listener);
    }

    @Override
    public ListPage<ModelDeployment> listDeployments(String workspace, int page, int pageSize) throws ApiException {
        return delegate.listDeployments(workspace, page, pageSize);
    }

    @Override
    public ListPage<ModelDeployment> listDeployments(String workspace, int page, int pageSize, int historyLimit)
            throws ApiException {
        return delegate.listDeployments(workspace, page, pageSize, historyLimit);
    }

    @Override
    public ListPage<ModelDeployment> listFirstDeployments(String workspace, boolean allVersions)
            throws ApiException {
        return delegate.listFirstDeployments(workspace, allVersions);
    }

    @Override
    public List<ModelDeployment> listRemainingDeployments(String workspace, boolean allVersions,
                                                          ListPage<ModelDeployment> first) throws ApiException {
        return delegate.listRemainingDeployments(workspace, allVersions, first);
    }

    @Override
    public ModelDeployment getDeployment(String workspace, String name) throws ApiException {
        return delegate.getDeployment(workspace, name);
    }

    @Override
    public List<ModelDeployment> listVersions(String workspace, String name) throws ApiException {
        return delegate.listVersions(workspace, name);
    }

    @Override
    public ModelDeployment getVersion(String workspace, String name, int version) throws ApiException {
        return delegate.getVersion(workspace, name, version);
    }

    @Override
    public ModelDeployment createDeployment(String workspace, CreateDeploymentRequest request) throws ApiException {
        return delegate.createDeployment(workspace, request);
    }

    @Override
    public ModelDeployment createVersion(String workspace, String name, NewVersionRequest request)
            throws ApiException {
        return delegate.createVersion(workspace, name, request);
    }

    @Override
    public ModelDeployment updateStatus(String workspace, String name, int version, StatusUpdateRequest request,
                                        String ifMatch) throws ApiException {
        return delegate.updateStatus(workspace, name, version, request, ifMatch);
    }

    @Override
    public StatusBatchResult changeStatuses(StatusBatchRequest request) throws ApiException {
        return delegate.changeStatuses(request);
    }

    @Override
    public Optional<ModelDeployment> deleteDeployment(String workspace, String name) throws ApiException {
        return delegate.deleteDeployment(workspace, name);
    }

    @Override
    public Optional<ModelDeployment> deleteVersion(String workspace, String name, int version) throws ApiException {
        return delegate.deleteVersion(workspace, name, version);
    }

    @Override
    public ListPage<StatusHistoryEntry> statusHistory(String workspace, String name, int version, int page,
                                                      int pageSize) throws ApiException {
        return delegate.statusHistory(workspace, name, version, page, pageSize);
    }

    @Override
    public AttentionList attention(String workspace) throws ApiException {
        return delegate.attention(workspace);
    }

    @Override
    public CallerIdentity whoami() throws ApiException {
        return delegate.whoami();
    }

    @Override
    public DemoState getDemo() throws ApiException {
        return delegate.getDemo();
    }

    @Override
    public DemoState updateDemo(DemoState change) throws ApiException {
        return delegate.updateDemo(change);
    }

    @Override
    public int resetDemo() throws ApiException {
        return delegate.resetDemo();
    }

    @Override
    public long exportHistory(HistoryExportQuery query, Consumer<HistoryExportEntry> sink) throws ApiException {
        return delegate.exportHistory(query, sink);
    }

    @Override
    public long exportVersionHistory(String workspace, String name, int version, Consumer<HistoryExportEntry> sink)
            throws ApiException {
        return delegate.exportVersionHistory(workspace, name, version, sink);
    }

    @Override
    public boolean isHealthy() {
        return delegate.isHealthy();
    }
}
