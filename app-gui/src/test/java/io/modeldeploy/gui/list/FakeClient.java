package io.modeldeploy.gui.list;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.model.ModelDeployment;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Answers listAllDeployments and getDeployment from memory (or fails), and counts the calls. */
class FakeClient extends DeploymentApiClient {

    List<ModelDeployment> deployments = new ArrayList<>();
    ApiException failure;
    int listCalls;
    int getCalls;
    String lastWorkspace;

    FakeClient() {
        super(URI.create("http://127.0.0.1:9"));
    }

    @Override
    public List<ModelDeployment> listAllDeployments(String workspace) throws ApiException {
        listCalls++;
        lastWorkspace = workspace;
        if (failure != null) {
            throw failure;
        }
        return List.copyOf(deployments);
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
