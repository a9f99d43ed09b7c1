package io.modeldeploy.gui.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeldeploy.gui.api.ApiPaths;
import io.modeldeploy.gui.api.ConnectionInfo.TokenSource;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Help ▸ Connect external clients: how a script, a controller or the NeMo SDK reaches the server
 * this console uses — its base URL, how authentication works for it, where the local token is
 * (the secret only on request), and ready-to-run examples that update the status of the selected
 * deployment (or of a placeholder when none is selected).
 */
public final class ExternalClientsViewModel {

    /** A ready-to-copy example: {@code id} for tests and the UI, a tab title, and the text. */
    public record Example(String id, String title, String code) {
    }

    /** The deployment the examples update, and the status they set. */
    public record Target(String workspace, String name, int version, DeploymentStatus status, String message,
                         boolean placeholder) {
    }

    static final String PLACEHOLDER_WORKSPACE = "default";
    static final String PLACEHOLDER_NAME = "my-deployment";
    static final String TOKEN_PLACEHOLDER = "<your token>";
    private static final String HIDDEN = "\u2022".repeat(24);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConnectionInfo connection;
    private final Target target;
    private final String baseUrl;
    private final BooleanProperty tokenShown = new SimpleBooleanProperty(this, "tokenShown", false);
    private final StringBinding tokenText;

    public ExternalClientsViewModel(ConnectionInfo connection, ModelDeployment selected) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.target = targetFor(selected);
        String text = connection.baseUrl().toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        this.baseUrl = text;
        this.tokenText = Bindings.createStringBinding(() -> {
            if (!connection.hasToken()) {
                return "";
            }
            return tokenShown.get() ? connection.token() : HIDDEN;
        }, tokenShown);
    }

    static Target targetFor(ModelDeployment selected) {
        if (selected == null) {
            return new Target(PLACEHOLDER_WORKSPACE, PLACEHOLDER_NAME, 1, DeploymentStatus.READY,
                    "Model server is ready", true);
        }
        // A version being deleted accepts only DELETED; anything else can become READY.
        boolean deleting = selected.status() == DeploymentStatus.DELETING;
        return new Target(selected.workspace(), selected.name(), selected.entityVersion(),
                deleting ? DeploymentStatus.DELETED : DeploymentStatus.READY,
                deleting ? "Resources released" : "Model server is ready", false);
    }

    // ------------------------------------------------------------------ facts

    /** "http://127.0.0.1:8080". */
    public String baseUrl() {
        return baseUrl;
    }

    /** The browsable API documentation. */
    public String apiDocsUrl() {
        return baseUrl + "/swagger-ui/";
    }

    /** The deployment list of every workspace, the simplest request to try. */
    public String listUrl() {
        return baseUrl + "/apis/models/v2/workspaces/-/deployments";
    }

    public Target target() {
        return target;
    }

    /** "Examples update prod/llama, version 2" or how to get a real deployment into them. */
    public String targetDescription() {
        if (target.placeholder()) {
            return "The examples use a placeholder deployment (" + PLACEHOLDER_WORKSPACE + "/" + PLACEHOLDER_NAME
                    + "); select a deployment in the list first to fill in its name and version.";
        }
        return "The examples set " + target.workspace() + "/" + target.name() + ", version " + target.version()
                + ", to " + target.status() + ".";
    }

    /** How callers authenticate against this server. */
    public String authenticationText() {
        String rule = "Callers on this machine may go without a token (they are recorded as \u201Canonymous\u201D); "
                + "callers on other machines always need \u201CAuthorization: Bearer <token>\u201D. A server started "
                + "with --require-auth asks everyone for a token. A viewer token may read and follow events; an "
                + "editor token may also change deployments. The token\u2019s name is recorded as the actor in the "
                + "status history.";
        return rule + " " + ErrorTexts.tokenSource(connection);
    }

    /** Where the local token lives, never the secret. */
    public String localTokenText() {
        Path file = connection.localTokenFile();
        if (file != null) {
            return file + " (readable by you only; delete it and restart the server to rotate it)";
        }
        return connection.embedded()
                ? "This server has no local token file."
                : "The local token is in the data directory of the machine that runs the server, in the file "
                        + "local-token.";
    }

    /** How to give more clients their own tokens. */
    public String moreTokensText() {
        return "Give every other client its own token: start the server with MODELDEPLOY_TOKENS=name:role:secret "
                + "(comma-separated; role viewer or editor), for example "
                + "MODELDEPLOY_TOKENS=\"gpu-controller:editor:$(openssl rand -hex 24)\", and restart it.";
    }

    /** True when there is a secret that "Show token" can reveal. */
    public boolean canShowToken() {
        return connection.hasToken();
    }

    public BooleanProperty tokenShownProperty() {
        return tokenShown;
    }

    /** Dots until {@link #tokenShownProperty()} is set, then the secret; empty without a token. */
    public StringBinding tokenTextProperty() {
        return tokenText;
    }

    /** The secret, for the Copy button next to it; null without a token. */
    public String token() {
        return connection.token();
    }

    // ------------------------------------------------------------------ examples

    /** The URL that updates the target's status, path segments encoded, with {@code ?version=}. */
    public String statusUrl() {
        return baseUrl + ApiPaths.deployment(target.workspace(), target.name()) + "/status?version="
                + target.version();
    }

    /** The JSON body of the examples: {@code {"status": ..., "status_message": ...}}. */
    public String statusBody() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", target.status().name());
        body.put("status_message", target.message());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Example> examples() {
        return List.of(
                new Example("curl-patch", "curl (PATCH)", curl("PATCH")),
                new Example("curl-post", "curl (POST)", curl("POST")),
                new Example("httpie", "HTTPie", httpie()),
                new Example("python", "Python", python()));
    }

    /** The shell line that puts the token into MODELDEPLOY_TOKEN. */
    String exportToken() {
        Path file = connection.localTokenFile();
        if (file != null && connection.tokenSource() == TokenSource.LOCAL_TOKEN_FILE) {
            return "export MODELDEPLOY_TOKEN=\"$(cat " + shell(file.toString()) + ")\"";
        }
        return "export MODELDEPLOY_TOKEN=" + shell(TOKEN_PLACEHOLDER);
    }

    private String curl(String method) {
        return exportToken() + "\n"
                + "curl -sS -X " + method + " " + shell(statusUrl()) + " \\\n"
                + "  -H 'Content-Type: application/json' \\\n"
                + "  -H \"Authorization: Bearer $MODELDEPLOY_TOKEN\" \\\n"
                + "  -d " + shell(statusBody());
    }

    private String httpie() {
        return exportToken() + "\n"
                + "http POST " + shell(statusUrl()) + " \\\n"
                + "  \"Authorization:Bearer $MODELDEPLOY_TOKEN\" \\\n"
                + "  status=" + shell(target.status().name()) + " status_message=" + shell(target.message());
    }

    private String python() {
        Path file = connection.localTokenFile();
        String tokenLine = file != null && connection.tokenSource() == TokenSource.LOCAL_TOKEN_FILE
                ? "token = os.environ.get(\"MODELDEPLOY_TOKEN\") or open(" + python(file.toString())
                        + ").read().strip()"
                : "token = os.environ[\"MODELDEPLOY_TOKEN\"]";
        return "import json\n"
                + "import os\n"
                + "import urllib.request\n"
                + "\n"
                + "url = " + python(statusUrl()) + "\n"
                + tokenLine + "\n"
                + "body = {\"status\": " + python(target.status().name()) + ", \"status_message\": "
                + python(target.message()) + "}\n"
                + "request = urllib.request.Request(\n"
                + "    url,\n"
                + "    data=json.dumps(body).encode(\"utf-8\"),\n"
                + "    method=\"POST\",\n"
                + "    headers={\"Content-Type\": \"application/json\", \"Authorization\": \"Bearer \" + token},\n"
                + ")\n"
                + "with urllib.request.urlopen(request) as response:\n"
                + "    deployment = json.load(response)\n"
                + "print(deployment[\"status\"], deployment.get(\"status_message\", \"\"))";
    }

    /** One shell word in single quotes ({@code '} becomes {@code '\''}). */
    static String shell(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** A Python string literal (a JSON string is one). */
    static String python(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
