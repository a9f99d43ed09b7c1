package io.modeldeploy.server.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An event-stream client on a plain socket with a small receive buffer that reads nothing until told. */
final class StalledSseClient implements AutoCloseable {
    private static final Pattern EVENT_ID = Pattern.compile("(?m)^id: ?(\\d+)$");
    private static final Pattern EVENT_NAME = Pattern.compile("(?m)^event: ?(\\w+)$");

    private final Socket socket;

    private StalledSseClient(Socket socket) {
        this.socket = socket;
    }

    static StalledSseClient open(int port, String path) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new StalledSseClient(socket);
    }

    /** The ids of the events read, the names of all events (heartbeats and resyncs too), the bytes, whether it ended. */
    record Received(List<Long> ids, List<String> names, long bytes, boolean ended) {
    }

    /** Reads until the chunked response ends (or the connection does, or nothing comes for the timeout). */
    Received readToEnd(Duration timeout) throws IOException {
        return read(timeout, null);
    }

    /** Reads until an event named {@code name} has come, the response ends, or nothing comes for the timeout. */
    Received readUntil(Duration timeout, String name) throws IOException {
        return read(timeout, "event: " + name + "\n");
    }

    private Received read(Duration timeout, String until) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        boolean ended = false;
        try {
            int n;
            String carried = ""; // the end of the previous read, for a marker split between two reads
            while ((n = in.read(buffer)) >= 0) {
                raw.write(buffer, 0, n);
                String recent = carried + new String(buffer, 0, n, StandardCharsets.US_ASCII);
                if (recent.endsWith("\r\n0\r\n\r\n")) {
                    ended = true;
                    break;
                }
                if (until != null && recent.contains(until)) {
                    break;
                }
                carried = recent.substring(Math.max(0, recent.length() - 64));
            }
            ended |= n < 0;
        } catch (SocketTimeoutException stillOpen) {
            // ended stays false
        }
        String body = body(raw);
        List<Long> ids = new ArrayList<>();
        Matcher matcher = EVENT_ID.matcher(body);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        List<String> names = new ArrayList<>();
        Matcher name = EVENT_NAME.matcher(body);
        while (name.find()) {
            names.add(name.group(1));
        }
        return new Received(ids, names, raw.size(), ended);
    }

    private static String body(ByteArrayOutputStream raw) {
        String text = raw.toString(StandardCharsets.UTF_8);
        int headersEnd = text.indexOf("\r\n\r\n");
        return headersEnd < 0 ? "" : dechunk(text.substring(headersEnd + 4));
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            body.append(chunked, start, Math.min(chunked.length(), start + size));
            at = start + size + 2;
        }
        return body.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
