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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Duration;
import java.util.Map;

/** Our extension for demos: see and steer the demo controller, and reset the demo data. */
@Controller("/apis/modeldeploy/v1/demo")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Demo")
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
            description = "Body {\"running\": true|false, \"pace_seconds\": 0.05..60}; absent fields stay. 409 outside demo mode.")
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
