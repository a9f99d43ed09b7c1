package io.modeldeploy.server.service;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;

@Factory
class StuckLimitsFactory {

    /** Read at start-up (not at the first request), so a bad setting stops the server with its reason. */
    @Context
    StuckLimits stuckLimits(@Value("${modeldeploy.stuck-after:" + StuckLimits.DEFAULT + "}") String setting) {
        return StuckLimits.parse(setting);
    }
}
