package io.modeldeploy.gui.detail;

import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;

/**
 * The three values of a version the status editor edits: status, message and model provider
 * reference ("" for no message or no provider).
 */
public record EditorValues(DeploymentStatus status, String message, String modelProviderId) {

    /** One of the edited values. */
    public enum Field {
        STATUS("Status"),
        MESSAGE("Message"),
        MODEL_PROVIDER("Model provider");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        /** The field's name as the editor labels it. */
        public String label() {
            return label;
        }
    }

    public EditorValues {
        message = message == null ? "" : message;
        modelProviderId = modelProviderId == null ? "" : modelProviderId;
    }

    /** The version's current values. */
    static EditorValues of(ModelDeployment version) {
        return new EditorValues(EditorChecks.statusOf(version), version.statusMessage(), version.modelProviderId());
    }

    /** True when {@code other} has another value of {@code field} (the provider compared as it would be sent). */
    boolean differsIn(Field field, EditorValues other) {
        return switch (field) {
            case STATUS -> status != other.status;
            case MESSAGE -> !message.equals(other.message);
            case MODEL_PROVIDER -> !ModelProviderIdRule.normalize(modelProviderId)
                    .equals(ModelProviderIdRule.normalize(other.modelProviderId));
        };
    }

    /** These values with {@code field} taken from {@code source}. */
    EditorValues with(Field field, EditorValues source) {
        return switch (field) {
            case STATUS -> new EditorValues(source.status, message, modelProviderId);
            case MESSAGE -> new EditorValues(status, source.message, modelProviderId);
            case MODEL_PROVIDER -> new EditorValues(status, message, source.modelProviderId);
        };
    }
}
