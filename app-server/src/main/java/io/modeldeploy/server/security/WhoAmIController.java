package io.modeldeploy.server.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.modeldeploy.model.CallerIdentity;
import io.modeldeploy.model.ErrorBody;
import io.modeldeploy.server.service.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Locale;

/**
 * Our extension for clients that adapt to the caller: who the server takes them for. A loopback
 * caller without a token (allowed unless --require-auth) is {@code anonymous} and may write.
 */
@Controller("/apis/modeldeploy/v1/whoami")
@Tag(name = "Access")
public class WhoAmIController {

    @Operation(summary = "The caller's name and role",
            description = "name is what the history records as actor; role is viewer or editor; can_write says "
                    + "whether creates, status updates and deletes are allowed (a viewer gets 403 for them).")
    @ApiResponse(responseCode = "200", description = "The caller",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallerIdentity.class)))
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
    @Get
    public CallerIdentity whoami(HttpRequest<?> request) {
        String name = request.getAttribute(AccessControlFilter.PRINCIPAL, String.class).orElse(Caller.ANONYMOUS);
        Role role = request.getAttribute(AccessControlFilter.ROLE, Role.class).orElse(Role.EDITOR);
        return new CallerIdentity(name, role.name().toLowerCase(Locale.ROOT), role.mayWrite());
    }
}
