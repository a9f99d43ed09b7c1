package io.modeldeploy.server.service;

import io.modeldeploy.model.ChangeSource;

/** Who makes a change and through what: recorded with every history entry. */
public record Caller(String actor, ChangeSource source) {

    /** A loopback caller without a token (allowed unless --require-auth). */
    public static final String ANONYMOUS = "anonymous";
}
