package io.modeldeploy.gui.main;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo;

import java.net.URI;
import java.util.Optional;

/** How File ▸ Connect to server… moves the console to another server. */
public interface ServerSwitch {

    /** For a window that stays on its one server, as in tests that show a main view alone. */
    ServerSwitch NONE = new ServerSwitch() {
        @Override
        public Optional<URI> runningBuiltInServer() {
            return Optional.empty();
        }

        @Override
        public ConnectionInfo builtInServer() throws ApiException {
            throw ApiException.connectionFailure("This window cannot change its server.", null);
        }

        @Override
        public void switchTo(ConnectionInfo connection) {
            throw new UnsupportedOperationException("This window cannot change its server.");
        }
    };

    /** The base URL of the console's built-in server while it runs; empty before it was started. */
    Optional<URI> runningBuiltInServer();

    /** The built-in server, started first if it does not run yet. Blocks: call it off the FX thread. */
    ConnectionInfo builtInServer() throws ApiException;

    /** Makes the whole console use {@code connection} from now on. On the FX thread. */
    void switchTo(ConnectionInfo connection);
}
