package io.modeldeploy.gui.list;

/**
 * An entry of the workspace selector: every workspace ({@code workspace == null}) or one of them,
 * with the number of deployments it holds.
 */
public record WorkspaceOption(String workspace, int count) {

    public static WorkspaceOption all(int count) {
        return new WorkspaceOption(null, count);
    }

    public boolean isAll() {
        return workspace == null;
    }

    /** True when this option stands for the same workspace as {@code other}, whatever the counts. */
    public boolean sameWorkspace(WorkspaceOption other) {
        return other != null && java.util.Objects.equals(workspace, other.workspace);
    }

    public String label() {
        return isAll() ? "All workspaces" : workspace;
    }

    @Override
    public String toString() {
        return label() + " (" + count + ")";
    }
}
