package io.modeldeploy.server.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * One keep-alive HTTP/1.1 connection over a plain blocking socket: write the request bytes, read
 * one response. Connects on first use and again after the server closed the connection or an
 * exchange failed. Not thread-safe: one connection per thread, except {@link #abort()}.
 */
final class BlockingHttpConnection implements Closeable {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final InetSocketAddress address;
    private final int readTimeoutMillis;
    private volatile Socket socket;
    private OutputStream out;
    private HttpResponseReader reader;

    /**
     * @param readTimeoutMillis how long a read may block, 0 for no limit: a timed read costs two
     *                          more system calls (a failed read and a poll), so the load runs do
     *                          without and {@link #abort()} a connection that hangs instead
     */
    BlockingHttpConnection(InetSocketAddress address, int readTimeoutMillis) {
        this.address = address;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** Sends one complete request and reads its response. */
    HttpResponseReader.Response exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            HttpResponseReader.Response response = reader.read();
            if (response.close()) {
                close();
            }
            return response;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.setSoTimeout(readTimeoutMillis);
            opened.connect(address, CONNECT_TIMEOUT_MILLIS);
            out = opened.getOutputStream();
            reader = new HttpResponseReader(opened.getInputStream());
            socket = opened;
        } catch (IOException e) {
            opened.close();
            throw e;
        }
    }

    /** From another thread: fails the exchange in progress (its thread sees an IOException). */
    void abort() {
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closed either way
            }
        }
    }

    @Override
    public void close() {
        abort();
        socket = null;
    }
}
