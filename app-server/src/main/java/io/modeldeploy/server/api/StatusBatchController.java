package io.modeldeploy.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.modeldeploy.model.BatchErrorBody;
import io.modeldeploy.model.ErrorBody;
import io.modeldeploy.model.StatusBatchRequest;
import io.modeldeploy.model.StatusBatchResult;
import io.modeldeploy.model.StatusUpdateRequest;
import io.modeldeploy.model.ValidationErrorBody;
import io.modeldeploy.server.service.Caller;
import io.modeldeploy.server.service.EntityTagCondition;
import io.modeldeploy.server.service.StatusChange;
import io.modeldeploy.server.service.StatusUpdateCommitter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Our extension for fleet operations: one status for many deployment versions, all or none. */
@Controller("/apis/modeldeploy/v1/status-batches")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Fleet operations")
public class StatusBatchController {
    private final StatusUpdateCommitter statusUpdates;
    private final JsonRequestReader requests;

    public StatusBatchController(StatusUpdateCommitter statusUpdates, JsonRequestReader requests) {
        this.statusUpdates = statusUpdates;
        this.requests = requests;
    }

    @Operation(summary = "Change the status of many deployment versions at once",
            description = "Sets status, status_message (missing: \"\") and optionally model_provider_id of 1 to 1000 "
                    + "targets {workspace, name, version?, if_match?} (no version: the latest) in one transaction: all "
                    + "change or none does. Each target is changed as a single status update would change it (its "
                    + "history entry and event; a target already in that state writes nothing). The first target "
                    + "refused makes the whole batch fail with its index in 'target'. Editor role required.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatusBatchRequest.class))))
    @ApiResponse(responseCode = "200", description = "Every target changed (or already in that state), in target order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatusBatchResult.class)))
    @ApiResponse(responseCode = "401", description = "No token, an unknown one, or not a bearer token, where one is needed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "421", description = "Bound to loopback, the server answers only requests whose Host "
            + "names the loopback or MODELDEPLOY_ALLOWED_HOSTS",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "429", description = "Too many failed authentications from this address: "
            + "tokens are not checked until Retry-After has passed",
            headers = @Header(name = "Retry-After", description = "Seconds until a token is checked again",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "The token is a viewer's",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "A target's deployment or version does not exist; nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "A target refuses the status (DELETING accepts only DELETED); "
            + "nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchErrorBody.class)))
    @ApiResponse(responseCode = "412", description = "A target changed since its if_match; the detail says how; "
            + "nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchErrorBody.class)))
    @ApiResponse(responseCode = "422", description = "Invalid fields (loc points into targets, e.g. "
            + "[\"body\", \"targets\", 3, \"name\"]), no targets or more than 1000, or a target repeating an earlier one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ValidationErrorBody.class)))
    @ApiResponse(responseCode = "503", description = "The database is not available at the moment, or the server is "
            + "shutting down, or the built-in database's disk is full; nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public StatusBatchResult applyStatusBatch(@Body @Nullable byte[] body, HttpRequest<?> request) {
        StatusBatchRequest batch = requests.statusBatch(body, JsonRequestReader.contentType(request));
        StatusUpdateRequest update = new StatusUpdateRequest(batch.status(), batch.statusMessage(),
                batch.modelProviderId());
        Caller caller = DeploymentController.caller(request);
        List<StatusChange> changes = batch.targets().stream()
                .map(target -> new StatusChange(target.workspace(), target.name(), target.version(), update,
                        EntityTagCondition.ifMatch(target.ifMatch()), caller))
                .toList();
        return new StatusBatchResult(statusUpdates.applyAtomically(changes));
    }
}
