package io.modeldeploy.gui.list;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.testing.ForwardingDeploymentApiClient;
import io.modeldeploy.model.AttentionList;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.Pagination;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Answers the list in pages of {@link #pageSize} and getDeployment from memory (or fails), and
 * counts the calls.
 */
class FakeClient extends ForwardingDeploymentApiClient {

    List<ModelDeployment> deployments = new ArrayList<>();
    ApiException failure;
    /** Fails the pages after the first. */
    ApiException laterPagesFailure;
    int pageSize = FULL_PAGE_SIZE;
    int listCalls;
    int getCalls;
    String lastWorkspace;
    /** Whether the last complete list asked for every version (this fake answers {@link #deployments} either way). */
    boolean listedAllVersions;
    final List<Integer> historyLimits = new ArrayList<>();
    /** The server's stuck limits in seconds; null: a server without the attention extension (404). */
    Map<DeploymentStatus, Long> stuckAfterSeconds;

    FakeClient() {
        super(URI.create("http://127.0.0.1:9"));
    }

    @Override
    public ListPage<ModelDeployment> listFirstDeployments(String workspace, boolean allVersions)
            throws ApiException {
        listCalls++;
        listedAllVersions = allVersions;
        return listDeployments(workspace, 1, pageSize, 0);
    }

    @Override
    public ListPage<ModelDeployment> listDeployments(String workspace, int page, int size, int historyLimit)
            throws ApiException {
        lastWorkspace = workspace;
        historyLimits.add(historyLimit);
        if (failure != null) {
            throw failure;
        }
        if (page > 1 && laterPagesFailure != null) {
            throw laterPagesFailure;
        }
        List<ModelDeployment> all = List.copyOf(deployments);
        int from = Math.min(all.size(), (page - 1) * size);
        List<ModelDeployment> data = all.subList(from, Math.min(all.size(), from + size));
        return new ListPage<>(data, Pagination.of(page, size, data.size(), all.size()), "-updated_at");
    }

    @Override
    public List<ModelDeployment> listRemainingDeployments(String workspace, boolean allVersions,
                                                          ListPage<ModelDeployment> first) throws ApiException {
        List<ModelDeployment> rest = new ArrayList<>();
        for (int page = 2; page <= first.pagination().totalPages(); page++) {
            rest.addAll(listDeployments(workspace, page, first.pagination().pageSize(), 0).data());
        }
        return rest;
    }

    /** The stuck limits only (the console computes what needs attention itself), or 404 without them. */
    @Override
    public AttentionList attention(String workspace) throws ApiException {
        if (stuckAfterSeconds == null) {
            throw new ApiException(404, "Not Found", List.of());
        }
        return new AttentionList(List.of(), stuckAfterSeconds);
    }

    /** The latest version of a deployment among {@link #deployments}, or 404. */
    @Override
    public ModelDeployment getDeployment(String workspace, String name) throws ApiException {
        getCalls++;
        return deployments.stream()
                .filter(d -> d.workspace().equals(workspace) && d.name().equals(name))
                .max(Comparator.comparingInt(ModelDeployment::entityVersion))
                .orElseThrow(() -> new ApiException(404, "Deployment '" + workspace + "/" + name + "' not found",
                        List.of()));
    }
}
