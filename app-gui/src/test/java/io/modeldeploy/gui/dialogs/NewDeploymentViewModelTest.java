package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.ValidationError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation while typing and the server's answers, in the New deployment dialog's view-model. */
class NewDeploymentViewModelTest {

    private RecordingClient client;
    private NewDeploymentViewModel vm;
    private final List<ModelDeployment> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        client = new RecordingClient();
        vm = new NewDeploymentViewModel(TestSessions.of(client, TaskRunner.direct()), List.of("prod", "staging"), "staging", null,
                (ws, name) -> ws.equals("prod") && name.equals("taken"));
    }

    private void fillValid() {
        vm.name().textProperty().set("llama-3");
        vm.config().textProperty().set("llama-nim");
    }

    @Test
    void startsWithTheGivenWorkspaceAndIsInvalidUntilNameAndConfigAreSet() {
        assertEquals("staging", vm.workspace().text());
        assertEquals(List.of("prod", "staging"), vm.workspaces());
        assertFalse(vm.isValid());
        assertEquals(FieldRules.REQUIRED, vm.name().error());
        fillValid();
        assertTrue(vm.isValid());
        assertNull(vm.name().error());
    }

    @Test
    void theWorkspaceFilterIsTheDefaultAndWithAllTheLastUsedWorkspace() {
        var filtered = new NewDeploymentViewModel(TestSessions.of(client, TaskRunner.direct()),
                List.of("prod", "staging"), "prod", "staging", null);
        assertEquals("prod", filtered.workspace().text());
        var all = new NewDeploymentViewModel(TestSessions.of(client, TaskRunner.direct()),
                List.of("prod", "staging"), null, "staging", null);
        assertEquals("staging", all.workspace().text());
        var allNeverUsed = new NewDeploymentViewModel(TestSessions.of(client, TaskRunner.direct()),
                List.of("default", "prod"), null, " ", null);
        assertEquals("default", allNeverUsed.workspace().text());
    }

    @Test
    void withoutAPreselectionTheDefaultWorkspaceIsProposed() {
        var fresh = new NewDeploymentViewModel(TestSessions.of(client, TaskRunner.direct()), List.of(), null, null, null);
        assertEquals("default", fresh.workspace().text());
        var onlyOthers = new NewDeploymentViewModel(TestSessions.of(client, TaskRunner.direct()), List.of("ml", "zeta"), null, null, null);
        assertEquals("ml", onlyOthers.workspace().text());
    }

    @Test
    void everyFieldIsCheckedAgainstTheServerRulesWhileTyping() {
        fillValid();
        vm.workspace().textProperty().set("-");
        assertEquals(FieldRules.ALL_WORKSPACES, vm.workspace().error());
        vm.workspace().textProperty().set("ok");
        vm.name().textProperty().set("no spaces please");
        assertEquals(FieldRules.NAME_CHARACTERS, vm.name().error());
        vm.name().textProperty().set("fine");
        vm.configVersion().textProperty().set("-1");
        assertEquals(FieldRules.CONFIG_VERSION, vm.configVersion().error());
        vm.configVersion().textProperty().set("4");
        vm.project().textProperty().set("team/project");
        assertNull(vm.project().error());
        vm.project().textProperty().set("bad project");
        assertEquals(FieldRules.PROJECT_CHARACTERS, vm.project().error());
        assertFalse(vm.isValid());
        vm.project().textProperty().set("");
        assertTrue(vm.isValid());
    }

    @Test
    void aNameThatAlreadyExistsInTheWorkspaceIsFlaggedAndRecheckedWhenTheWorkspaceChanges() {
        vm.config().textProperty().set("cfg");
        vm.name().textProperty().set("taken");
        assertNull(vm.name().error(), "'taken' only exists in prod");
        vm.workspace().textProperty().set("prod");
        assertEquals("A deployment named 'taken' already exists in workspace 'prod'.", vm.name().error());
        assertFalse(vm.isValid());
    }

    @Test
    void submitSendsTrimmedValuesAndLeavesOptionalFieldsOut() {
        vm.name().textProperty().set("  llama-3 ");
        vm.config().textProperty().set(" llama-nim ");
        ModelDeployment answer = Deployments.of("staging", "llama-3", DeploymentStatus.CREATED, "Deployment created");
        client.answer = answer;
        vm.submit(created::add);
        assertEquals("staging", client.workspace);
        assertEquals(new CreateDeploymentRequest("llama-3", "llama-nim", null, null), client.createRequest);
        assertEquals(List.of(answer), created);
        assertFalse(vm.submittingProperty().get());
    }

    @Test
    void submitIncludesConfigVersionAndProjectWhenGiven() {
        fillValid();
        vm.configVersion().textProperty().set("7");
        vm.project().textProperty().set("research/llm");
        client.answer = Deployments.of("staging", "llama-3", DeploymentStatus.CREATED, "");
        vm.submit(created::add);
        assertEquals(new CreateDeploymentRequest("llama-3", "llama-nim", 7, "research/llm"), client.createRequest);
    }

    @Test
    void invalidInputIsNeverSent() {
        vm.name().textProperty().set("bad name");
        vm.config().textProperty().set("cfg");
        vm.submit(created::add);
        assertEquals(0, client.calls);
        assertTrue(created.isEmpty());
    }

    @Test
    void serverValidationErrorsAppearOnTheirFieldsUntilEdited() {
        fillValid();
        client.failure = ApiException.validation(422, List.of(
                new ValidationError("string_pattern_mismatch", List.of("body", "name"), "name rejected by server",
                        "llama-3", Map.of()),
                new ValidationError("missing", List.of("body", "config"), "Field required", null, null)));
        vm.submit(created::add);
        assertEquals("Name rejected by server.", vm.name().error());
        assertEquals("Field required.", vm.config().error());
        assertFalse(vm.isValid());
        vm.name().textProperty().set("llama-4");
        assertNull(vm.name().error(), "editing the field clears the server's complaint");
        assertTrue(created.isEmpty());
    }

    @Test
    void conflictIsShownOnTheNameField() {
        fillValid();
        client.failure = new ApiException(409, "Deployment with workspace 'staging' and name 'llama-3' already exists",
                List.of());
        vm.submit(created::add);
        assertEquals("Deployment with workspace 'staging' and name 'llama-3' already exists", vm.name().error());
        assertNull(vm.generalErrorProperty().get());
    }

    @Test
    void otherFailuresBecomeTheGeneralErrorAndClearWhenTheUserEdits() {
        fillValid();
        client.failure = ApiException.connectionFailure("Cannot connect to the server at http://x.", null);
        vm.submit(created::add);
        assertTrue(vm.generalErrorProperty().get().startsWith("Cannot connect to the server at http://x."));
        assertTrue(vm.isValid(), "the inputs themselves are fine: the user can retry");
        vm.config().textProperty().set("other");
        assertNull(vm.generalErrorProperty().get());
    }

    @Test
    void validationErrorOfAnUnknownFieldGoesToTheGeneralError() {
        fillValid();
        client.failure = ApiException.validation(422, List.of(
                new ValidationError("json_invalid", List.of("body", 0), "JSON decode error", null, null)));
        vm.submit(created::add);
        assertEquals("0: JSON decode error.", vm.generalErrorProperty().get());
    }
}
