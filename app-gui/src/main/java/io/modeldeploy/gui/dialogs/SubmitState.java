package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.model.ValidationError;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The submit part shared by the dialog view-models: whether a request is running, and where the
 * server's complaint goes: onto the field it names (422 {@code loc}, or a 409 about the name) or,
 * failing that, into a general error shown above the form.
 */
final class SubmitState {

    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper(this, "submitting");
    private final ReadOnlyStringWrapper generalError = new ReadOnlyStringWrapper(this, "generalError");

    ReadOnlyBooleanProperty submittingProperty() {
        return submitting.getReadOnlyProperty();
    }

    ReadOnlyStringProperty generalErrorProperty() {
        return generalError.getReadOnlyProperty();
    }

    boolean isSubmitting() {
        return submitting.get();
    }

    void start() {
        submitting.set(true);
        generalError.set(null);
    }

    void succeeded() {
        submitting.set(false);
    }

    void clearGeneralError() {
        generalError.set(null);
    }

    /** A failure told in words of the caller's own, above the form. */
    void failed(String message) {
        submitting.set(false);
        generalError.set(message);
    }

    /**
     * Spreads a failure over the fields. {@code conflictField} receives the detail of a 409 (the
     * name that already exists), {@code fields} maps wire names to their inputs.
     */
    void failed(ApiException error, Map<String, FieldState> fields, FieldState conflictField) {
        submitting.set(false);
        if (error.isConflict() && conflictField != null) {
            conflictField.setServerError(ErrorTexts.message(error));
            return;
        }
        List<String> unplaced = new ArrayList<>();
        if (!error.validationErrors().isEmpty()) {
            for (ValidationError problem : error.validationErrors()) {
                FieldState field = fields.get(ApiException.fieldOf(problem));
                String message = problem.msg() == null ? "Invalid value." : sentence(problem.msg());
                if (field != null) {
                    field.setServerError(field.serverError() == null ? message : field.serverError() + " " + message);
                } else {
                    String where = ApiException.fieldOf(problem);
                    unplaced.add(where.isEmpty() ? message : where + ": " + message);
                }
            }
            if (!unplaced.isEmpty()) {
                generalError.set(String.join(" ", unplaced));
            }
            return;
        }
        generalError.set(describe(error));
    }

    private static String describe(ApiException error) {
        if (error.isConnectionFailure()) {
            return ErrorTexts.message(error) + " Check that the server is running, then try again.";
        }
        return sentence(ErrorTexts.message(error));
    }

    private static String sentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return t;
        }
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' ? t : t + ".";
    }
}
