package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.dialogs.BatchTarget.Outcome;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.session.VersionKey;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusBatchRequest;
import io.modeldeploy.model.StatusBatchResult;
import io.modeldeploy.model.StatusBatchTarget;
import io.modeldeploy.model.ValidationError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.modeldeploy.model.DeploymentStatus.DELETING;
import static io.modeldeploy.model.DeploymentStatus.ERROR;
import static io.modeldeploy.model.DeploymentStatus.LOST;
import static io.modeldeploy.model.DeploymentStatus.READY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The status batch dialog without a window: the preview, the curl command, Apply and its refusals. */
class StatusBatchViewModelTest {

    private final RecordingClient client = new RecordingClient();
    private ConsoleSession session;
    private final ModelDeployment llama = Deployments.of("prod", "llama", 2, LOST, "node gone", Deployments.T0);
    private final ModelDeployment phi = Deployments.of("prod", "phi", 1, ERROR, "node gone",
            Deployments.T0.plusSeconds(10));
    private final ModelDeployment old = Deployments.of("lab", "old", 1, DELETING, "", Deployments.T0.plusSeconds(20));
    private final List<String> results = new ArrayList<>();

    @BeforeEach
    void setUp() {
        session = TestSessions.of(client, TaskRunner.direct());
        session.store().mergeAll(List.of(llama, phi, old), DeploymentStore.Origin.LOAD);
    }

    private StatusBatchViewModel dialog(ModelDeployment... targets) {
        return new StatusBatchViewModel(session, List.of(targets));
    }

    private static List<String> lines(StatusBatchViewModel vm) {
        return vm.preview().stream().map(t -> t.label() + " " + t.current() + " -> " + t.next() + " " + t.outcome()
                + (t.reason() == null ? "" : " (" + t.reason() + ")")).toList();
    }

    @Test
    void thePreviewShowsEveryTargetWithItsStatusNowAndAfterAndWhatTheServerWouldRefuse() {
        StatusBatchViewModel vm = dialog(llama, phi, old);
        vm.statusProperty().set(ERROR);
        vm.messageProperty().set("node gone");
        assertEquals(List.of(
                "prod/llama v2 LOST -> ERROR CHANGES",
                "prod/phi v1 ERROR -> ERROR UNCHANGED",
                "lab/old v1 DELETING -> ERROR REFUSED (marked for deletion: it can only become Deleted)"), lines(vm));
        assertEquals("1 will change, 1 unchanged, 1 refused: the server would change none of them",
                vm.summaryProperty().get());
        assertFalse(vm.canApplyProperty().get(), "the server would refuse the whole batch");

        vm.statusProperty().set(DeploymentStatus.DELETED);
        assertEquals(Outcome.CHANGES, vm.preview().get(2).outcome(), "Deleting may become Deleted");
        assertTrue(vm.canApplyProperty().get());
    }

    @Test
    void aBatchThatChangesNothingCannotBeApplied() {
        StatusBatchViewModel vm = dialog(phi);
        assertEquals(ERROR, vm.statusProperty().get(), "the first target's status to start with");
        vm.messageProperty().set("node gone");
        assertEquals(Outcome.UNCHANGED, vm.preview().get(0).outcome());
        assertFalse(vm.canApplyProperty().get());
        vm.providerIdProperty().set("prod/llama-provider");
        assertEquals(Outcome.CHANGES, vm.preview().get(0).outcome(), "a new provider reference is a change");
    }

    @Test
    void aMessageTheFieldRuleRefusesMarksEveryTarget() {
        StatusBatchViewModel vm = dialog(llama, phi);
        vm.statusProperty().set(READY);
        vm.messageProperty().set("\uD83D\uDE80".repeat(1000));
        assertTrue(vm.preview().stream().allMatch(t -> t.outcome() == Outcome.CHANGES),
                "1000 characters, counted in code points like the server does");
        vm.messageProperty().set("x".repeat(1001));
        assertTrue(vm.preview().stream().allMatch(t -> t.outcome() == Outcome.REFUSED), lines(vm).toString());
        assertEquals("the message is 1001 characters; at most 1000 are allowed", vm.inputProblemProperty().get());
        assertFalse(vm.canApplyProperty().get());

        vm.messageProperty().set("ok");
        vm.providerIdProperty().set("provider-123");
        assertEquals(Outcome.CHANGES, vm.preview().get(0).outcome(), "any reference, as NeMo takes it");
        vm.providerIdProperty().set("p".repeat(256));
        assertEquals("the model provider is longer than 255 characters", vm.preview().get(0).reason());
    }

    @Test
    void applySendsOneBatchConditionalOnTheCopiesShownAndTheAnswersGoIntoTheStore() {
        StatusBatchViewModel vm = dialog(llama, phi);
        vm.statusProperty().set(ERROR);
        vm.messageProperty().set("node gone");
        ModelDeployment llamaAfter = Deployments.of("prod", "llama", 2, ERROR, "node gone",
                Deployments.T0.plusSeconds(600));
        client.batchAnswer = new StatusBatchResult(List.of(llamaAfter, phi));
        List<ModelDeployment> ownWrites = TestSessions.record(session, DeploymentStore.Origin.OWN_WRITE);

        vm.apply(results::add);

        assertEquals(List.of(new StatusBatchRequest(ERROR, "node gone", null, List.of(
                new StatusBatchTarget("prod", "llama", 2, llama.etag()),
                new StatusBatchTarget("prod", "phi", 1, phi.etag())))), client.batchRequests, "one batch");
        assertEquals(List.of("1 changed, 1 already in that state"), results);
        assertEquals(List.of(llamaAfter), ownWrites, "the changed copy went into the store as this console's write");
        assertEquals(ERROR, session.store().get(VersionKey.of(llama)).orElseThrow().status());
    }

    @Test
    void aRefusalSaysWhichTargetAndWhyAndThatNothingChangedAndKeepsTheInput() {
        StatusBatchViewModel vm = dialog(llama, phi);
        vm.statusProperty().set(READY);
        vm.messageProperty().set("recovered");
        client.failure = ApiException.batchRefusal(409, "Deployment is marked for deletion (DELETING). "
                + "Only transition to DELETED is allowed.", 1);

        vm.apply(results::add);

        assertTrue(results.isEmpty());
        assertEquals("Nothing changed: the server refused prod/phi v1. Deployment is marked for deletion (DELETING). "
                + "Only transition to DELETED is allowed.", vm.generalErrorProperty().get());
        assertFalse(vm.submittingProperty().get());
        assertEquals("recovered", vm.messageProperty().get(), "the input stays");
        assertEquals(READY, vm.statusProperty().get());
    }

    @Test
    void aValidationErrorNamesTheTargetItsLocPointsInto() {
        StatusBatchViewModel vm = dialog(llama, phi);
        vm.statusProperty().set(READY);
        client.failure = ApiException.validation(422, List.of(new ValidationError("string_too_long",
                List.of("body", "targets", 0, "name"), "String should have at most 255 characters", null, null)));
        vm.apply(results::add);
        assertEquals("Nothing changed: the server refused prod/llama v2. name: String should have at most 255 "
                + "characters.", vm.generalErrorProperty().get());
    }

    @Test
    void aServerWithoutStatusBatchesIsToldApartFromAnUnknownTarget() {
        StatusBatchViewModel vm = dialog(llama, phi);
        vm.statusProperty().set(READY);
        client.failure = new ApiException(404, "Page Not Found", List.of());
        vm.apply(results::add);
        assertTrue(vm.generalErrorProperty().get().startsWith("Nothing changed: this server does not offer status "
                + "batches"), vm.generalErrorProperty().get());

        client.failure = ApiException.batchRefusal(404, "Deployment 'prod/phi' not found", 1);
        vm.apply(results::add);
        assertEquals("Nothing changed: the server refused prod/phi v1. Deployment 'prod/phi' not found.",
                vm.generalErrorProperty().get());
    }

    @Test
    void aTargetChangedMeanwhileOffersToRefreshThePreview() {
        StatusBatchViewModel vm = dialog(llama, phi);
        vm.statusProperty().set(READY);
        client.failure = ApiException.batchRefusal(412, "prod/phi v1 changed since the state given in if_match", 1);
        vm.apply(results::add);
        assertTrue(vm.previewOutdatedProperty().get());
        assertFalse(vm.canApplyProperty().get(), "not again with the copies the server refused");
        assertTrue(vm.generalErrorProperty().get().startsWith("Nothing changed: prod/phi v1 changed on the server"),
                vm.generalErrorProperty().get());

        ModelDeployment phiNow = Deployments.of("prod", "phi", 1, DELETING, "", Deployments.T0.plusSeconds(900));
        session.store().merge(phiNow, DeploymentStore.Origin.EVENT);
        vm.refreshPreview();
        assertFalse(vm.previewOutdatedProperty().get());
        assertNull(vm.generalErrorProperty().get());
        assertEquals("prod/phi v1 DELETING -> READY REFUSED (marked for deletion: it can only become Deleted)",
                lines(vm).get(1));
        vm.statusProperty().set(DeploymentStatus.DELETED);
        assertEquals(phiNow.etag(), vm.toRequest().targets().get(1).ifMatch(), "conditional on the copy shown now");
    }

    @Test
    void theCurlCommandIsTheSameBatchForAShellWithoutTheConsolesToken() throws Exception {
        StatusBatchViewModel vm = dialog(llama, phi);
        vm.statusProperty().set(ERROR);
        vm.messageProperty().set("can't reach node; $HOME `x` \"q\"");
        String curl = vm.curlCommand();
        assertTrue(curl.startsWith("curl -X POST 'http://127.0.0.1:9/apis/modeldeploy/v1/status-batches' \\\n"), curl);
        assertTrue(curl.contains("-H \"Authorization: Bearer $MODELDEPLOY_TOKEN\""), curl);
        assertTrue(curl.contains("-H 'Content-Type: application/json'"), curl);
        String body = io.modeldeploy.gui.api.Json.mapper().writeValueAsString(vm.toRequest());
        assertTrue(body.contains("\"if_match\":\"" + llama.etag().replace("\"", "\\\"") + "\""), body);
        assertTrue(curl.endsWith("-d " + StatusBatchViewModel.shellQuoted(body)), curl);

        // A POSIX shell reads the quoted body back byte for byte: nothing is expanded.
        Path sh = Path.of("/bin/sh");
        assumeTrue(Files.isExecutable(sh));
        Process printf = new ProcessBuilder(sh.toString(), "-c",
                "printf '%s' " + StatusBatchViewModel.shellQuoted(body)).start();
        String echoed = new String(printf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, printf.waitFor());
        assertEquals(body, echoed);
    }
}
