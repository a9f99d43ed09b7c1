package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.testing.ForwardingDeploymentApiClient;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.NewVersionRequest;
import io.modeldeploy.model.StatusBatchRequest;
import io.modeldeploy.model.StatusBatchResult;

import java.net.URI;

/** Records what the dialogs send and answers with a prepared deployment or failure. */
class RecordingClient extends ForwardingDeploymentApiClient {

    String workspace;
    String name;
    CreateDeploymentRequest createRequest;
    NewVersionRequest versionRequest;
    final java.util.List<StatusBatchRequest> batchRequests = new java.util.ArrayList<>();
    StatusBatchResult batchAnswer;
    ModelDeployment answer;
    ApiException failure;
    int calls;

    RecordingClient() {
        super(URI.create("http://127.0.0.1:9"));
    }

    @Override
    public ModelDeployment createDeployment(String workspace, CreateDeploymentRequest request) throws ApiException {
        calls++;
        this.workspace = workspace;
        this.createRequest = request;
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    @Override
    public ModelDeployment createVersion(String workspace, String name, NewVersionRequest request)
            throws ApiException {
        calls++;
        this.workspace = workspace;
        this.name = name;
        this.versionRequest = request;
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    @Override
    public StatusBatchResult changeStatuses(StatusBatchRequest request) throws ApiException {
        calls++;
        batchRequests.add(request);
        if (failure != null) {
            throw failure;
        }
        return batchAnswer;
    }
}
