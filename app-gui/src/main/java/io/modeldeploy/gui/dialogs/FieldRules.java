package io.modeldeploy.gui.dialogs;

import io.modeldeploy.model.FieldRule;
import io.modeldeploy.model.IntegerRule;

/**
 * The contract's field rules ({@link FieldRule}, the same objects the server applies) for the
 * fields of the create and new-version requests, as messages for people. Values are checked as
 * they are sent: without surrounding blanks. Each method returns null when the value is fine.
 */
public final class FieldRules {

    public static final String REQUIRED = "Required.";
    public static final String NAME_CHARACTERS = "Use only letters, digits, '_', '-' and '.'.";
    public static final String PROJECT_CHARACTERS = "Use only letters, digits, '_', '-', '.' and '/'.";
    public static final String ALL_WORKSPACES = "'-' stands for all workspaces; choose a real workspace name.";
    public static final String NUL_TEXT = "Can't contain the NUL character (U+0000).";
    public static final String DOT_NAME = "'.' and '..' can't be names: web addresses drop them.";
    public static final String CONFIG_VERSION = "Enter a whole number of 1 or more, or leave it empty for version 1.";

    private FieldRules() {
    }

    public static String workspace(String value) {
        String v = trim(value);
        if (v.isEmpty()) {
            return REQUIRED;
        }
        return problem(FieldRule.WORKSPACE, v, NAME_CHARACTERS);
    }

    public static String name(String value) {
        String v = trim(value);
        if (v.isEmpty()) {
            return REQUIRED;
        }
        return problem(FieldRule.NAME, v, NAME_CHARACTERS);
    }

    public static String config(String value) {
        String v = trim(value);
        if (v.isEmpty()) {
            return REQUIRED;
        }
        return problem(FieldRule.CONFIG, v, null);
    }

    /** Optional; when given a whole number the rule takes ({@link IntegerRule#CONFIG_VERSION}: 0 means version 1 too). */
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
        return problem(FieldRule.PROJECT, v, PROJECT_CHARACTERS);
    }

    /** The config version to send: null when empty (the server then uses 1) or not a version. */
    public static Integer parseConfigVersion(String value) {
        String v = trim(value);
        if (v.isEmpty() || !v.chars().allMatch(Character::isDigit) || v.length() > 10) {
            return null;
        }
        long parsed = Long.parseLong(v);
        return IntegerRule.CONFIG_VERSION.accepts(parsed) ? (int) parsed : null;
    }

    public static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    /** The rule's verdict on a non-empty value, in words: its length, or {@code characters} for the pattern. */
    private static String problem(FieldRule rule, String v, String characters) {
        return rule.check(v).map(violation -> switch (violation.problem()) {
            case TOO_LONG -> "At most " + rule.maxLength() + " characters (this has " + violation.length() + ").";
            case PATTERN_MISMATCH -> characters;
            case MISSING, EMPTY -> REQUIRED;
            case RESERVED -> ALL_WORKSPACES;
            case DOT_SEGMENT -> DOT_NAME;
            case NUL_CHARACTER -> NUL_TEXT;
        }).orElse(null);
    }
}
