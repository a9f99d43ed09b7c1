package io.modeldeploy.server.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.modeldeploy.model.Pagination;

import java.util.List;

/**
 * A page of {@code GET /apis/modeldeploy/v1/webhook-deliveries}, newest first. Its own type rather
 * than a {@code ListPage<WebhookDelivery>}: the OpenAPI document then describes each delivery's fields.
 * An empty page is sent as {@code "data": []}, not left out.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookDeliveryPage(
        @JsonProperty("data") List<WebhookDelivery> data,
        @JsonProperty("pagination") Pagination pagination) {
}
