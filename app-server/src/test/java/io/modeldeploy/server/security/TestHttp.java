package io.modeldeploy.server.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately dumb HTTP/1.1 client over a plain socket: the request line, headers and body go
 * out exactly as given (raw bytes, invalid escapes, odd methods), one connection per request,
 * every wait bounded. Answers come back as a {@link Reply} whatever their status. Only ever
 * used against a server these tests started (loopback).
 */
public final class TestHttp {
    public static final String BASE = "/apis/models/v2/workspaces/";
    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Plain JSON grammar (RFC 8259), read from text; no limits but the body's own size. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000)
                    .maxStringLength(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).build())
            .build();

    private final String host;
    private final int port;

    public TestHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public TestHttp(URI baseUrl) {
        this(baseUrl.getHost().replace("[", "").replace("]", ""), baseUrl.getPort());
    }

    public int port() {
        return port;
    }

    // ---- paths ----

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code /apis/models/v2/workspaces/{ws}/deployments[/segment...]}, every segment percent-encoded. */
    public static String deployments(String workspace, String... segments) {
        StringBuilder path = new StringBuilder(BASE).append(encode(workspace)).append("/deployments");
        for (String segment : segments) {
            path.append('/').append(encode(segment));
        }
        return path.toString();
    }

    public static String events(String workspace) {
        return BASE + encode(workspace) + "/deployment-events";
    }

    // ---- sending ----

    public Reply get(String target, String... headers) {
        return send("GET", target, null, headers);
    }

    public Reply delete(String target, String... headers) {
        return send("DELETE", target, null, headers);
    }

    public Reply postJson(String target, String body, String... headers) {
        return send("POST", target, body, withJson(headers));
    }

    public Reply patchJson(String target, String body, String... headers) {
        return send("PATCH", target, body, withJson(headers));
    }

    private static String[] withJson(String[] headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    public Reply send(String method, String target, String body, String... headers) {
        return send(method, target.getBytes(StandardCharsets.UTF_8),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * Sends one request on a fresh connection. {@code headers} are name/value pairs; a null value
     * leaves the header out ({@code "Host", null}: no Host at all; a Host given replaces the address's). A response with a text/event-stream body is returned as soon as its
     * headers are read (the body is not waited for).
     */
    public Reply send(String method, byte[] target, byte[] body, String... headers) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            writeRequest(socket.getOutputStream(), method, target, body, headers);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Reply head = readHead(in);
            if (head == null) {
                throw new IOException("connection closed without a response");
            }
            head = head.forMethod(method);
            if (method.equals("HEAD") || head.status == 204 || head.status == 304
                    || head.isEventStream()) {
                return head;
            }
            return head.withBody(readBody(in, head));
        } catch (IOException e) {
            String shown = new String(target, StandardCharsets.UTF_8);
            throw new UncheckedIOException(method + " " + (shown.length() > 300 ? shown.substring(0, 300) + "..." : shown)
                    + ": " + e, e);
        }
    }

    private void writeRequest(OutputStream out, String method, byte[] target, byte[] body, String... headers)
            throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write((method + " ").getBytes(StandardCharsets.ISO_8859_1));
        request.write(target);
        request.write(" HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
        boolean hostGiven = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            hostGiven |= headers[i].equalsIgnoreCase("Host");
        }
        if (!hostGiven) {
            header(request, "Host", (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
        }
        header(request, "Connection", "close");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                header(request, headers[i], headers[i + 1]);
            }
        }
        if (body != null) {
            header(request, "Content-Length", Integer.toString(body.length));
        }
        request.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            request.write(body);
        }
        try {
            out.write(request.toByteArray());
            out.flush();
        } catch (IOException e) {
            // The server may answer (413, 400) and close before reading everything: read that answer.
        }
    }

    private static void header(ByteArrayOutputStream request, String name, String value) throws IOException {
        request.write((name + ": ").getBytes(StandardCharsets.ISO_8859_1));
        request.write(value.getBytes(StandardCharsets.UTF_8));
        request.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Reply readHead(InputStream in) throws IOException {
        String statusLine = readLine(in);
        while (statusLine != null && statusLine.isEmpty()) {
            statusLine = readLine(in);
        }
        if (statusLine == null) {
            return null;
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        if (status == 100) {
            return readHead(in);
        }
        return new Reply(status, headers, new byte[0], "GET");
    }

    private static byte[] readBody(InputStream in, Reply head) throws IOException {
        String length = head.header("Content-Length");
        if (head.isChunked()) {
            return new ChunkedInputStream(in).readAllBytes();
        }
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length.trim()));
        }
        return in.readAllBytes();
    }

    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    // ---- the event stream ----

    /**
     * Opens the event stream of {@code workspace} and returns the {@code last_event_id} of the
     * heartbeat the server sends first on connecting (it reads every committed event before).
     */
    public long lastEventId(String workspace, String... headers) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            String[] all = new String[headers.length + 2];
            all[0] = "Accept";
            all[1] = "text/event-stream";
            System.arraycopy(headers, 0, all, 2, headers.length);
            writeRequest(socket.getOutputStream(), "GET", events(workspace).getBytes(StandardCharsets.UTF_8), null, all);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Reply head = readHead(in);
            if (head == null || head.status != 200) {
                throw new AssertionError("event stream of " + workspace + " answered "
                        + (head == null ? "nothing" : head.status + " " + head.withBody(readBody(in, head)).body()));
            }
            InputStream events = head.isChunked() ? new ChunkedInputStream(in) : in;
            String name = null;
            StringBuilder data = null;
            for (String line = readLine(events); line != null; line = readLine(events)) {
                if (line.isEmpty()) {
                    if ("heartbeat".equals(name) && data != null) {
                        Object lastId = parse(data.toString()).get("last_event_id");
                        return ((Number) lastId).longValue();
                    }
                    name = null;
                    data = null;
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
            throw new AssertionError("the event stream ended before a heartbeat");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        try {
            Object tree = readJson(json);
            if (tree instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw new AssertionError("not a JSON object: " + json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** One JSON value as maps, lists, strings, numbers, booleans and null; nothing may follow it. */
    static Object readJson(String json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new IOException("no JSON value");
            }
            Object value = readValue(parser);
            if (parser.nextToken() != null) {
                throw new IOException("data after the JSON value");
            }
            return value;
        }
    }

    private static Object readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, readValue(parser));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(parser));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return parser.getNumberValue();
            }
            case VALUE_TRUE -> {
                return true;
            }
            case VALUE_FALSE -> {
                return false;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + token);
        }
    }

    /** One answer: status, headers (names lower-cased) and the raw body. */
    public static final class Reply {
        public final int status;
        /** The method of the request this answers (HEAD answers have no body). */
        public final String method;
        private final Map<String, List<String>> headers;
        private final byte[] rawBody;

        Reply(int status, Map<String, List<String>> headers, byte[] rawBody, String method) {
            this.status = status;
            this.headers = headers;
            this.rawBody = rawBody;
            this.method = method;
        }

        Reply withBody(byte[] body) {
            return new Reply(status, headers, body, method);
        }

        Reply forMethod(String requestMethod) {
            return new Reply(status, headers, rawBody, requestMethod);
        }

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public boolean hasHeader(String name) {
            return headers.containsKey(name.toLowerCase(Locale.ROOT));
        }

        public Map<String, List<String>> headers() {
            return headers;
        }

        boolean isChunked() {
            String encoding = header("Transfer-Encoding");
            return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
        }

        public boolean isEventStream() {
            String type = header("Content-Type");
            return type != null && type.startsWith("text/event-stream");
        }

        public String body() {
            return new String(rawBody, StandardCharsets.UTF_8);
        }

        /** The body as a JSON object (fails when it is not one). */
        public Map<String, Object> map() {
            return parse(body());
        }

        /** The body as any JSON value, or null when it is not JSON (or is JSON null). */
        public Object jsonOrNull() {
            try {
                return readJson(body());
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** Whether the body is one JSON value, by the grammar of RFC 8259. */
        public boolean isJson() {
            try {
                readJson(body());
                return true;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        /** {@code detail} of a {@code {"detail": "..."}} error, failing when there is none. */
        public String detail() {
            Object detail = map().get("detail");
            if (!(detail instanceof String text)) {
                throw new AssertionError("expected a string detail but got: " + body());
            }
            return text;
        }

        public Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body());
            }
            return this;
        }

        @Override
        public String toString() {
            String text = body();
            return status + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    /** The body of a chunked response, chunk framing removed. */
    static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private int remaining;
        private boolean eof;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (eof) {
                return -1;
            }
            if (remaining == 0) {
                String sizeLine = readLine(in);
                if (sizeLine == null) {
                    eof = true;
                    return -1;
                }
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                if (size == 0) {
                    eof = true;
                    for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                        // trailers are ignored
                    }
                    return -1;
                }
                remaining = size;
            }
            int n = in.read(buffer, offset, Math.min(length, remaining));
            if (n < 0) {
                throw new EOFException("connection closed inside a chunk");
            }
            remaining -= n;
            if (remaining == 0) {
                readLine(in);
            }
            return n;
        }
    }
}
