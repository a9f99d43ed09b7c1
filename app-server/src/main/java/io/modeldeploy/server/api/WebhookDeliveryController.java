package io.modeldeploy.server.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.modeldeploy.model.ErrorBody;
import io.modeldeploy.model.Pagination;
import io.modeldeploy.model.ValidationErrorBody;
import io.modeldeploy.server.error.HttpErrorException;
import io.modeldeploy.server.security.AccessControlFilter;
import io.modeldeploy.server.security.Role;
import io.modeldeploy.server.webhooks.WebhookDelivery;
import io.modeldeploy.server.webhooks.WebhookDeliveryPage;
import io.modeldeploy.server.webhooks.WebhookDeliveryTable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Our extension: what the webhook outbox sent, is sending, or gave up on. */
@Controller("/apis/modeldeploy/v1/webhook-deliveries")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Webhooks")
public class WebhookDeliveryController {
    private final WebhookDeliveryTable deliveries;

    public WebhookDeliveryController(WebhookDeliveryTable deliveries) {
        this.deliveries = deliveries;
    }

    @Operation(summary = "Recent webhook deliveries",
            description = "Newest first, paginated: each delivery owed to a configured endpoint (MODELDEPLOY_WEBHOOKS)"
                    + " with its attempts, last error and the receiver's last HTTP status. Kept 7 days. Needs an"
                    + " editor token (the endpoints and errors are for whoever runs the server).",
            parameters = {
                @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1"),
                        description = "Page number, from 1 (default 1)"),
                @Parameter(name = "page_size", in = ParameterIn.QUERY,
                        schema = @Schema(type = "integer", minimum = "1", maximum = "1000"),
                        description = "Items per page (default 10)")})
    @ApiResponse(responseCode = "200", description = "A page of deliveries, newest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookDeliveryPage.class)))
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
    @ApiResponse(responseCode = "422", description = "page or page_size is not a number in its range",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ValidationErrorBody.class)))
    @Get
    public WebhookDeliveryPage recent(HttpRequest<?> request) {
        if (request.getAttribute(AccessControlFilter.ROLE, Role.class).filter(role -> !role.mayWrite()).isPresent()) {
            throw new HttpErrorException(HttpStatus.FORBIDDEN, "Forbidden: webhook deliveries need an editor token");
        }
        ValidationErrors errors = new ValidationErrors();
        int page = QueryValues.page(request.getParameters(), errors);
        int pageSize = QueryValues.pageSize(request.getParameters(), errors);
        errors.throwIfAny();
        long total = deliveries.count();
        List<WebhookDelivery> found = deliveries.recent((long) (page - 1) * pageSize, pageSize);
        return new WebhookDeliveryPage(found, Pagination.of(page, pageSize, found.size(), total));
    }
}
