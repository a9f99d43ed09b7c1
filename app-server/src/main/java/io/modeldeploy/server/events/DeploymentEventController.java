package io.modeldeploy.server.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.ErrorBody;
import io.modeldeploy.model.ValidationError;
import io.modeldeploy.model.ValidationErrorBody;
import io.modeldeploy.server.error.HttpErrorException;
import io.modeldeploy.server.error.RequestValidationException;
import io.modeldeploy.server.service.WorkspaceRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reactivestreams.Publisher;

import java.util.List;

/** Server-sent events: every committed change of deployments, live, resumable by event id. */
@Controller("/apis/models/v2/workspaces/{workspace}/deployment-events")
@Tag(name = "ModelDeployments")
public class DeploymentEventController {
    private final DeploymentEventBroadcaster broadcaster;
    private final WorkspaceRegistry workspaces;

    public DeploymentEventController(DeploymentEventBroadcaster broadcaster, WorkspaceRegistry workspaces) {
        this.broadcaster = broadcaster;
        this.workspaces = workspaces;
    }

    @Operation(summary = "Stream of deployment changes (text/event-stream)",
            description = "One event per committed change: created, status_changed, version_created, deleted, purged; "
                    + "id = event id (increasing in commit order), data = {event_id, type, workspace, name, "
                    + "entity_version, timestamp, deployment}. Send Last-Event-ID (header or ?last_event_id=) to "
                    + "receive exactly the events after it first. A 'heartbeat' event without id comes on connect "
                    + "and every 10 s. Workspace '-' streams every workspace. Events are kept for the server's event retention "
                    + "(default 7 days): resuming from further back gives a 'resync' event without id, data "
                    + "{last_event_id, reason}: reload, then follow on.")
    @ApiResponse(responseCode = "401", description = "No or an unknown access token where one is required",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "421", description = "Bound to loopback, the server answers only requests whose Host "
            + "names the loopback or MODELDEPLOY_ALLOWED_HOSTS",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "429", description = "Too many failed authentications from this address (tokens "
            + "are not checked until Retry-After has passed), or the server already serves its limit of concurrent "
            + "event streams (modeldeploy.events.max-streams, default 1000): retry after Retry-After",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Retry-After",
                    description = "Seconds to wait before trying again", schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "No such workspace",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "414", description = "The request line is longer than 16 KB",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "422", description = "Last-Event-ID or last_event_id is not a whole number of 0 or more",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ValidationErrorBody.class)))
    @ApiResponse(responseCode = "503", description = "The database is unavailable; retry later",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Publisher<Event<String>> stream(String workspace,
                                           @Header("Last-Event-ID") @Nullable String lastEventIdHeader,
                                           @QueryValue("last_event_id") @Nullable String lastEventIdQuery) {
        boolean all = ApiLimits.ALL_WORKSPACES.equals(workspace);
        if (!all && !workspaces.exists(workspace)) {
            throw HttpErrorException.notFound("Workspace '" + workspace + "' not found");
        }
        Long afterId = parseEventId(lastEventIdHeader, List.of("header", "Last-Event-ID"));
        if (afterId == null) {
            afterId = parseEventId(lastEventIdQuery, List.of("query", "last_event_id"));
        }
        return broadcaster.subscribe(all ? null : workspace, afterId);
    }

    /** Null when absent; a whole number of 0 or more otherwise. */
    private static Long parseEventId(String raw, List<Object> loc) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(raw.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new RequestValidationException(new ValidationError("int_parsing", loc,
                "Input should be an event id: a whole number, 0 or more", raw, null));
    }
}
