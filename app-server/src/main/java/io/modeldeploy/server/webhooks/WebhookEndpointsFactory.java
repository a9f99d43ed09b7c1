package io.modeldeploy.server.webhooks;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;

@Factory
class WebhookEndpointsFactory {

    /** Read at start-up (not at the first change), so a bad setting stops the server with its reason. */
    @Context
    WebhookEndpoints webhookEndpoints(@Value("${modeldeploy.webhooks:}") String setting) {
        return WebhookEndpoints.parse(setting);
    }
}
