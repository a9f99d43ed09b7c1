package io.modeldeploy.gui.list;

/** What the list's buttons and context menu ask the main window to do. */
public interface ListActions {

    void newDeployment();

    void newVersion();

    void delete();

    void refresh();

    /** Opens the triage of what needs attention. */
    void triage();
}
