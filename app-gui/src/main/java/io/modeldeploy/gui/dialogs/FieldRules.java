package io.modeldeploy.gui.dialogs;

import io.modeldeploy.model.ApiLimits;

/**
 * The server's validation rules for the fields of the create and new-version requests, as
 * messages for people. Each method returns null when the value is fine.
 */
public final class FieldRules {

    public static final String REQUIRED = "Required.";
    public static final String NAME_CHARACTERS = "Use only letters, digits, '_', '-' and '.'.";
    public static final String PROJECT_CHARACTERS = "Use only letters, digits, '_', '-', '.' and '/'.";
    public static final String ALL_WORKSPACES = "'-' stands for all workspaces; choose a real workspace name.";
    public static final String CONFIG_VERSION = "Enter a whole number of 1 or more, or leave it empty for version 1.";

    private FieldRules() {
    }

    public static String workspace(String value) {
        String v = trim(value);
        if (v.isEmpty()) {
            return REQUIRED;
        }
        if (ApiLimits.ALL_WORKSPACES.equals(v)) {
            return ALL_WORKSPACES;
        }
        return named(v, ApiLimits.MAX_NAME_LENGTH);
    }

    public static String name(String value) {
        String v = trim(value);
        if (v.isEmpty()) {
            return REQUIRED;
        }
        return named(v, ApiLimits.MAX_NAME_LENGTH);
    }

    public static String config(String value) {
        String v = trim(value);
        if (v.isEmpty()) {
            return REQUIRED;
        }
        return tooLong(v, ApiLimits.MAX_CONFIG_LENGTH);
    }

    /** Optional; when given a whole number from 1 to {@link Integer#MAX_VALUE}. */
    public static String configVersion(String value) {
        String v = trim(value);
        if (v.isEmpty()) {
            return null;
        }
        return parseConfigVersion(v) == null ? CONFIG_VERSION : null;
    }

    public static String project(String value) {
        String v = trim(value);
        if (v.isEmpty()) {
            return null;
        }
        String length = tooLong(v, ApiLimits.MAX_PROJECT_LENGTH);
        if (length != null) {
            return length;
        }
        return ApiLimits.PROJECT_PATTERN.matcher(v).matches() ? null : PROJECT_CHARACTERS;
    }

    /** The config version to send: null when empty (the server then uses 1). */
    public static Integer parseConfigVersion(String value) {
        String v = trim(value);
        if (v.isEmpty() || !v.chars().allMatch(Character::isDigit) || v.length() > 10) {
            return null;
        }
        long parsed = Long.parseLong(v);
        return parsed >= 1 && parsed <= Integer.MAX_VALUE ? (int) parsed : null;
    }

    public static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    private static String named(String v, int max) {
        String length = tooLong(v, max);
        if (length != null) {
            return length;
        }
        return ApiLimits.NAME_PATTERN.matcher(v).matches() ? null : NAME_CHARACTERS;
    }

    private static String tooLong(String v, int max) {
        return v.length() > max ? "At most " + max + " characters (this has " + v.length() + ")." : null;
    }
}
