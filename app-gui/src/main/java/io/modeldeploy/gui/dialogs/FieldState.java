package io.modeldeploy.gui.dialogs;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Function;

/**
 * One input of a dialog view-model: its text, the rule that checks it, and the error the server
 * reported for it on the last attempt (cleared as soon as the text changes). {@link #errorProperty()}
 * is the rule's message, or else the server's, or null.
 */
public final class FieldState {

    private final String field;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper serverError = new ReadOnlyStringWrapper(this, "serverError");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    FieldState(String field, Function<String, String> rule, javafx.beans.Observable... extraDependencies) {
        this.field = field;
        text.addListener((obs, old, now) -> serverError.set(null));
        javafx.beans.Observable[] deps = new javafx.beans.Observable[extraDependencies.length + 2];
        deps[0] = text;
        deps[1] = serverError;
        System.arraycopy(extraDependencies, 0, deps, 2, extraDependencies.length);
        StringBinding binding = Bindings.createStringBinding(() -> {
            String ruleError = rule.apply(text.get());
            return ruleError != null ? ruleError : serverError.get();
        }, deps);
        error.bind(binding);
    }

    /** The wire name of the field, as in the server's {@code loc}. */
    public String field() {
        return field;
    }

    public StringProperty textProperty() {
        return text;
    }

    public String text() {
        return text.get();
    }

    /** The trimmed text. */
    public String value() {
        return FieldRules.trim(text.get());
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String error() {
        return error.get();
    }

    void setServerError(String message) {
        serverError.set(message);
    }

    public String serverError() {
        return serverError.get();
    }
}
