package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.NewVersionRequest;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * State and validation of the New version dialog: the config and config version of the next
 * version of {@link #current()}, prefilled with the current config.
 */
public final class NewVersionViewModel {

    private final ConsoleSession session;
    private final ModelDeployment current;
    private final FieldState config = new FieldState("config", FieldRules::config);
    private final FieldState configVersion = new FieldState("config_version", FieldRules::configVersion);
    private final SubmitState submit = new SubmitState();
    private final BooleanBinding valid;

    public NewVersionViewModel(ConsoleSession session, ModelDeployment current) {
        this.session = Objects.requireNonNull(session, "session");
        this.current = Objects.requireNonNull(current, "current");
        config.textProperty().set(current.config() == null ? "" : current.config());
        valid = Bindings.createBooleanBinding(() -> config.error() == null && configVersion.error() == null,
                config.errorProperty(), configVersion.errorProperty());
        config.textProperty().addListener((obs, old, now) -> submit.clearGeneralError());
        configVersion.textProperty().addListener((obs, old, now) -> submit.clearGeneralError());
    }

    /** The deployment that gets a new version. */
    public ModelDeployment current() {
        return current;
    }

    /** The version number the new version will most likely get. */
    public int nextVersion() {
        return current.entityVersion() + 1;
    }

    public NewVersionRequest toRequest() {
        return new NewVersionRequest(config.value(), FieldRules.parseConfigVersion(configVersion.value()));
    }

    public void submit(Consumer<ModelDeployment> onCreated) {
        if (!valid.get() || submit.isSubmitting()) {
            return;
        }
        NewVersionRequest request = toRequest();
        submit.start();
        session.createVersion(DeploymentKey.of(current), request,
                created -> {
                    submit.succeeded();
                    onCreated.accept(created);
                },
                error -> submit.failed(error, Map.of("config", config, "config_version", configVersion), null));
    }

    public FieldState config() {
        return config;
    }

    public FieldState configVersion() {
        return configVersion;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public boolean isValid() {
        return valid.get();
    }

    public ReadOnlyBooleanProperty submittingProperty() {
        return submit.submittingProperty();
    }

    public ReadOnlyStringProperty generalErrorProperty() {
        return submit.generalErrorProperty();
    }
}
