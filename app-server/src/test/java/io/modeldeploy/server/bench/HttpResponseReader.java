package io.modeldeploy.server.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads HTTP/1.1 responses from one connection: status line, headers, and a body framed by
 * Content-Length, chunked transfer coding, or the end of the stream. Keeps its own buffer
 * (BufferedInputStream synchronises on every byte read).
 */
final class HttpResponseReader {
    private static final int MAX_LINE = 16 * 1024;
    private static final byte[] NO_BODY = new byte[0];

    /** One response; {@code close} means the connection cannot carry another request. */
    record Response(int status, byte[] body, boolean close) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    HttpResponseReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next response to a request other than HEAD; interim 1xx responses are skipped.
     *
     * @throws EOFException when the peer closed the connection before or inside the response
     * @throws IOException  on a malformed response
     */
    Response read() throws IOException {
        while (true) {
            String statusLine = readLine();
            if (statusLine == null) {
                throw new EOFException("connection closed before a response");
            }
            int status = parseStatus(statusLine);
            boolean http10 = statusLine.startsWith("HTTP/1.0");
            long contentLength = -1;
            boolean chunked = false;
            Boolean keepAliveHeader = null;
            for (String line = requireLine(); !line.isEmpty(); line = requireLine()) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("malformed header line '" + line + "'");
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    contentLength = parseContentLength(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    String tokens = value.toLowerCase(Locale.ROOT);
                    if (tokens.contains("close")) {
                        keepAliveHeader = false;
                    } else if (tokens.contains("keep-alive")) {
                        keepAliveHeader = true;
                    }
                }
            }
            if (status >= 100 && status < 200) {
                continue;
            }
            boolean close = keepAliveHeader == null ? http10 : !keepAliveHeader;
            if (status == 204 || status == 304) {
                return new Response(status, NO_BODY, close);
            }
            if (chunked) {
                return new Response(status, readChunked(), close);
            }
            if (contentLength >= 0) {
                return new Response(status, readExactly(contentLength), close);
            }
            return new Response(status, readToEnd(), true);
        }
    }

    private static int parseStatus(String line) throws IOException {
        // "HTTP/1.1 200 OK" (the reason phrase may be empty)
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' '
                || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new IOException("malformed status line '" + line + "'");
        }
        try {
            int status = Integer.parseInt(line.substring(9, 12));
            if (status >= 100 && status <= 599) {
                return status;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IOException("malformed status line '" + line + "'");
    }

    private static long parseContentLength(String value) throws IOException {
        try {
            long length = Long.parseLong(value);
            if (length >= 0 && length <= Integer.MAX_VALUE - 8) {
                return length;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IOException("bad Content-Length '" + value + "'");
    }

    private byte[] readChunked() throws IOException {
        byte[] body = new byte[256];
        int size = 0;
        while (true) {
            String line = requireLine();
            int semicolon = line.indexOf(';'); // chunk extensions are ignored
            String hex = (semicolon >= 0 ? line.substring(0, semicolon) : line).trim();
            int chunk;
            try {
                chunk = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size line '" + line + "'");
            }
            if (chunk < 0 || chunk > Integer.MAX_VALUE - 8 - size) {
                throw new IOException("bad chunk size line '" + line + "'");
            }
            if (chunk == 0) {
                while (!requireLine().isEmpty()) {
                    // trailer fields are ignored
                }
                return Arrays.copyOf(body, size);
            }
            if (size + chunk > body.length) {
                body = Arrays.copyOf(body, Math.max(body.length * 2, size + chunk));
            }
            readFully(body, size, chunk);
            size += chunk;
            if (!requireLine().isEmpty()) {
                throw new IOException("chunk data not followed by CRLF");
            }
        }
    }

    private byte[] readExactly(long length) throws IOException {
        byte[] body = new byte[(int) length];
        readFully(body, 0, body.length);
        return body;
    }

    private void readFully(byte[] target, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            if (position == limit && !fill()) {
                throw new EOFException("connection closed inside a response body");
            }
            int n = Math.min(length - done, limit - position);
            System.arraycopy(buffer, position, target, offset + done, n);
            position += n;
            done += n;
        }
    }

    private byte[] readToEnd() throws IOException {
        byte[] body = new byte[1024];
        int size = 0;
        while (position < limit || fill()) {
            int n = limit - position;
            if (size + n > body.length) {
                body = Arrays.copyOf(body, Math.max(body.length * 2, size + n));
            }
            System.arraycopy(buffer, position, body, size, n);
            size += n;
            position = limit;
        }
        return Arrays.copyOf(body, size);
    }

    private String requireLine() throws IOException {
        String line = readLine();
        if (line == null) {
            throw new EOFException("connection closed inside a response head");
        }
        return line;
    }

    /** A line without its CRLF (or bare LF); null at the end of the stream before any byte. */
    private String readLine() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (position == limit && !fill()) {
                if (line == null) {
                    return null;
                }
                throw new EOFException("connection closed inside a response head");
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int end = position;
            boolean complete = position < limit;
            if (complete) {
                position++; // the LF
            }
            String part = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
            line = line == null ? new StringBuilder(part) : line.append(part);
            if (line.length() > MAX_LINE) {
                throw new IOException("response line longer than " + MAX_LINE + " bytes");
            }
            if (complete) {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
