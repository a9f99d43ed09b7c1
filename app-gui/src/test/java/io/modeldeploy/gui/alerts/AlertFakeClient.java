package io.modeldeploy.gui.alerts;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.testing.ForwardingDeploymentApiClient;
import io.modeldeploy.model.AttentionList;
import io.modeldeploy.model.CallerIdentity;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.Pagination;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The fleet from memory in one page, the server's stuck limits, and no whoami. */
final class AlertFakeClient extends ForwardingDeploymentApiClient {

    final List<ModelDeployment> deployments = new ArrayList<>();
    Map<DeploymentStatus, Long> stuckAfterSeconds = Map.of();

    AlertFakeClient() {
        super(URI.create("http://127.0.0.1:9"));
    }

    @Override
    public ListPage<ModelDeployment> listFirstDeployments(String workspace, boolean allVersions) {
        List<ModelDeployment> all = List.copyOf(deployments);
        return new ListPage<>(all, Pagination.of(1, Math.max(1, all.size()), all.size(), all.size()), "-updated_at");
    }

    @Override
    public AttentionList attention(String workspace) {
        return new AttentionList(List.of(), stuckAfterSeconds);
    }

    @Override
    public CallerIdentity whoami() throws ApiException {
        throw new ApiException(404, "Not Found", List.of());
    }
}
