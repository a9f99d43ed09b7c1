package io.modeldeploy.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.AttentionList;
import io.modeldeploy.model.ErrorBody;
import io.modeldeploy.model.FieldRule;
import io.modeldeploy.model.ValidationErrorBody;
import io.modeldeploy.server.error.PydanticErrors;
import io.modeldeploy.server.service.AttentionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Our extension: what needs attention, the same for every console and script. */
@Controller("/apis/modeldeploy/v1/attention")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Attention")
public class AttentionController {
    private final AttentionService attention;

    public AttentionController(AttentionService attention) {
        this.attention = attention;
    }

    @Operation(summary = "What needs attention",
            description = "The latest versions that need attention, longest waiting first: reason error (in ERROR), "
                    + "lost (in LOST) or stuck (longer in its status than that status's limit); since = when the "
                    + "current status began (status_since); deployment without its history. stuck_after_seconds are "
                    + "the server's limits per status (MODELDEPLOY_STUCK_AFTER / --stuck-after; a status without one "
                    + "is never stuck). Readable with a viewer token.")
    @ApiResponse(responseCode = "200", description = "What needs attention",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttentionList.class)))
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
    @ApiResponse(responseCode = "422", description = "workspace is not a workspace name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ValidationErrorBody.class)))
    @Get
    public AttentionList attention(@Parameter(description = "A workspace, or - (the default) for every workspace")
                                   @QueryValue @Nullable String workspace) {
        String selected = workspace == null || workspace.isEmpty() ? ApiLimits.ALL_WORKSPACES : workspace;
        if (!ApiLimits.ALL_WORKSPACES.equals(selected)) {
            FieldRule.WORKSPACE.check(selected).ifPresent(violation -> {
                ValidationErrors errors = new ValidationErrors();
                errors.add(PydanticErrors.of(FieldRule.WORKSPACE, violation, List.of("query", "workspace"), selected));
                errors.throwIfAny();
            });
        }
        return attention.list(selected);
    }
}
