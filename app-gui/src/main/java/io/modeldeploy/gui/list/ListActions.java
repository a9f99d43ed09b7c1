package io.modeldeploy.gui.list;

/** What the list's buttons and context menu ask the main window to do. */
public interface ListActions {

    void newDeployment();

    void newVersion();

    void delete();

    /** Opens "Change status of the selection…" for the rows selected in the list. */
    void changeStatusOfSelection();

    void refresh();

    /** Opens the triage of what needs attention. */
    void triage();
}
