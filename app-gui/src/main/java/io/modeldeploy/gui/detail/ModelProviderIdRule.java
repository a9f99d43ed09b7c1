package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.dialogs.FieldRules;
import io.modeldeploy.model.FieldRule;

import java.util.Objects;
import java.util.Optional;

/**
 * Client-side check of the {@code model_provider_id} field with the rule the server applies
 * ({@link FieldRule#MODEL_PROVIDER_ID}: any text of at most 255 characters, as in NeMo; the field's
 * prompt suggests the {@code workspace/name} form NeMo's controller writes, without requiring it).
 * The status endpoint cannot clear a provider reference (an absent value means "leave it"), so an
 * empty field is only fine while the version has none.
 */
public final class ModelProviderIdRule {

    private ModelProviderIdRule() {
    }

    /** The field text as it would be sent: surrounding blanks removed, never null. */
    public static String normalize(String text) {
        return text == null ? "" : text.strip();
    }

    /** True when the (normalized) field differs from the version's current provider reference. */
    public static boolean isChanged(String text, String current) {
        String value = normalize(text);
        String before = current == null ? "" : current;
        return !value.equals(before);
    }

    /** The problem with the field, ready to show under it; empty when it may be sent (or is unchanged). */
    public static Optional<String> problem(String text, String current) {
        String value = normalize(text);
        if (!isChanged(value, current)) {
            return Optional.empty();
        }
        if (value.isEmpty()) {
            return Optional.of("A model provider can't be removed through a status update; "
                    + "press Esc to keep " + Objects.requireNonNull(current));
        }
        return FieldRule.MODEL_PROVIDER_ID.check(value).map(violation ->
                violation.problem() == FieldRule.Problem.NUL_CHARACTER ? FieldRules.NUL_TEXT
                        : "At most " + FieldRule.MODEL_PROVIDER_ID.maxLength() + " characters (" + violation.length()
                        + " entered)");
    }
}
