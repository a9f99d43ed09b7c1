package io.modeldeploy.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.modeldeploy.model.ApiHeaders;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.ErrorBody;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.ModelsPlaceholder;
import io.modeldeploy.model.NewVersionRequest;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.model.StatusUpdateRequest;
import io.modeldeploy.model.ValidationErrorBody;
import io.modeldeploy.model.constraints.WorkspaceName;
import io.modeldeploy.server.security.AccessControlFilter;
import io.modeldeploy.server.service.AttentionService;
import io.modeldeploy.server.service.Caller;
import io.modeldeploy.server.service.DeploymentService;
import io.modeldeploy.server.service.EntityTagCondition;
import io.modeldeploy.server.service.HistoryExport;
import io.modeldeploy.server.service.HistoryExportFormat;
import io.modeldeploy.server.service.StatusChange;
import io.modeldeploy.server.service.StatusUpdateCommitter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import reactor.core.publisher.Flux;

import java.util.List;
import java.util.Optional;

/** The NeMo ModelDeployment API, under {@code /apis/models/v2/workspaces/{workspace}/deployments}. */
@Controller("/apis/models/v2/workspaces/{workspace}/deployments")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "ModelDeployments")
@ApiResponse(responseCode = "400", description = "A version that is not a positive integer, an unknown filter field",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "401", description = "No or an unknown access token where one is required",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "421", description = "Bound to loopback, the server answers only requests whose Host "
        + "names the loopback or MODELDEPLOY_ALLOWED_HOSTS",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "429", description = "Too many failed authentications from this address: "
        + "tokens are not checked until Retry-After has passed",
        headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Retry-After",
                description = "Seconds until a token is checked again",
                schema = @Schema(type = "integer")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "403", description = "The token's role may not do this",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "404", description = "No such workspace, deployment or version (a path holding the NUL character names none)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "409", description = "A concurrent change or a status transition that is not allowed",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "413", description = "The body is larger than the server accepts",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "414", description = "The request line is longer than 32 KB",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "422", description = "The body (also one sent with a Content-Type other than JSON, as "
        + "FastAPI answers it), a path segment or a query parameter is not valid",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ValidationErrorBody.class)))
@ApiResponse(responseCode = "431", description = "The request's headers are larger than the server accepts",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "503", description = "The database is unavailable, or (writes) the built-in database's disk is "
        + "full; nothing changed, retry after Retry-After",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
public class DeploymentController {
    private final DeploymentService deployments;
    private final StatusUpdateCommitter statusUpdates;
    private final JsonRequestReader requests;
    private final JsonMapper jsonMapper;
    private final AttentionService attention;
    private final HistoryExport export;

    public DeploymentController(DeploymentService deployments, StatusUpdateCommitter statusUpdates,
                                JsonRequestReader requests, JsonMapper jsonMapper, AttentionService attention,
                                HistoryExport export) {
        this.export = export;
        this.deployments = deployments;
        this.statusUpdates = statusUpdates;
        this.requests = requests;
        this.jsonMapper = jsonMapper;
        this.attention = attention;
    }

    @Operation(summary = "List ModelDeployments",
            description = "The latest version of each deployment (all versions with all_versions=true). Workspace '-' "
                    + "lists every workspace. Filters: filter[workspace|status|name|config|project|model_provider_id|"
                    + "status_message] with $eq, $like, $in, $nin; filter[created_at|updated_at] with $gte, $lte. "
                    + "Sort by created_at, updated_at, name or status, '-' for descending. history_limit (0..100, "
                    + "default 100) caps the history entries embedded per deployment. filter[attention]=true keeps "
                    + "only the latest versions that need attention (see GET /apis/modeldeploy/v1/attention).",
            parameters = {
                @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1"),
                        description = "Page number, from 1 (default 1)"),
                @Parameter(name = "page_size", in = ParameterIn.QUERY,
                        schema = @Schema(type = "integer", minimum = "1", maximum = "1000"),
                        description = "Items per page (default 10)"),
                @Parameter(name = "sort", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
                        description = "created_at, updated_at, name or status; '-' first for descending"),
                @Parameter(name = "all_versions", in = ParameterIn.QUERY, schema = @Schema(type = "boolean"),
                        description = "true: every version, not only the latest of each deployment"),
                @Parameter(name = "history_limit", in = ParameterIn.QUERY,
                        schema = @Schema(type = "integer", minimum = "0", maximum = "100"),
                        description = "History entries embedded per deployment (default 100)"),
                @Parameter(name = "filter[attention]", in = ParameterIn.QUERY,
                        schema = @Schema(type = "boolean"),
                        description = "true: only the latest versions in ERROR or LOST, or longer in their status "
                                + "than its stuck limit; false: no filter. Other values are a 422.")})
    @ApiResponse(responseCode = "422", description = "A query parameter or filter value is not valid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ValidationErrorBody.class)))
    @Get
    public ListPage<ModelDeployment> list(String workspace, HttpRequest<?> request) {
        ListRequest list = ListRequest.parse(workspace, request.getParameters(), jsonMapper, attention::restrict);
        return deployments.list(workspace, list.query(), list.page(), list.pageSize(), list.sort(), list.historyLimit());
    }

    @Operation(summary = "Create ModelDeployment", description = "Creates version 1, status CREATED.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreateDeploymentRequest.class))))
    @ApiResponse(responseCode = "201", description = "Version 1, status CREATED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelDeployment.class)))
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<ModelDeployment> create(@WorkspaceName String workspace, @Body @Nullable byte[] body,
                                                HttpRequest<?> request) {
        CreateDeploymentRequest create = requests.create(body, JsonRequestReader.contentType(request));
        return tagged(HttpResponse.created(deployments.create(workspace, create, caller(request))));
    }

    @Operation(summary = "Get Latest ModelDeployment")
    @Get("/{name}")
    public HttpResponse<ModelDeployment> getLatest(String workspace, String name) {
        return tagged(HttpResponse.ok(deployments.getLatest(workspace, name)));
    }

    @Operation(summary = "Update ModelDeployment (creates a new version)",
            description = "Creates version N+1 with the given config, status PENDING.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NewVersionRequest.class))))
    @ApiResponse(responseCode = "201", description = "The new version, status PENDING",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelDeployment.class)))
    @Post("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<ModelDeployment> createVersion(String workspace, String name, @Body @Nullable byte[] body,
                                                       HttpRequest<?> request) {
        return tagged(HttpResponse.created(
                deployments.createVersion(workspace, name, requests.newVersion(body, JsonRequestReader.contentType(request)),
                        caller(request))));
    }

    @Operation(summary = "Delete All ModelDeployment Versions",
            description = "202 with the latest version after marking every version not yet DELETED as DELETING; "
                    + "204 when every version was already DELETED and they were removed.")
    @ApiResponse(responseCode = "202", description = "Marked DELETING", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelDeployment.class)))
    @ApiResponse(responseCode = "204", description = "Was already DELETED and is removed")
    @Delete("/{name}")
    public HttpResponse<ModelDeployment> delete(String workspace, String name,
                                                HttpRequest<?> request) {
        return deleted(deployments.delete(workspace, name, caller(request)));
    }

    @Operation(summary = "List ModelDeployment Versions", description = "Every version, newest first.")
    @Get("/{name}/versions")
    public List<ModelDeployment> listVersions(String workspace, String name) {
        return deployments.listVersions(workspace, name);
    }

    @Operation(summary = "Get Specific ModelDeployment Version")
    @Get("/{deployment}/versions/{name}")
    public HttpResponse<ModelDeployment> getVersion(String workspace, String deployment,
                                                    @Parameter(description = "The version number") String name) {
        return tagged(HttpResponse.ok(deployments.getVersion(workspace, deployment,
                QueryValues.versionSegment(name, workspace, deployment))));
    }

    @Operation(summary = "Delete Specific ModelDeployment Version",
            description = "202 with the version marked DELETING; 204 when it was already DELETED and was removed.")
    @ApiResponse(responseCode = "202", description = "Marked DELETING", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelDeployment.class)))
    @ApiResponse(responseCode = "204", description = "Was already DELETED and is removed")
    @Delete("/{deployment}/versions/{name}")
    public HttpResponse<ModelDeployment> deleteVersion(String workspace, String deployment,
                                                       @Parameter(description = "The version number") String name,
                                                       HttpRequest<?> request) {
        return deleted(deployments.deleteVersion(workspace, deployment, QueryValues.versionSegment(name, workspace, deployment),
                caller(request)));
    }

    @Operation(summary = "Update ModelDeployment Status",
            description = "Sets status, status_message and optionally model_provider_id of the latest version, or of "
                    + "?version=N. A request that changes nothing writes nothing. DELETING accepts only DELETED (409).",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatusUpdateRequest.class))))
    @ApiResponse(responseCode = "412", description = "If-Match names an entity version that is no longer current; "
            + "the body is the version as it is now", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelDeployment.class)))
    @Patch("/{name}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<ModelDeployment> patchStatus(String workspace, String name,
                                                     @QueryValue @Nullable String version, @Body @Nullable byte[] body,
                                                     HttpRequest<?> request,
                                                     @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        return updateStatus(workspace, name, version, body, request, ifMatch);
    }

    @Operation(summary = "Update ModelDeployment Status (NeMo-compatible POST)",
            description = "Identical to PATCH on the same path.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatusUpdateRequest.class))))
    @ApiResponse(responseCode = "412", description = "If-Match names an entity version that is no longer current; "
            + "the body is the version as it is now", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelDeployment.class)))
    @Post("/{name}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<ModelDeployment> postStatus(String workspace, String name,
                                                     @QueryValue @Nullable String version, @Body @Nullable byte[] body,
                                                     HttpRequest<?> request,
                                                     @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        return updateStatus(workspace, name, version, body, request, ifMatch);
    }

    @Operation(summary = "Status history of one version",
            description = "The whole history, oldest first, paginated (the resource itself carries the newest 100). "
                    + "With Accept: text/csv or application/x-ndjson the whole history of the version, unpaged and "
                    + "streamed, as rows or objects of workspace, name, version, timestamp, status, status_message, "
                    + "model_provider_id, actor, source (as GET /apis/modeldeploy/v1/history-export writes them).",
            parameters = {
                @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1"),
                        description = "Page number, from 1 (default 1); not for CSV or NDJSON"),
                @Parameter(name = "page_size", in = ParameterIn.QUERY,
                        schema = @Schema(type = "integer", minimum = "1", maximum = "1000"),
                        description = "Items per page (default 10); not for CSV or NDJSON")})
    @Get("/{name}/status-history")
    public HttpResponse<ListPage<StatusHistoryEntry>> statusHistory(String workspace, String name,
                                                                    @QueryValue @Nullable String version,
                                                                    HttpRequest<?> request) {
        ValidationErrors errors = new ValidationErrors();
        int page = QueryValues.page(request.getParameters(), errors);
        int pageSize = QueryValues.pageSize(request.getParameters(), errors);
        errors.throwIfAny();
        return HttpResponse.ok(deployments.history(workspace, name, QueryValues.version(version, workspace, name), page,
                pageSize)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    @Operation(summary = "Status history of one version", operationId = "statusHistory")
    @ApiResponse(responseCode = "200", description = "A page of the history (JSON), or all of it (CSV, NDJSON)",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = HttpHeaders.CONTENT_DISPOSITION,
                    description = "For CSV and NDJSON: attachment with a file name", schema = @Schema(type = "string")),
            content = {
                @Content(mediaType = HistoryExportController.CSV, schema = @Schema(type = "string",
                        description = "Header row workspace,name,version,timestamp,status,status_message,"
                                + "model_provider_id,actor,source, then one row per entry")),
                // one HistoryExportEntry object per line; no schema, since an empty export has no body
                @Content(mediaType = HistoryExportController.NDJSON)})
    @Get(uri = "/{name}/status-history", produces = {HistoryExportController.CSV, HistoryExportController.NDJSON})
    public HttpResponse<Flux<byte[]>> statusHistoryExport(String workspace, String name,
                                                          @QueryValue @Nullable String version,
                                                          HttpRequest<?> request) {
        HistoryExportFormat format = ExportMediaTypes.of(request);
        HistoryExport.Stream stream = export.version(workspace, name, QueryValues.version(version, workspace, name),
                format);
        return ExportMediaTypes.attachment(HttpResponse.ok(stream.chunks()).contentType(format.contentType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT), stream.fileName(), format);
    }

    @Operation(summary = "Models served by a deployment (placeholder, as in NeMo)")
    @Get("/{name}/models")
    public ModelsPlaceholder models(String workspace, String name) {
        deployments.getLatest(workspace, name);
        return new ModelsPlaceholder(workspace, name, List.of());
    }

    private HttpResponse<ModelDeployment> updateStatus(String workspace, String name, String version, byte[] body,
                                                       HttpRequest<?> request, String ifMatch) {
        StatusUpdateRequest update = requests.statusUpdate(body, JsonRequestReader.contentType(request));
        Integer selectedVersion = QueryValues.version(version, workspace, name);
        return tagged(HttpResponse.ok(statusUpdates.apply(new StatusChange(workspace, name, selectedVersion, update,
                EntityTagCondition.ifMatch(ifMatch), caller(request)))));
    }

    private static HttpResponse<ModelDeployment> deleted(Optional<ModelDeployment> result) {
        return result.map(d -> tagged(HttpResponse.accepted().body(d)))
                .orElseGet(HttpResponse::noContent);
    }

    /** Every answer that is one deployment version carries its entity tag. */
    private static HttpResponse<ModelDeployment> tagged(MutableHttpResponse<ModelDeployment> response) {
        response.getBody().ifPresent(deployment -> response.header(HttpHeaders.ETAG, deployment.etag()));
        return response;
    }

    /** The token's name (set by the access filter), or anonymous; the source from the console's header. */
    static Caller caller(HttpRequest<?> request) {
        String actor = request.getAttribute(AccessControlFilter.PRINCIPAL, String.class).orElse(Caller.ANONYMOUS);
        return new Caller(actor, ChangeSource.fromHeader(request.getHeaders().get(ApiHeaders.SOURCE)));
    }
}
