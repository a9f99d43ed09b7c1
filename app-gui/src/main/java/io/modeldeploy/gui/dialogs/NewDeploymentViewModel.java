package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.ModelDeployment;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * State and validation of the New deployment dialog. The rules are the server's (name and workspace
 * pattern, lengths, positive config version, project pattern), plus a check against the deployments
 * the console already knows so a duplicate name is flagged while typing.
 */
public final class NewDeploymentViewModel {

    private final ConsoleSession session;
    private final BiPredicate<String, String> exists;
    private final ObservableList<String> workspaces;

    private final FieldState workspace;
    private final FieldState name;
    private final FieldState config;
    private final FieldState configVersion;
    private final FieldState project;
    private final Map<String, FieldState> byWireName;
    private final SubmitState submit = new SubmitState();
    private final BooleanBinding valid;

    /**
     * @param workspaces      existing workspaces, offered in the editable workspace combo
     * @param filterWorkspace the list's workspace filter, null for All: the proposed workspace
     * @param lastUsedWorkspace the workspace of the last deployment created here, proposed with All (may be null)
     * @param exists          whether a deployment {@code (workspace, name)} is already known
     */
    public NewDeploymentViewModel(ConsoleSession session, List<String> workspaces,
                                  String filterWorkspace, String lastUsedWorkspace,
                                  BiPredicate<String, String> exists) {
        this.session = Objects.requireNonNull(session, "session");
        this.exists = exists == null ? (w, n) -> false : exists;
        this.workspaces = FXCollections.observableArrayList(workspaces);
        this.workspace = new FieldState("workspace", FieldRules::workspace);
        this.name = new FieldState("name", this::nameRule, workspace.textProperty());
        this.config = new FieldState("config", FieldRules::config);
        this.configVersion = new FieldState("config_version", FieldRules::configVersion);
        this.project = new FieldState("project", FieldRules::project);
        this.byWireName = Map.of("workspace", workspace, "name", name, "config", config,
                "config_version", configVersion, "project", project);
        workspace.textProperty().set(filterWorkspace != null ? filterWorkspace
                : lastUsedWorkspace != null && !lastUsedWorkspace.isBlank() ? lastUsedWorkspace.strip()
                : defaultWorkspace(workspaces));
        valid = Bindings.createBooleanBinding(
                () -> workspace.error() == null && name.error() == null && config.error() == null
                        && configVersion.error() == null && project.error() == null,
                workspace.errorProperty(), name.errorProperty(), config.errorProperty(),
                configVersion.errorProperty(), project.errorProperty());
        for (FieldState field : byWireName.values()) {
            field.textProperty().addListener((obs, old, now) -> submit.clearGeneralError());
        }
    }

    private static String defaultWorkspace(List<String> workspaces) {
        if (workspaces.contains("default") || workspaces.isEmpty()) {
            return "default";
        }
        return workspaces.get(0);
    }

    private String nameRule(String value) {
        String rule = FieldRules.name(value);
        if (rule != null) {
            return rule;
        }
        String ws = workspace.value();
        String n = FieldRules.trim(value);
        if (FieldRules.workspace(ws) == null && exists.test(ws, n)) {
            return "A deployment named '" + n + "' already exists in workspace '" + ws + "'.";
        }
        return null;
    }

    /** The request the dialog would send now. */
    public CreateDeploymentRequest toRequest() {
        String projectValue = project.value();
        return new CreateDeploymentRequest(name.value(), config.value(),
                FieldRules.parseConfigVersion(configVersion.value()), projectValue.isEmpty() ? null : projectValue);
    }

    /**
     * Sends the create request if the inputs are valid. On success {@code onCreated} gets the new
     * deployment; on failure the server's errors appear on the fields or as the general error.
     */
    public void submit(Consumer<ModelDeployment> onCreated) {
        if (!valid.get() || submit.isSubmitting()) {
            return;
        }
        String ws = workspace.value();
        CreateDeploymentRequest request = toRequest();
        submit.start();
        session.createDeployment(ws, request,
                created -> {
                    submit.succeeded();
                    onCreated.accept(created);
                },
                error -> submit.failed(error, byWireName, name));
    }

    public FieldState workspace() {
        return workspace;
    }

    public FieldState name() {
        return name;
    }

    public FieldState config() {
        return config;
    }

    public FieldState configVersion() {
        return configVersion;
    }

    public FieldState project() {
        return project;
    }

    public ObservableList<String> workspaces() {
        return workspaces;
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
