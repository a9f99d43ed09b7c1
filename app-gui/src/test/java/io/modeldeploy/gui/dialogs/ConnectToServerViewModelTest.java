package io.modeldeploy.gui.dialogs;

import com.sun.net.httpserver.HttpServer;
import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo.TokenSource;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.testing.ForwardingDeploymentApiClient;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.Pagination;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File ▸ Connect to server… without a window: the URL rule, the check against real servers (one
 * that asks everyone for a token, one that is not a ModelDeploy server, none at all), what each
 * failure says, and the state while a check runs.
 */
class ConnectToServerViewModelTest {

    private static final URI BUILT_IN = URI.create("http://127.0.0.1:18080");
    private static final ConnectionInfo ON_BUILT_IN = ConnectionInfo.embedded(BUILT_IN, Path.of("/data"));
    private static final ConnectionInfo ON_REMOTE = ConnectionInfo.remote(URI.create("http://10.0.0.9:8080"));

    private static TestServer server;

    private final List<ConnectionInfo> connected = new ArrayList<>();
    private final AtomicInteger builtInStarts = new AtomicInteger();

    @BeforeAll
    static void startServer() {
        server = TestServer.start(options -> options.withRequireAuth(true));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private ConnectToServerViewModel model(ConnectionInfo current, TaskRunner async,
                                           ConnectToServerViewModel.ClientFactory clients) {
        return new ConnectToServerViewModel(async, clients, current, List.of("http://a:1", "http://b:2"),
                current.embedded() ? Optional.of(BUILT_IN) : Optional.empty(), () -> {
                    builtInStarts.incrementAndGet();
                    return ON_BUILT_IN;
                });
    }

    private ConnectToServerViewModel model(ConnectionInfo current) {
        return model(current, TaskRunner.direct(), HttpDeploymentApiClient::new);
    }

    /** A client whose list answers {@code page} or fails with {@code failure}, without a server. */
    private static ConnectToServerViewModel.ClientFactory answering(ListPage<ModelDeployment> page,
                                                                    ApiException failure) {
        return (baseUrl, token) -> new ForwardingDeploymentApiClient(new HttpDeploymentApiClient(baseUrl, token)) {
            @Override
            public ListPage<ModelDeployment> listDeployments(String workspace, int page1, int pageSize)
                    throws ApiException {
                if (failure != null) {
                    throw failure;
                }
                return page;
            }
        };
    }

    private static final ListPage<ModelDeployment> EMPTY_PAGE =
            new ListPage<>(List.of(), new Pagination(1, 1, 0, 0, 0), null);

    private String connectTo(ConnectToServerViewModel model, String url, String token) {
        model.url().textProperty().set(url);
        model.tokenProperty().set(token);
        model.connect(connected::add);
        return model.errorProperty().get();
    }

    // ------------------------------------------------------------------ the URL

    @Test
    void aPastedApiUrlOffersItsBaseUrlAndConnectUsesIt() {
        List<URI> checked = new ArrayList<>();
        ConnectToServerViewModel model = model(ON_BUILT_IN, TaskRunner.direct(), (baseUrl, token) -> {
            checked.add(baseUrl);
            return answering(EMPTY_PAGE, null).create(baseUrl, token);
        });
        model.url().textProperty().set("http://host:8080/apis/models/v2/workspaces/-/deployments");
        assertEquals("Use http://host:8080? That is the server's base URL.", model.urlHintProperty().get());

        model.useSuggestedUrl();
        assertEquals("http://host:8080", model.url().textProperty().get());
        assertNull(model.urlHintProperty().get());

        model.url().textProperty().set("http://host:8080/apis/models/v2/workspaces/-/deployments");
        model.connect(connected::add);
        assertEquals(List.of(URI.create("http://host:8080")), checked);
        assertEquals(URI.create("http://host:8080"), connected.get(0).baseUrl());
        assertEquals("http://host:8080", model.url().textProperty().get());
    }


    @Test
    void theUrlMustBeAnHttpBaseUrlWithAHost() {
        ConnectToServerViewModel model = model(ON_BUILT_IN);
        assertEquals("Enter the server's address, such as http://127.0.0.1:8080.", model.url().error());
        assertFalse(model.canConnectProperty().get());

        model.url().textProperty().set("models.example.com:8080");
        assertEquals("Start with http:// or https://, such as http://127.0.0.1:8080.", model.url().error());
        model.url().textProperty().set("ftp://models.example.com");
        assertEquals("Start with http:// or https://, such as http://127.0.0.1:8080.", model.url().error());
        model.url().textProperty().set("http://");
        assertTrue(model.url().error().startsWith("Not a valid URL"), model.url().error());
        model.url().textProperty().set("http:///apis");
        assertEquals("Add the server's host name, such as http://127.0.0.1:8080.", model.url().error());
        model.url().textProperty().set("http://models example.com");
        assertTrue(model.url().error().startsWith("Not a valid URL"), model.url().error());
        model.url().textProperty().set("http://models.example.com/?x=1");
        assertEquals("Enter the server's base URL only, without ? or #.", model.url().error());

        model.url().textProperty().set("  https://models.example.com/  ");
        assertNull(model.url().error());
        assertTrue(model.canConnectProperty().get());
    }

    @Test
    void recentServersAreOfferedAndTheTokenStartsEmptyAndHidden() {
        ConnectToServerViewModel model = model(ON_BUILT_IN);
        assertEquals(List.of("http://a:1", "http://b:2"), model.recentServers());
        assertEquals("", model.tokenProperty().get());
        assertFalse(model.tokenShownProperty().get());
        assertEquals("", model.url().text());
    }

    // ------------------------------------------------------------------ checks against real servers

    @Test
    void withTheServersTokenTheConnectionCarriesItAsEntered() {
        ConnectToServerViewModel model = model(ON_BUILT_IN);
        assertNull(connectTo(model, server.baseUrl() + "/", "  " + server.localToken() + " "));
        assertEquals(1, connected.size());
        ConnectionInfo connection = connected.get(0);
        assertEquals(server.baseUrl(), connection.baseUrl());
        assertFalse(connection.embedded());
        assertEquals(server.localToken(), connection.token());
        assertEquals(TokenSource.ENTERED, connection.tokenSource());
        assertFalse(model.busyProperty().get());
    }

    @Test
    void withoutATokenTheServerSaysItNeedsOne() {
        ConnectToServerViewModel model = model(ON_BUILT_IN);
        assertEquals("This server needs a token (401): enter one below.", connectTo(model, server.baseUrl() + "", ""));
        assertTrue(connected.isEmpty());
    }

    @Test
    void aWrongTokenIsNotAccepted() {
        ConnectToServerViewModel model = model(ON_BUILT_IN);
        String error = connectTo(model, server.baseUrl().toString(), "not-a-known-secret");
        assertTrue(error.startsWith("The server does not accept this token (401)."), error);
        assertTrue(connected.isEmpty());
    }

    @Test
    void aUrlWithoutTheApiIsNotAModelDeployServer() {
        ConnectToServerViewModel model = model(ON_BUILT_IN);
        URI wrongPath = URI.create(server.baseUrl() + "/console");
        String error = connectTo(model, wrongPath.toString(), server.localToken());
        assertEquals(wrongPath + " answers, but not like a ModelDeploy server (404). Enter the server's base URL, "
                + "such as http://127.0.0.1:8080.", error);
    }

    @Test
    void aWebServerThatAnswersSomethingElseIsNotAModelDeployServer() throws IOException {
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", exchange -> {
            byte[] page = "<html><body>Welcome</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        web.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + web.getAddress().getPort());
            String error = connectTo(model(ON_BUILT_IN), url.toString(), "");
            assertEquals(url + " answers, but not like a ModelDeploy server. Enter the server's base URL, such as "
                    + "http://127.0.0.1:8080.", error);
        } finally {
            web.stop(0);
        }
    }

    @Test
    void nothingListeningIsUnreachableWithTheReason() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String error = connectTo(model(ON_BUILT_IN), "http://127.0.0.1:" + port, "");
        assertEquals("No answer from http://127.0.0.1:" + port + ": nothing accepts connections on port " + port
                + " of 127.0.0.1.", error);
    }

    @Test
    void anUnknownHostIsUnreachableWithTheReason() {
        String error = connectTo(model(ON_BUILT_IN), "http://no-such-host.invalid:8080", "");
        assertEquals("No answer from http://no-such-host.invalid:8080: the host name no-such-host.invalid is not "
                + "known.", error);
    }

    // ------------------------------------------------------------------ other answers, without a server

    @Test
    void aForbiddenListIsATokenThatIsNotAccepted() {
        ConnectToServerViewModel model = model(ON_BUILT_IN, TaskRunner.direct(),
                answering(null, new ApiException(403, "forbidden", List.of())));
        assertEquals("The server does not accept this token for reading deployments (403).",
                connectTo(model, "http://10.0.0.5:8080", "viewer-less"));
    }

    @Test
    void aServerErrorIsAnUnexpectedAnswerInTheClientsWords() {
        ConnectToServerViewModel model = model(ON_BUILT_IN, TaskRunner.direct(),
                answering(null, new ApiException(502, "The server failed to handle the request (502).", List.of())));
        assertEquals("Unexpected answer from http://10.0.0.5:8080: The server failed to handle the request (502).",
                connectTo(model, "http://10.0.0.5:8080", ""));
    }

    @Test
    void aJsonAnswerThatIsNoListPageIsNotAModelDeployServer() {
        ConnectToServerViewModel model = model(ON_BUILT_IN, TaskRunner.direct(),
                answering(new ListPage<>(null, null, null), null));
        String error = connectTo(model, "http://10.0.0.5:8080", "");
        assertTrue(error.startsWith("http://10.0.0.5:8080 answers, but not like a ModelDeploy server."), error);
    }

    @Test
    void withoutATokenTheConnectionHasNone() {
        ConnectToServerViewModel model = model(ON_BUILT_IN, TaskRunner.direct(), answering(EMPTY_PAGE, null));
        assertNull(connectTo(model, "http://10.0.0.5:8080", "   "));
        assertEquals(ConnectionInfo.remote(URI.create("http://10.0.0.5:8080")), connected.get(0));
        assertEquals(TokenSource.NONE, connected.get(0).tokenSource());
    }

    @Test
    void anEditClearsTheLastError() {
        ConnectToServerViewModel model = model(ON_BUILT_IN, TaskRunner.direct(),
                answering(null, new ApiException(401, "no", List.of())));
        assertTrue(connectTo(model, "http://10.0.0.5:8080", "") != null);
        model.tokenProperty().set("s");
        assertNull(model.errorProperty().get());
        model.connect(connected::add);
        assertTrue(model.errorProperty().get() != null);
        model.url().textProperty().set("http://10.0.0.6:8080");
        assertNull(model.errorProperty().get());
    }

    // ------------------------------------------------------------------ while a check runs

    @Test
    void whileTheCheckRunsTheFormIsBusyAndACancelDropsItsAnswer() {
        Deque<Runnable> background = new ArrayDeque<>();
        ConnectToServerViewModel model = model(ON_BUILT_IN, new TaskRunner(background::add, Runnable::run),
                answering(EMPTY_PAGE, null));
        model.url().textProperty().set("http://10.0.0.5:8080");
        model.connect(connected::add);
        assertTrue(model.busyProperty().get());
        assertEquals("Checking http://10.0.0.5:8080\u2026", model.progressProperty().get());
        assertFalse(model.canConnectProperty().get());
        assertFalse(model.canUseBuiltInServerProperty().get());
        model.connect(connected::add);
        assertEquals(1, background.size(), "no second check while one runs");

        model.cancel();
        assertFalse(model.busyProperty().get());
        assertEquals("", model.progressProperty().get());
        background.poll().run();
        assertTrue(connected.isEmpty(), "the answer of a cancelled check is ignored");

        model.connect(connected::add);
        background.poll().run();
        assertEquals(1, connected.size());
    }

    // ------------------------------------------------------------------ the built-in server

    @Test
    void onTheBuiltInServerThereIsNoWayBackToIt() {
        ConnectToServerViewModel model = model(ON_BUILT_IN);
        assertFalse(model.canUseBuiltInServerProperty().get());
        assertEquals("The console uses its built-in server now.", model.builtInServerText());
        model.useBuiltInServer(connected::add);
        assertEquals(0, builtInStarts.get());
        assertTrue(connected.isEmpty());
    }

    @Test
    void fromAnotherServerTheBuiltInOneIsStartedOrReused() {
        ConnectToServerViewModel notStarted = model(ON_REMOTE);
        assertTrue(notStarted.canUseBuiltInServerProperty().get());
        assertEquals("Starts the console's own server, as a launch without --server does, and switches to it.",
                notStarted.builtInServerText());
        notStarted.useBuiltInServer(connected::add);
        assertEquals(List.of(ON_BUILT_IN), connected);

        ConnectToServerViewModel running = new ConnectToServerViewModel(TaskRunner.direct(), HttpDeploymentApiClient::new,
                ON_REMOTE, List.of(), Optional.of(BUILT_IN), () -> ON_BUILT_IN);
        assertEquals("Back to the console's built-in server at http://127.0.0.1:18080; it kept running.",
                running.builtInServerText());
    }

    @Test
    void theBuiltInServersOwnAddressConnectsToItAsTheBuiltInServer() {
        ConnectToServerViewModel model = model(ON_BUILT_IN, TaskRunner.direct(),
                answering(null, new ApiException(500, "must not be asked", List.of())));
        assertNull(connectTo(model, BUILT_IN + "/", ""));
        assertEquals(List.of(ON_BUILT_IN), connected);
        assertEquals(1, builtInStarts.get());
    }

    @Test
    void aBuiltInServerThatCannotStartSaysWhy() {
        ConnectToServerViewModel model = new ConnectToServerViewModel(TaskRunner.direct(), HttpDeploymentApiClient::new,
                ON_REMOTE, List.of(), Optional.empty(), () -> {
                    throw ApiException.connectionFailure("The data directory /d is in use by another ModelDeploy "
                            + "server.", null);
                });
        model.useBuiltInServer(connected::add);
        assertEquals("The built-in server could not start: The data directory /d is in use by another ModelDeploy "
                + "server.", model.errorProperty().get());
        assertTrue(connected.isEmpty());
        assertFalse(model.busyProperty().get());
    }
}
