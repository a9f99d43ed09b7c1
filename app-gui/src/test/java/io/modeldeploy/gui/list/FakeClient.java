package io.modeldeploy.gui.list;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.model.ModelDeployment;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Answers listAllDeployments from memory (or fails), and counts the calls. */
class FakeClient extends DeploymentApiClient {

    List<ModelDeployment> deployments = new ArrayList<>();
    ApiException failure;
    int listCalls;
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
}
