package io.modeldeploy.server.demo;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.modeldeploy.model.DemoState;
import io.modeldeploy.server.api.JsonRequestReader;
import io.modeldeploy.server.error.HttpErrorException;
import io.modeldeploy.model.ErrorBody;
import io.modeldeploy.model.ValidationErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Duration;
import java.util.Map;

/** Our extension for demos: see and steer the demo controller, and reset the demo data. */
@Controller("/apis/modeldeploy/v1/demo")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Demo")
@ApiResponse(responseCode = "401", description = "No or an unknown access token where one is required",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "421", description = "Bound to loopback, the server answers only requests whose Host "
        + "names the loopback or MODELDEPLOY_ALLOWED_HOSTS",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "429", description = "Too many failed authentications from this address: "
        + "tokens are not checked until Retry-After has passed",
        headers = @Header(name = "Retry-After", description = "Seconds until a token is checked again",
                schema = @Schema(type = "integer")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "403", description = "A viewer token may not steer the demo",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "409", description = "Demo mode is off",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "422", description = "The body is not valid (also one sent with a Content-Type other "
        + "than JSON)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ValidationErrorBody.class)))
@ApiResponse(responseCode = "503", description = "The database is unavailable, or (writes) the built-in database's disk is "
        + "full; nothing changed, retry after Retry-After",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
public class DemoApiController {
    private final DemoSettings settings;
    private final DemoDataService demoData;
    private final JsonRequestReader requests;

    public DemoApiController(DemoSettings settings, DemoDataService demoData, JsonRequestReader requests) {
        this.settings = settings;
        this.demoData = demoData;
        this.requests = requests;
    }

    @Operation(summary = "Demo mode and its controller")
    @Get
    public DemoState state() {
        return new DemoState(settings.enabled(), settings.running(), settings.pace().toMillis() / 1000.0);
    }

    @Operation(summary = "Start or stop the demo controller, or change its pace",
            description = "Body {\"running\": true|false, \"pace_seconds\": 0.05..60}; absent fields stay. 409 outside demo mode.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DemoState.class))))
    @Put
    @Consumes(MediaType.APPLICATION_JSON)
    public DemoState update(@Body @Nullable byte[] body, HttpRequest<?> request) {
        DemoState change = requests.demoState(body, JsonRequestReader.contentType(request));
        requireDemoMode();
        if (change.paceSeconds() != null) {
            settings.setPace(Duration.ofMillis(Math.round(change.paceSeconds() * 1000)));
        }
        if (change.running() != null) {
            settings.setRunning(change.running());
        }
        return state();
    }

    @Operation(summary = "Replace every deployment with the demo fleet", description = "409 outside demo mode.")
    @Post("/reset")
    public Map<String, Integer> reset() {
        requireDemoMode();
        return Map.of("deployments", demoData.reset());
    }

    private void requireDemoMode() {
        if (!settings.enabled()) {
            throw HttpErrorException.conflict("Demo mode is off: start the server with --demo (or the console without --no-demo)");
        }
    }
}
