package io.modeldeploy.server.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * One keep-alive HTTP/1.1 connection over a plain blocking socket: write the request bytes, read
 * one response. Connects on first use and again after the server closed the connection or an
 * exchange failed. Not thread-safe: one connection per thread.
 */
final class BlockingHttpConnection implements Closeable {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final InetSocketAddress address;
    private Socket socket;
    private OutputStream out;
    private HttpResponseReader reader;

    BlockingHttpConnection(InetSocketAddress address) {
        this.address = address;
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
            opened.setSoTimeout(READ_TIMEOUT_MILLIS);
            opened.connect(address, CONNECT_TIMEOUT_MILLIS);
            out = opened.getOutputStream();
            reader = new HttpResponseReader(opened.getInputStream());
            socket = opened;
        } catch (IOException e) {
            opened.close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
            socket = null;
        }
    }
}
