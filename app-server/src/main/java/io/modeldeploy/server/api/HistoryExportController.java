package io.modeldeploy.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ErrorBody;
import io.modeldeploy.model.FieldRule;
import io.modeldeploy.model.HistoryExportEntry;
import io.modeldeploy.model.ValidationErrorBody;
import io.modeldeploy.server.error.PydanticErrors;
import io.modeldeploy.server.service.HistoryExport;
import io.modeldeploy.server.service.HistoryExportFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Our extension: the status history of the fleet, for audits, streamed as JSON, CSV or NDJSON. */
@Controller("/apis/modeldeploy/v1/history-export")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "History export")
public class HistoryExportController {
    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    private final HistoryExport export;

    public HistoryExportController(HistoryExport export) {
        this.export = export;
    }

    @Operation(summary = "Export the status history of the fleet", operationId = "historyExport",
            description = "Every status-history entry (workspace, name, version, timestamp, status, status_message, "
                    + "model_provider_id, actor, source) of every deployment version, or of one workspace's, ordered by "
                    + "timestamp, then entry id; streamed from the database, without a total count. The format "
                    + "follows Accept: application/json (also without Accept, or */*) a JSON array; text/csv a header "
                    + "row and one row per entry (RFC 4180, UTF-8; a cell beginning with =, +, -, @, tab or CR gets a "
                    + "leading apostrophe so that spreadsheets show it as text); application/x-ndjson one JSON object "
                    + "per line. Entries recorded after the export began are not in it. Readable with a viewer token.",
            parameters = @Parameter(name = "status", in = ParameterIn.QUERY,
                    description = "Only entries that set one of these statuses (UNKNOWN, CREATED, PENDING, READY, "
                            + "ERROR, DELETING, DELETED, LOST): repeated, comma-separated, or both; absent: every status",
                    array = @ArraySchema(schema = @Schema(type = "string"))))
    @ApiResponse(responseCode = "200", description = "The entries, oldest first",
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "For CSV and NDJSON: attachment "
                    + "with a file name", schema = @Schema(type = "string")),
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON,
                        array = @ArraySchema(schema = @Schema(implementation = HistoryExportEntry.class))),
                @Content(mediaType = CSV, schema = @Schema(type = "string",
                        description = "Header row workspace,name,version,timestamp,status,status_message,"
                                + "model_provider_id,actor,source, then one row per entry")),
                // one HistoryExportEntry object per line; no schema, since an empty export has no body
                @Content(mediaType = NDJSON)})
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
    @ApiResponse(responseCode = "404", description = "No such workspace",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "414", description = "The request line is longer than 32 KB",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "422", description = "workspace is not a workspace name; since or until is not a "
            + "date-time, or since is after until; status names no status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ValidationErrorBody.class)))
    @ApiResponse(responseCode = "503", description = "The database is unavailable; retry later",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @Get(produces = {MediaType.APPLICATION_JSON, CSV, NDJSON})
    public HttpResponse<Flux<byte[]>> export(
            @Parameter(description = "A workspace, or - (the default) for every workspace")
            @QueryValue @Nullable String workspace,
            @Parameter(description = "Entries from this time on (inclusive): an ISO-8601 date-time such as "
                    + "2026-12-01T00:00:00Z; without an offset it is UTC; a date alone is its midnight (UTC)")
            @QueryValue @Nullable String since,
            @Parameter(description = "Entries before this time (exclusive), written like since")
            @QueryValue @Nullable String until,
            HttpRequest<?> request) {
        ValidationErrors errors = new ValidationErrors();
        String selected = workspace == null || workspace.isEmpty() ? ApiLimits.ALL_WORKSPACES : workspace;
        if (!ApiLimits.ALL_WORKSPACES.equals(selected)) {
            FieldRule.WORKSPACE.check(selected).ifPresent(violation -> errors.add(
                    PydanticErrors.of(FieldRule.WORKSPACE, violation, List.of("query", "workspace"), selected)));
        }
        Instant from = QueryDateTimes.parse(since, "since", errors);
        Instant to = QueryDateTimes.parse(until, "until", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add("value_error", List.of("query", "until"), "Value error, until (" + to + ") is before since ("
                    + from + "): the range holds no time", until, Map.of());
        }
        Set<DeploymentStatus> statuses = statuses(request.getParameters().getAll("status"), errors);
        errors.throwIfAny();
        HistoryExportFormat format = ExportMediaTypes.of(request);
        HistoryExport.Stream stream = export.fleet(selected, from, to, statuses, format);
        MutableHttpResponse<Flux<byte[]>> response = HttpResponse.ok(stream.chunks())
                .contentType(format.contentType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        return format == HistoryExportFormat.JSON ? response
                : ExportMediaTypes.attachment(response, stream.fileName(), format);
    }

    /** Repeated or comma-separated status names; each must be a status as the API spells it. */
    private static Set<DeploymentStatus> statuses(List<String> raw, ValidationErrors errors) {
        Set<DeploymentStatus> statuses = EnumSet.noneOf(DeploymentStatus.class);
        int index = 0;
        for (String value : raw) {
            for (String name : value.split(",", -1)) {
                String status = name.strip();
                if (status.isEmpty() && value.isBlank()) {
                    continue;
                }
                try {
                    statuses.add(DeploymentStatus.valueOf(status));
                } catch (IllegalArgumentException e) {
                    errors.add("enum", List.of("query", "status", index), "Input should be "
                            + JsonRequestReader.STATUS_CHOICES, status, Map.of("expected", JsonRequestReader.STATUS_CHOICES));
                }
                index++;
            }
        }
        return statuses;
    }
}
