package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.NewVersionRequest;
import io.modeldeploy.model.ValidationError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewVersionViewModelTest {

    private final RecordingClient client = new RecordingClient();
    private final ModelDeployment current = Deployments.of("prod", "llama", 3, DeploymentStatus.READY, "",
            Deployments.T0);
    private final NewVersionViewModel vm = new NewVersionViewModel(TestSessions.of(client, TaskRunner.direct()), current);
    private final List<ModelDeployment> created = new ArrayList<>();

    @Test
    void prefillsTheCurrentConfigAndPredictsTheNextVersion() {
        assertEquals("cfg", vm.config().text());
        assertEquals("", vm.configVersion().text());
        assertEquals(4, vm.nextVersion());
        assertTrue(vm.isValid());
    }

    @Test
    void configIsRequiredAndConfigVersionMustBePositive() {
        vm.config().textProperty().set(" ");
        assertEquals(FieldRules.REQUIRED, vm.config().error());
        vm.config().textProperty().set("cfg-2");
        vm.configVersion().textProperty().set("-3");
        assertEquals(FieldRules.CONFIG_VERSION, vm.configVersion().error());
        assertFalse(vm.isValid());
    }

    @Test
    void submitPostsToTheDeploymentAndHandsBackTheNewVersion() {
        vm.config().textProperty().set("cfg-2");
        vm.configVersion().textProperty().set("5");
        ModelDeployment v4 = Deployments.of("prod", "llama", 4, DeploymentStatus.PENDING, "Deployment update pending",
                Deployments.T0);
        client.answer = v4;
        vm.submit(created::add);
        assertEquals("prod", client.workspace);
        assertEquals("llama", client.name);
        assertEquals(new NewVersionRequest("cfg-2", 5), client.versionRequest);
        assertEquals(List.of(v4), created);
    }

    @Test
    void serverErrorsGoToTheFieldOrTheGeneralError() {
        client.failure = ApiException.validation(422, List.of(new ValidationError("int_type",
                List.of("body", "config_version"), "Input should be a valid integer", "x", null)));
        vm.submit(created::add);
        assertEquals("Input should be a valid integer.", vm.configVersion().error());

        vm.configVersion().textProperty().set("2");
        assertTrue(vm.isValid(), "editing the field cleared the server's complaint");
        client.failure = new ApiException(400,
                "Deployment with workspace 'prod' and name 'llama' does not exist", List.of());
        vm.submit(created::add);
        assertEquals("Deployment with workspace 'prod' and name 'llama' does not exist.",
                vm.generalErrorProperty().get());
        assertTrue(created.isEmpty());
    }
}
