package io.modeldeploy.gui.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.api.ConnectionInfo.TokenSource;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facts and examples of Help ▸ Connect external clients. */
class ExternalClientsViewModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI BASE = URI.create("http://127.0.0.1:8080");
    private static final Path TOKEN_FILE = Path.of("/home/ada/.local/share/modeldeploy/local-token");
    private static final ConnectionInfo EMBEDDED = ConnectionInfo.embedded(BASE, TOKEN_FILE.getParent(),
            "the-secret-token", TOKEN_FILE);

    private static Map<String, String> examples(ExternalClientsViewModel model) {
        return model.examples().stream().collect(Collectors.toMap(ExternalClientsViewModel.Example::id,
                ExternalClientsViewModel.Example::code));
    }

    /** The argument of {@code -d '...'}, unquoted as a shell would. */
    private static String curlBody(String code) {
        int start = code.indexOf("-d '") + 3;
        return unquote(code.substring(start).strip());
    }

    private static String unquote(String singleQuoted) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < singleQuoted.length()) {
            char c = singleQuoted.charAt(i);
            if (c == '\'') {
                int end = singleQuoted.indexOf('\'', i + 1);
                out.append(singleQuoted, i + 1, end);
                i = end + 1;
            } else if (c == '\\') {
                out.append(singleQuoted.charAt(i + 1));
                i += 2;
            } else {
                break;
            }
        }
        return out.toString();
    }

    @Test
    void theSelectedDeploymentFillsTheExamplesWithAValidBodyAndItsVersion() throws IOException {
        ModelDeployment selected = Deployments.of("prod", "llama-3", 4, DeploymentStatus.PENDING, "pulling",
                Instant.now());
        ExternalClientsViewModel model = new ExternalClientsViewModel(EMBEDDED, selected);
        String url = "http://127.0.0.1:8080/apis/models/v2/workspaces/prod/deployments/llama-3/status?version=4";
        assertEquals(url, model.statusUrl());
        assertFalse(model.target().placeholder());
        assertTrue(model.targetDescription().contains("prod/llama-3, version 4"), model.targetDescription());

        Map<String, String> examples = examples(model);
        assertEquals(List.of("curl-patch", "curl-post", "httpie", "python"),
                model.examples().stream().map(ExternalClientsViewModel.Example::id).toList());
        for (String id : List.of("curl-patch", "curl-post")) {
            String code = examples.get(id);
            assertTrue(code.contains("curl -sS -X " + (id.equals("curl-patch") ? "PATCH" : "POST") + " '" + url + "'"),
                    code);
            JsonNode body = JSON.readTree(curlBody(code));
            assertEquals("READY", body.get("status").asText());
            assertEquals("Model server is ready", body.get("status_message").asText());
            assertTrue(code.contains("-H \"Authorization: Bearer $MODELDEPLOY_TOKEN\""), code);
            assertTrue(code.startsWith("export MODELDEPLOY_TOKEN=\"$(cat '" + TOKEN_FILE + "')\""), code);
            assertFalse(code.contains("the-secret-token"), "the secret is never in an example");
        }
        assertTrue(examples.get("httpie").contains("http POST '" + url + "'"), examples.get("httpie"));
        assertTrue(examples.get("python").contains("method=\"POST\""), "POST, as a NeMo Platform takes it too");
        assertTrue(examples.get("httpie").contains("status='READY' status_message='Model server is ready'"));
        assertTrue(examples.get("python").contains("url = \"" + url + "\""), examples.get("python"));
        assertTrue(examples.get("python").contains("import urllib.request"));
        assertFalse(examples.get("python").contains("the-secret-token"));
    }

    @Test
    void namesAreUrlEncodedAndQuotesInMessagesStayValid() throws IOException {
        ModelDeployment odd = Deployments.of("team a", "llama's x", 2, DeploymentStatus.DELETING, "it's \"going\"",
                Instant.now());
        ExternalClientsViewModel model = new ExternalClientsViewModel(EMBEDDED, odd);
        assertEquals("http://127.0.0.1:8080/apis/models/v2/workspaces/team%20a/deployments/llama%27s%20x/status"
                + "?version=2", model.statusUrl());
        assertEquals(DeploymentStatus.DELETED, model.target().status(), "a DELETING version accepts only DELETED");
        JsonNode body = JSON.readTree(curlBody(examples(model).get("curl-patch")));
        assertEquals("DELETED", body.get("status").asText());
        assertEquals("'", ExternalClientsViewModel.shell("'").replace("'\\''", "X").replace("'X'", "'"));
        assertEquals("it's", unquote(ExternalClientsViewModel.shell("it's")));
        assertEquals("\"a \\\"b\\\"\"", ExternalClientsViewModel.python("a \"b\""));
    }

    @Test
    void withoutSelectionAPlaceholderIsUsedAndSaidSo() {
        ExternalClientsViewModel model = new ExternalClientsViewModel(EMBEDDED, null);
        assertTrue(model.target().placeholder());
        assertTrue(model.statusUrl().endsWith("/workspaces/default/deployments/my-deployment/status?version=1"));
        assertTrue(model.targetDescription().contains("select a deployment"), model.targetDescription());
    }

    @Test
    void theTokenIsHiddenUntilShownAndTheFileIsNamed() {
        ExternalClientsViewModel model = new ExternalClientsViewModel(EMBEDDED, null);
        assertTrue(model.canShowToken());
        assertFalse(model.tokenTextProperty().get().contains("the-secret-token"));
        model.tokenShownProperty().set(true);
        assertEquals("the-secret-token", model.tokenTextProperty().get());
        assertTrue(model.localTokenText().startsWith(TOKEN_FILE.toString()), model.localTokenText());
        assertTrue(model.authenticationText().contains("Authorization: Bearer <token>"));
        assertTrue(model.authenticationText().contains("local editor token of its data directory"));
        assertTrue(model.moreTokensText().contains("MODELDEPLOY_TOKENS=name:role:secret"));
        assertEquals("http://127.0.0.1:8080/swagger-ui/", model.apiDocsUrl());
    }

    @Test
    void aRemoteServerWithATokenFromTheOptionGetsAPlaceholderExport() {
        ConnectionInfo remote = ConnectionInfo.remote(URI.create("https://models.example.com/"), "opt",
                TokenSource.OPTION, null);
        ExternalClientsViewModel model = new ExternalClientsViewModel(remote, null);
        assertEquals("https://models.example.com", model.baseUrl());
        assertTrue(model.authenticationText().endsWith("This console uses the token given with --token."));
        String curl = examples(model).get("curl-patch");
        assertTrue(curl.startsWith("export MODELDEPLOY_TOKEN='<your token>'"), curl);
        assertTrue(examples(model).get("python").contains("token = os.environ[\"MODELDEPLOY_TOKEN\"]"));
        assertTrue(model.localTokenText().contains("machine that runs the server"), model.localTokenText());
    }

    @Test
    void aTokenEnteredInConnectToServerIsNamedAsSuch() {
        ConnectionInfo remote = ConnectionInfo.remote(URI.create("http://10.0.0.5:8080"), "typed",
                TokenSource.ENTERED, null);
        ExternalClientsViewModel model = new ExternalClientsViewModel(remote, null);
        assertTrue(model.authenticationText().endsWith("This console uses the token entered in File \u25B8 Connect to "
                + "server\u2026."), model.authenticationText());
        assertTrue(model.canShowToken());
        assertTrue(examples(model).get("curl-patch").startsWith("export MODELDEPLOY_TOKEN='<your token>'"));
    }

    @Test
    void theCurlAndPythonExamplesReallyUpdateTheStatusAsTheOsUser() throws Exception {
        // Every request needs a token here: the examples must send the local one.
        try (TestServer server = TestServer.start(o -> o.withRequireAuth(true))) {
            new io.modeldeploy.gui.api.HttpDeploymentApiClient(server.baseUrl(), server.localToken()).createDeployment(
                    "connect", new io.modeldeploy.model.CreateDeploymentRequest("llama-3.1", "cfg", null, null));
            ModelDeployment selected = Deployments.of("connect", "llama-3.1", 1, DeploymentStatus.CREATED, "",
                    Instant.now());
            Path tokenFile = server.dataDir().resolve("local-token");
            ConnectionInfo info = ConnectionInfo.embedded(server.baseUrl(), server.dataDir(), server.localToken(),
                    tokenFile);
            Map<String, String> examples = examples(new ExternalClientsViewModel(info, selected));

            run(List.of("bash", "-c", examples.get("curl-patch")));
            var reader = new io.modeldeploy.gui.api.HttpDeploymentApiClient(server.baseUrl(), server.localToken());
            ModelDeployment afterCurl = reader.getDeployment("connect", "llama-3.1");
            assertEquals(DeploymentStatus.READY, afterCurl.status());
            assertEquals("Model server is ready", afterCurl.statusMessage());
            var history = afterCurl.statusHistory();
            assertEquals(TestServer.localActor(), history.get(history.size() - 1).actor());

            reader.updateStatus("connect", "llama-3.1", 1,
                    new io.modeldeploy.model.StatusUpdateRequest(DeploymentStatus.PENDING, "again", null));
            run(List.of("python3", "-c", examples.get("python")));
            ModelDeployment afterPython = reader.getDeployment("connect", "llama-3.1");
            assertEquals(DeploymentStatus.READY, afterPython.status());
            var pyHistory = afterPython.statusHistory();
            assertEquals("Model server is ready", pyHistory.get(pyHistory.size() - 1).statusMessage());
            assertEquals(TestServer.localActor(), pyHistory.get(pyHistory.size() - 1).actor());
        }
    }

    private static void run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("MODELDEPLOY_TOKEN");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "finished");
        assertEquals(0, process.exitValue(), command.get(0) + " failed: " + output);
    }
}
