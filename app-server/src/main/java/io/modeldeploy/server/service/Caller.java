package io.modeldeploy.server.service;

import io.modeldeploy.model.ChangeSource;

/** Who makes a change and through what: recorded with every history entry. */
public record Caller(String actor, ChangeSource source) {

    /** Until access control exists every caller is anonymous. */
    public static final String ANONYMOUS = "anonymous";

    public static Caller anonymous(ChangeSource source) {
        return new Caller(ANONYMOUS, source);
    }
}
