package io.modeldeploy.server.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A client of a text/event-stream over a real HTTP connection (java.net.http, its own client per
 * stream). Lines are parsed as the SSE spec says ({@code id:}, {@code event:}, {@code data:}, a
 * blank line dispatches, {@code :} comments are ignored) and every dispatched event is queued.
 * Every wait is bounded; {@link #close()} cancels the body, which closes the connection.
 */
public final class SseStream implements AutoCloseable {
    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);
    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(10);

    /** One dispatched event; {@code id} is null when the event had no {@code id:} field. */
    public record SseEvent(String id, String name, String data) {
        public boolean isHeartbeat() {
            return "heartbeat".equals(name);
        }

        public long eventId() {
            assertTrue(id != null, "event has an id: " + this);
            return Long.parseLong(id);
        }
    }

    private static final SseEvent END = new SseEvent(null, "<end of stream>", null);

    private final BlockingQueue<SseEvent> queue = new LinkedBlockingQueue<>();
    private final HttpResponse.ResponseInfo info;
    private final LineSubscriber lines;
    private volatile boolean ended;

    private SseStream(HttpClient http, HttpRequest request) throws Exception {
        CompletableFuture<HttpResponse.ResponseInfo> headers = new CompletableFuture<>();
        this.lines = new LineSubscriber();
        http.sendAsync(request, responseInfo -> {
                    headers.complete(responseInfo);
                    return HttpResponse.BodySubscribers.fromLineSubscriber(lines);
                })
                .whenComplete((response, error) -> {
                    if (error != null) {
                        headers.completeExceptionally(error);
                    }
                    ended = true;
                    queue.add(END);
                });
        this.info = headers.get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens {@code uri} (with extra headers as name/value pairs) and waits for the response
     * headers; asserts 200 and the event-stream content type.
     */
    public static SseStream open(URI uri, String... headerPairs) {
        SseStream stream = openRaw(uri, headerPairs);
        if (stream.status() != 200) {
            stream.close();
            fail("expected 200 for GET " + uri + " but got " + stream.status());
        }
        String contentType = stream.header("Content-Type");
        assertTrue(contentType != null && contentType.startsWith("text/event-stream"),
                "content type of " + uri + ": " + contentType);
        return stream;
    }

    public static SseStream openRaw(URI uri, String... headerPairs) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(OPEN_TIMEOUT)
                .build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().header("Accept", "text/event-stream");
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        try {
            return new SseStream(http, request.build());
        } catch (Exception e) {
            throw new AssertionError("could not open " + uri + ": " + e, e);
        }
    }

    public int status() {
        return info.statusCode();
    }

    public String header(String name) {
        return info.headers().firstValue(name).orElse(null);
    }

    public boolean ended() {
        return ended;
    }

    /** The next event of any kind, failing after {@code timeout} or at the end of the stream. */
    public SseEvent next(Duration timeout) {
        SseEvent event;
        try {
            event = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (event == null) {
            return fail("no event within " + timeout);
        }
        if (event == END) {
            queue.add(END);
            return fail("the stream ended");
        }
        return event;
    }

    public SseEvent next() {
        return next(EVENT_TIMEOUT);
    }

    /** The next event that is not a heartbeat. */
    public SseEvent nextChange(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return fail("no event other than heartbeats within " + timeout);
            }
            SseEvent event = next(Duration.ofNanos(left));
            if (!event.isHeartbeat()) {
                return event;
            }
        }
    }

    public SseEvent nextChange() {
        return nextChange(EVENT_TIMEOUT);
    }

    /** The next {@code count} events that are not heartbeats, all within {@code timeout}. */
    public List<SseEvent> nextChanges(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SseEvent> events = new ArrayList<>(count);
        while (events.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return fail("only " + events.size() + " of " + count + " events within " + timeout
                        + (events.isEmpty() ? "" : "; the last: " + events.get(events.size() - 1)));
            }
            SseEvent event;
            try {
                event = queue.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (event == END) {
                queue.add(END);
                return fail("the stream ended after " + events.size() + " of " + count + " events");
            }
            if (event != null && !event.isHeartbeat()) {
                events.add(event);
            }
        }
        return events;
    }

    /** The next heartbeat, skipping anything else. */
    public SseEvent nextHeartbeat(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return fail("no heartbeat within " + timeout);
            }
            SseEvent event = next(Duration.ofNanos(left));
            if (event.isHeartbeat()) {
                return event;
            }
        }
    }

    /** Fails if an event matching {@code unwanted} arrives within {@code window}. */
    public void expectNone(Predicate<SseEvent> unwanted, Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            SseEvent event;
            try {
                event = queue.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (event == END) {
                queue.add(END);
                return;
            }
            if (event != null && unwanted.test(event)) {
                fail("unexpected event: " + event);
            }
        }
    }

    @Override
    public void close() {
        lines.cancel();
    }

    /** Parses lines into events as the SSE spec does. */
    private final class LineSubscriber implements Flow.Subscriber<String> {
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;
        private String id;
        private String name;
        private StringBuilder data;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (cancelled) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                if (data != null || name != null || id != null) {
                    queue.add(new SseEvent(id, name == null ? "message" : name, data == null ? "" : data.toString()));
                }
                id = null;
                name = null;
                data = null;
                return;
            }
            if (line.startsWith(":")) {
                return;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> id = value;
                case "event" -> name = value;
                case "data" -> {
                    if (data == null) {
                        data = new StringBuilder(value);
                    } else {
                        data.append('\n').append(value);
                    }
                }
                default -> {
                    // retry and unknown fields are ignored
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            ended = true;
            queue.add(END);
        }

        @Override
        public void onComplete() {
            ended = true;
            queue.add(END);
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
