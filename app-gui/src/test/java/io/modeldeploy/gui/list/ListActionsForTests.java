package io.modeldeploy.gui.list;

/** List actions for view tests that do not press them. */
final class ListActionsForTests {

    static final ListActions NONE = new ListActions() {
        @Override
        public void newDeployment() {
        }

        @Override
        public void newVersion() {
        }

        @Override
        public void delete() {
        }

        @Override
        public void changeStatusOfSelection() {
        }

        @Override
        public void refresh() {
        }

        @Override
        public void triage() {
        }
    };

    private ListActionsForTests() {
    }
}
