package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The fields of the version the detail pane shows, as the texts its info grid binds to ("—" for none). */
public final class ShownFields {

    private final ReadOnlyStringWrapper workspace = new ReadOnlyStringWrapper(this, "workspace", "");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper id = new ReadOnlyStringWrapper(this, "id", "");
    private final ReadOnlyStringWrapper config = new ReadOnlyStringWrapper(this, "config", "");
    private final ReadOnlyStringWrapper project = new ReadOnlyStringWrapper(this, "project", "");
    private final ReadOnlyStringWrapper modelProviderId = new ReadOnlyStringWrapper(this, "modelProviderId", "");
    private final ReadOnlyStringWrapper createdBy = new ReadOnlyStringWrapper(this, "createdBy", "");
    private final ReadOnlyObjectWrapper<DeploymentStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");

    void show(ModelDeployment version) {
        if (version == null) {
            for (ReadOnlyStringWrapper field : new ReadOnlyStringWrapper[] {workspace, name, id, config, project,
                    modelProviderId, createdBy, statusMessage}) {
                field.set("");
            }
            status.set(null);
            return;
        }
        workspace.set(version.workspace());
        name.set(version.name());
        id.set(orNone(version.id()));
        config.set(version.config() == null ? TimeFormat.NONE : version.config() + "@" + version.configVersion());
        project.set(orNone(version.project()));
        modelProviderId.set(orNone(version.modelProviderId()));
        createdBy.set(version.authContext() == null ? TimeFormat.NONE : orNone(version.authContext().principalId()));
        status.set(version.status() == null ? DeploymentStatus.UNKNOWN : version.status());
        statusMessage.set(version.statusMessage() == null ? "" : version.statusMessage());
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? TimeFormat.NONE : value;
    }

    public ReadOnlyStringProperty workspace() {
        return workspace.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty name() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty id() {
        return id.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty config() {
        return config.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty project() {
        return project.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelProviderId() {
        return modelProviderId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty createdBy() {
        return createdBy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DeploymentStatus> status() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusMessage() {
        return statusMessage.getReadOnlyProperty();
    }
}
