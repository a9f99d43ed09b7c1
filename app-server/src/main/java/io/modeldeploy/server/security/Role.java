package io.modeldeploy.server.security;

import java.util.Locale;

/** What a token may do: read (and stream events), or also write. */
public enum Role {
    VIEWER,
    EDITOR;

    public boolean mayWrite() {
        return this == EDITOR;
    }

    static Role parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + value + "' (use viewer or editor)");
        }
    }
}
