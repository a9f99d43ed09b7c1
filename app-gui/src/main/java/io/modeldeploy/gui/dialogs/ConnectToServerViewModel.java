package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo.TokenSource;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TaskSlot;
import io.modeldeploy.gui.util.ServerUrl;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * State of File ▸ Connect to server…: the base URL of another server (checked as it is typed), a
 * token (may stay empty: a server on this machine without {@code --require-auth} lets loopback
 * callers in without one), and the check that the server answers a one-row deployment list with
 * that token before the console moves to it. The way back is the console's built-in server,
 * started first if the console was launched with {@code --server}.
 *
 * <p>Checks run on the injected task runner. Cancel, or a newer attempt, cancels the check
 * running: its answer never arrives.
 */
public final class ConnectToServerViewModel {

    /** Makes the client that checks a server ({@code HttpDeploymentApiClient::new} in the console). */
    @FunctionalInterface
    public interface ClientFactory {
        DeploymentApiClient create(URI baseUrl, String token);
    }

    /** The check running; a newer one, or Cancel, cancels it. */
    private final TaskSlot checking;
    private final ClientFactory clients;
    private final ConnectionInfo current;
    private final List<String> recentServers;
    private final Optional<URI> runningBuiltInServer;
    private final TaskRunner.Call<ConnectionInfo> builtInServer;

    private final FieldState url = new FieldState("url", ServerUrl::problem);
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final BooleanProperty tokenShown = new SimpleBooleanProperty(this, "tokenShown", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper urlHint = new ReadOnlyStringWrapper(this, "urlHint");
    private final BooleanBinding canConnect;
    private final BooleanBinding canUseBuiltInServer;

    /**
     * @param current              the server the console uses now
     * @param recentServers        base URLs connected to before, most recent first
     * @param runningBuiltInServer the built-in server's base URL if it runs
     * @param builtInServer        the built-in server's connection, starting it first if needed (blocking)
     */
    public ConnectToServerViewModel(TaskRunner tasks, ClientFactory clients, ConnectionInfo current,
                                    List<String> recentServers, Optional<URI> runningBuiltInServer,
                                    TaskRunner.Call<ConnectionInfo> builtInServer) {
        this.checking = new TaskSlot(Objects.requireNonNull(tasks, "tasks"));
        this.clients = Objects.requireNonNull(clients, "clients");
        this.current = Objects.requireNonNull(current, "current");
        this.recentServers = List.copyOf(recentServers);
        this.runningBuiltInServer = Objects.requireNonNull(runningBuiltInServer, "runningBuiltInServer");
        this.builtInServer = Objects.requireNonNull(builtInServer, "builtInServer");
        canConnect = Bindings.createBooleanBinding(() -> url.error() == null && !busy.get(),
                url.errorProperty(), busy);
        canUseBuiltInServer = Bindings.createBooleanBinding(() -> !current.embedded() && !busy.get(), busy);
        url.textProperty().addListener((obs, old, now) -> {
            error.set(null);
            urlHint.set(ServerUrl.baseOfApiUrl(now)
                    .map(base -> "Use " + base + "? That is the server's base URL.").orElse(null));
        });
        token.addListener((obs, old, now) -> error.set(null));
    }

    /**
     * Checks the server at the URL with the token and hands its connection to {@code onConnected}
     * (on the UI executor); or shows why not in {@link #errorProperty()}.
     */
    public void connect(Consumer<ConnectionInfo> onConnected) {
        if (!canConnect.get()) {
            return;
        }
        Optional<URI> apiBase = ServerUrl.baseOfApiUrl(url.text());
        if (apiBase.isPresent()) {
            // An API address pasted whole: check and remember the server's base URL instead.
            useSuggestedUrl();
        }
        URI baseUrl = ServerUrl.parse(url.text());
        if (runningBuiltInServer.filter(baseUrl::equals).isPresent()) {
            // The built-in server by its address: connect as the console does to its own server.
            switchToBuiltInServer(onConnected);
            return;
        }
        String secret = token.get() == null || token.get().isBlank() ? null : token.get().strip();
        begin("Checking " + baseUrl + "\u2026");
        checking.run(() -> check(baseUrl, secret),
                connection -> succeeded(connection, onConnected),
                failure -> failed(describe(failure, baseUrl, secret != null)));
    }

    /** Replaces a pasted API address by the server's base URL that {@link #urlHintProperty()} offers. */
    public void useSuggestedUrl() {
        ServerUrl.baseOfApiUrl(url.text()).ifPresent(base -> url.textProperty().set(base.toString()));
    }

    /** Switches to the built-in server, starting it first when the console was launched with {@code --server}. */
    public void useBuiltInServer(Consumer<ConnectionInfo> onConnected) {
        if (canUseBuiltInServer.get()) {
            switchToBuiltInServer(onConnected);
        }
    }

    private void switchToBuiltInServer(Consumer<ConnectionInfo> onConnected) {
        begin(runningBuiltInServer.isPresent() ? "Connecting to the built-in server\u2026"
                : "Starting the built-in server\u2026");
        checking.run(builtInServer,
                connection -> succeeded(connection, onConnected),
                failure -> failed("The built-in server could not start: " + ErrorTexts.message(failure)));
    }

    /** Stops waiting for the running check; its answer is ignored. */
    public void cancel() {
        checking.cancel();
        busy.set(false);
        progress.set("");
    }

    private ConnectionInfo check(URI baseUrl, String secret) throws ApiException {
        ListPage<ModelDeployment> page = clients.create(baseUrl, secret)
                .listDeployments(ApiLimits.ALL_WORKSPACES, 1, 1);
        if (page.data() == null || page.pagination() == null) {
            throw new ApiException(200, "The answer is not a list of deployments.", List.of());
        }
        return secret == null ? ConnectionInfo.remote(baseUrl)
                : ConnectionInfo.remote(baseUrl, secret, TokenSource.ENTERED, null);
    }

    private void begin(String what) {
        error.set(null);
        progress.set(what);
        busy.set(true);
    }

    private void succeeded(ConnectionInfo connection, Consumer<ConnectionInfo> onConnected) {
        busy.set(false);
        progress.set("");
        onConnected.accept(connection);
    }

    private void failed(String message) {
        busy.set(false);
        progress.set("");
        error.set(message);
    }

    /** Why the check of {@code baseUrl} failed, and what to do about it. */
    static String describe(ApiException failure, URI baseUrl, boolean sentToken) {
        int status = failure.status();
        if (failure.isConnectionFailure()) {
            return "No answer from " + baseUrl + ": " + reason(failure, baseUrl) + ".";
        }
        if (status == 401) {
            return sentToken
                    ? "The server does not accept this token (401). Check it, or ask the server's administrator "
                            + "for another one."
                    : "This server needs a token (401): enter one below.";
        }
        if (status == 403) {
            return "The server does not accept this token for reading deployments (403).";
        }
        if (status / 100 == 2 || status == 404) {
            return baseUrl + " answers, but not like a ModelDeploy server" + (status == 404 ? " (404)" : "")
                    + ". Enter the server's base URL, such as " + ServerUrl.EXAMPLE + ".";
        }
        return "Unexpected answer from " + baseUrl + ": " + ErrorTexts.message(failure);
    }

    /** The cause of a failed connection in a few words. */
    static String reason(Throwable failure, URI baseUrl) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "the host name " + baseUrl.getHost() + " is not known";
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return "the connection timed out";
            }
            if (cause instanceof HttpTimeoutException) {
                return "it did not answer in time";
            }
            if (cause instanceof SSLException) {
                return "the secure connection failed (" + cause.getMessage() + ")";
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "nothing accepts connections on port " + port(baseUrl) + " of " + baseUrl.getHost();
            }
        }
        return failure instanceof ApiException api ? ErrorTexts.message(api) : failure.getMessage();
    }

    private static int port(URI baseUrl) {
        if (baseUrl.getPort() >= 0) {
            return baseUrl.getPort();
        }
        return "https".equalsIgnoreCase(baseUrl.getScheme()) ? 443 : 80;
    }

    // ------------------------------------------------------------------ for the view

    /** The server the console uses now. */
    public ConnectionInfo current() {
        return current;
    }

    /** Base URLs connected to before, most recent first. */
    public List<String> recentServers() {
        return recentServers;
    }

    /** What "Use the built-in server" does from here. */
    public String builtInServerText() {
        if (current.embedded()) {
            return "The console uses its built-in server now.";
        }
        return runningBuiltInServer
                .map(address -> "Back to the console's built-in server at " + address + "; it kept running.")
                .orElse("Starts the console's own server, as a launch without --server does, and switches to it.");
    }

    public FieldState url() {
        return url;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public BooleanProperty tokenShownProperty() {
        return tokenShown;
    }

    /** True while a check or a start of the built-in server runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What runs now ("Checking http://…"), or empty. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Use http://host:8080? …" while the URL is an address under the API, else null. */
    public ReadOnlyStringProperty urlHintProperty() {
        return urlHint.getReadOnlyProperty();
    }

    /** Why the last attempt failed; null after success, an edit or a new attempt. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }

    public BooleanBinding canUseBuiltInServerProperty() {
        return canUseBuiltInServer;
    }
}
