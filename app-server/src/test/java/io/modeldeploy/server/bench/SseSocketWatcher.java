package io.modeldeploy.server.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One event-stream subscriber on a plain socket and a thread of its own, light enough to run
 * hundreds in one process: it reads the chunked response, notes the time each status change
 * arrives and checks that the changes come in order. A change's status message is
 * {@code w<sequence>-<System.nanoTime() when sent>} ({@link #message}), so the delay from sending to
 * arriving is measured on one clock.
 */
public final class SseSocketWatcher implements AutoCloseable {
    private static final Pattern MESSAGE = Pattern.compile("\"status_message\":\"w(\\d+)-(\\d+)\"");

    private final Socket socket;
    private final Thread reader;
    private final CountDownLatch greeted = new CountDownLatch(1);
    private final long[] delays;
    private volatile int received;
    private volatile long lastEventId = -1;
    private volatile String problem;

    private SseSocketWatcher(Socket socket, int changes, String name) {
        this.socket = socket;
        this.delays = new long[changes];
        this.reader = new Thread(this::read, name);
        this.reader.setDaemon(true);
    }

    /** The status message that carries a change's sequence number and sending time. */
    public static String message(int sequence, long sentNanos) {
        return "w" + sequence + "-" + sentNanos;
    }

    /** Opens {@code GET path} on {@code address} and starts reading; expects {@code changes} status changes. */
    public static SseSocketWatcher open(InetSocketAddress address, String hostHeader, String path, int changes,
                                        String name) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 10_000);
        socket.setSoTimeout(0);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        SseSocketWatcher watcher = new SseSocketWatcher(socket, changes, name);
        watcher.reader.start();
        return watcher;
    }

    /** Waits for the stream's first heartbeat: from then on it receives every change. */
    public boolean awaitGreeting(long timeout, TimeUnit unit) throws InterruptedException {
        return greeted.await(timeout, unit);
    }

    /** Waits until every expected change arrived, a problem showed, or {@code deadlineNanos} (System.nanoTime) passed. */
    public void awaitChanges(long deadlineNanos) throws InterruptedException {
        while (received < delays.length && problem == null && System.nanoTime() < deadlineNanos) {
            Thread.sleep(10);
        }
    }

    /** How many of the expected changes arrived. */
    public int received() {
        return received;
    }

    /** Whether the changes arrived in order, none missing, event ids increasing; null when so. */
    public String problem() {
        return problem;
    }

    /** The delays from sending to arriving of the changes received, in nanoseconds, by sequence. */
    public long[] delays() {
        return java.util.Arrays.copyOf(delays, received);
    }

    private void read() {
        try (InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024)) {
            String status = line(in);
            if (status == null || !status.startsWith("HTTP/1.1 200")) {
                problem = "answered " + status;
                greeted.countDown();
                return;
            }
            String header;
            boolean chunked = false;
            while ((header = line(in)) != null && !header.isEmpty()) {
                chunked |= header.toLowerCase(java.util.Locale.ROOT).startsWith("transfer-encoding: chunked");
            }
            EventParser parser = new EventParser();
            if (!chunked) {
                int b;
                while ((b = in.read()) >= 0) {
                    parser.accept((byte) b);
                }
                return;
            }
            String size;
            while ((size = line(in)) != null) {
                int length = Integer.parseInt(size.trim(), 16);
                if (length == 0) {
                    return;
                }
                for (int i = 0; i < length; i++) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    parser.accept((byte) b);
                }
                line(in); // the chunk's CRLF
            }
        } catch (IOException closed) {
            // closed by close(), or the server went away: received() tells how far it got
        } finally {
            greeted.countDown();
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.US_ASCII);
    }

    /** Server-sent events, line by line: a blank line ends an event. */
    private final class EventParser {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        private final List<String> fields = new ArrayList<>();

        void accept(byte b) {
            if (b != '\n') {
                line.write(b);
                return;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (!text.isEmpty()) {
                fields.add(text);
                return;
            }
            dispatch(System.nanoTime());
            fields.clear();
        }

        private void dispatch(long arrived) {
            String name = null;
            String id = null;
            String data = null;
            for (String field : fields) {
                if (field.startsWith("event:")) {
                    name = field.substring(6).trim();
                } else if (field.startsWith("id:")) {
                    id = field.substring(3).trim();
                } else if (field.startsWith("data:")) {
                    data = field.substring(5).trim();
                }
            }
            if ("heartbeat".equals(name)) {
                greeted.countDown();
                return;
            }
            if (id != null) {
                long eventId = Long.parseLong(id);
                if (eventId <= lastEventId && problem == null) {
                    problem = "event id " + eventId + " after " + lastEventId;
                }
                lastEventId = eventId;
            }
            if (!"status_changed".equals(name) || data == null) {
                return;
            }
            Matcher matcher = MESSAGE.matcher(data);
            if (!matcher.find()) {
                return;
            }
            int sequence = Integer.parseInt(matcher.group(1));
            if (sequence != received && problem == null) {
                problem = "change " + sequence + " arrived where " + received + " was due";
            }
            if (received < delays.length) {
                delays[received] = arrived - Long.parseLong(matcher.group(2));
                received = received + 1;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
