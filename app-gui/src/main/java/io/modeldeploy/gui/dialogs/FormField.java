package io.modeldeploy.gui.dialogs;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * Connects an input and the message line under it to a {@link FieldState}: the line shows the
 * hint (the rule, in words) until the user has typed in the field, then the field's error if it
 * has one. Errors from the server are shown at once. Invalid inputs get the {@code :danger} look.
 */
final class FormField {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private FormField() {
    }

    static void bind(Node input, javafx.beans.property.StringProperty inputText, Label message, FieldState state,
                     String hint) {
        inputText.bindBidirectional(state.textProperty());
        BooleanProperty touched = new SimpleBooleanProperty(false);
        state.textProperty().addListener((obs, old, now) -> touched.set(true));
        input.focusedProperty().addListener((obs, was, is) -> {
            if (!is && !FieldRules.trim(state.text()).isEmpty()) {
                touched.set(true);
            }
        });
        var showError = Bindings.createBooleanBinding(
                () -> state.error() != null && (touched.get() || state.serverError() != null),
                state.errorProperty(), touched);
        message.textProperty().bind(Bindings.when(showError).then(state.errorProperty()).otherwise(hint));
        message.getStyleClass().add("field-message");
        showError.addListener((obs, old, now) -> {
            message.pseudoClassStateChanged(ERROR, now);
            input.pseudoClassStateChanged(Styles.STATE_DANGER, now);
        });
        message.setWrapText(true);
        message.setFocusTraversable(false);
        input.getProperties().put(FormField.class, showError);
    }
}
