package io.modeldeploy.gui.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.StreamHeartbeat;
import io.modeldeploy.model.StreamResync;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Follows the server's deployment event stream ({@code GET .../workspaces/{workspace}/deployment-events},
 * {@code text/event-stream}) on its own daemon thread and hands what arrives to a {@link Listener}
 * on the UI executor, in commit order.
 *
 * <ul>
 *   <li><b>Resume.</b> Every reconnect sends {@code Last-Event-ID} with the newest event id
 *       received, so the server replays exactly what was missed. The first heartbeat of a stream
 *       that had no id yet supplies the starting point.</li>
 *   <li><b>No duplicates.</b> An event whose id is not above the newest one received is dropped.</li>
 *   <li><b>Dead connections.</b> The server sends a heartbeat every few seconds; a connection
 *       without any data for {@link Settings#stallTimeout()} is closed and opened again.</li>
 *   <li><b>Reconnects</b> wait {@link Settings#initialBackoff()}, doubling up to
 *       {@link Settings#maxBackoff()}. After {@link Settings#offlineAfterFailures()} failed attempts
 *       in a row the state is {@link State#OFFLINE}; it keeps trying.</li>
 *   <li><b>Server reset.</b> If the server's newest event id is below the id this stream resumed
 *       from, its log is not the one the console followed (e.g. another data directory):
 *       {@link Listener#onResync} asks for a full reload and the stream continues from the server's id.
 *       The same when the server sends a {@code resync} event: the events since our id are older
 *       than it keeps.</li>
 * </ul>
 *
 * <p>The {@link #state() state} is only changed on the UI executor, right before
 * {@link Listener#onStateChanged} hears of it.
 */
public final class DeploymentEventStream implements AutoCloseable {

    /** Where the stream stands. */
    public enum State {
        /** Opening the first connection. */
        CONNECTING,
        /** Connected: the server's heartbeat arrived; changes show as they happen. */
        LIVE,
        /** The connection broke or an attempt failed; trying again. */
        RECONNECTING,
        /** Several attempts in a row failed: the server is unreachable for now. Still trying. */
        OFFLINE,
        /** {@link #close()} was called. */
        CLOSED
    }

    /** Receives what the stream delivers, always on the UI executor. */
    public interface Listener {

        /** Changes in commit order; every id is above every id delivered before. */
        void onEvents(List<DeploymentEvent> events);

        /** A heartbeat: the connection is alive; {@code last_event_id} is the server's newest event. */
        default void onHeartbeat(StreamHeartbeat heartbeat) {
        }

        default void onStateChanged(State state) {
        }

        /** The stream cannot vouch for having delivered every change: reload everything. */
        default void onResync(ResyncReason reason) {
        }

        /**
         * The server refused the stream (401 or 403): {@code denial} is an {@link ApiException.Kind#ACCESS_DENIED}
         * that says whether a token was sent. The stream keeps retrying with its back-off.
         */
        default void onAccessDenied(ApiException denial) {
        }
    }

    /** Why the stream cannot vouch for having delivered every change. */
    public enum ResyncReason {
        /** An event could not be read; it is skipped. */
        UNREADABLE_EVENT,
        /** The server no longer keeps every event since the one this stream resumed from. */
        EVENTS_EXPIRED,
        /** The server's event log ends before where this stream was: its log is not the one followed. */
        LOG_RESTARTED
    }

    /**
     * Timing of reconnects and of detecting a dead connection. The answer to a connection attempt
     * (its headers) must arrive within {@code connectTimeout} plus {@code stallTimeout}; opening the
     * connection itself is bounded by the client's own connect timeout as well.
     */
    public record Settings(Duration initialBackoff, Duration maxBackoff, Duration stallTimeout,
                           int offlineAfterFailures, Duration connectTimeout) {

        public Settings {
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(stallTimeout, "stallTimeout");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0
                    || stallTimeout.isNegative() || stallTimeout.isZero() || offlineAfterFailures < 1) {
                throw new IllegalArgumentException("invalid stream settings");
            }
        }

        /** 0.5 s doubling to 10 s; dead after 30 s without data (the server beats every 10 s); offline after 3 failures. */
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(30), 3,
                    Duration.ofSeconds(5));
        }
    }

    /** The SSE event name of the heartbeat. */
    public static final String HEARTBEAT = "heartbeat";
    /** The SSE event name of a request to reload (the events since our id are no longer kept). */
    public static final String RESYNC = "resync";

    private static final System.Logger LOG = System.getLogger(DeploymentEventStream.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** The longest a Retry-After is followed; a server asking for more is asked again after this. */
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(60);

    private final ServerEndpoint server;
    private final String path;
    private final Executor ui;
    private final Listener listener;
    private final Settings settings;
    private final ObjectMapper json = Json.mapper();
    private final ScheduledExecutorService watchdog;
    private final Queue<DeploymentEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Object sleeper = new Object();
    private final Object stateLock = new Object();

    private volatile boolean closed;
    private volatile long lastEventId;
    private volatile long lastDataNanos;
    private volatile InputStream currentBody;
    private volatile State threadState = State.CONNECTING;
    /** The state as the UI executor knows it: written only there. */
    private volatile State state = State.CONNECTING;
    private volatile boolean liveOnThisConnection;
    private Thread thread;
    private final AtomicInteger connections = new AtomicInteger();

    /**
     * A stream of {@code workspace}'s events ({@code "-"}: every workspace) from {@code server}, on its
     * HTTP client, with its headers and token. {@link HttpDeploymentApiClient#eventStream} makes them.
     */
    DeploymentEventStream(ServerEndpoint server, String workspace, Executor ui, Listener listener,
                          Settings settings) {
        this.server = Objects.requireNonNull(server, "server");
        this.path = ApiPaths.deploymentEvents(Objects.requireNonNull(workspace, "workspace"));
        this.ui = Objects.requireNonNull(ui, "ui");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "modeldeploy-events-watchdog-"));
        this.lastEventId = -1;
    }

    private static Thread daemon(Runnable r, String prefix) {
        Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    /** Starts following the stream from now on (the first heartbeat supplies the starting id). */
    public void start() {
        start(-1);
    }

    /**
     * Starts following the stream; with {@code resumeAfter >= 0} the server first replays every
     * event with a higher id. Can be called once.
     */
    public synchronized void start(long resumeAfter) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        if (closed) {
            throw new IllegalStateException("closed");
        }
        lastEventId = resumeAfter < 0 ? -1 : resumeAfter;
        long period = Math.max(20, Math.min(1000, settings.stallTimeout().toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::checkStall, period, period, TimeUnit.MILLISECONDS);
        thread = new Thread(this::run, "modeldeploy-events-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops for good: the connection is closed, nothing more is delivered. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = thread;
        }
        closeBody();
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        if (running != null) {
            running.interrupt();
        }
        watchdog.shutdownNow();
        pending.clear();
        changeState(State.CLOSED);
    }

    public boolean isClosed() {
        return closed;
    }

    /** True while the reading thread is alive (started and not yet ended after {@link #close()}). */
    public synchronized boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    /** The stream's URI. */
    public URI uri() {
        return server.uri(path);
    }

    /** The server this stream follows, with the HTTP client it shares with the API client. */
    ServerEndpoint endpoint() {
        return server;
    }

    /** The newest event id received (also the one sent as Last-Event-ID on reconnect); -1 while unknown. */
    public long lastEventId() {
        return lastEventId;
    }

    /** How many connections were opened (answered with an event stream) so far. */
    public int connectionCount() {
        return connections.get();
    }

    /** Where the stream stands; changes on the UI executor, as {@link Listener#onStateChanged} reports. */
    public State state() {
        return state;
    }

    // ------------------------------------------------------------------ the reading thread

    private void run() {
        int failures = 0;
        long backoff = settings.initialBackoff().toMillis();
        while (!closed) {
            boolean reachedLive;
            Duration busyFor = null;
            try {
                reachedLive = connectAndRead();
                if (!closed) {
                    LOG.log(System.Logger.Level.DEBUG, "Event stream ended; reconnecting");
                }
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
                reachedLive = liveOnThisConnection;
            } catch (ServerBusy e) {
                reachedLive = false;
                busyFor = e.retryAfter;
                LOG.log(System.Logger.Level.DEBUG, "Event stream refused for now: " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                reachedLive = liveOnThisConnection;
                if (!closed) {
                    LOG.log(System.Logger.Level.DEBUG, "Event stream failed: " + describe(e));
                }
            } finally {
                closeBody();
            }
            if (closed) {
                break;
            }
            if (busyFor != null) {
                // The server is there but has no room now (its stream limit, say): not a failure, and not
                // sooner than it asks for.
                changeState(failures >= settings.offlineAfterFailures() ? State.OFFLINE : State.RECONNECTING);
                sleep(Math.max(backoff, Math.min(busyFor.toMillis(), LONGEST_RETRY_AFTER.toMillis())));
                continue;
            }
            if (reachedLive) {
                failures = 0;
                backoff = settings.initialBackoff().toMillis();
            } else {
                failures++;
            }
            changeState(failures >= settings.offlineAfterFailures() ? State.OFFLINE : State.RECONNECTING);
            sleep(backoff);
            if (!reachedLive) {
                backoff = Math.min(settings.maxBackoff().toMillis(), Math.max(1, backoff) * 2);
            }
        }
    }

    /** One connection: answers whether it got as far as the first heartbeat. */
    private boolean connectAndRead() throws IOException, InterruptedException {
        liveOnThisConnection = false;
        long resumeFrom = lastEventId;
        HttpRequest.Builder request = server.request(path, "text/event-stream",
                        settings.connectTimeout().plus(settings.stallTimeout()))
                .header("Cache-Control", "no-cache")
                .GET();
        if (resumeFrom >= 0) {
            request.header("Last-Event-ID", Long.toString(resumeFrom));
        }
        HttpResponse<InputStream> response = server.http().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = response.body();
        currentBody = body;
        if (closed) {
            return false;
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            ApiException denial = server.accessDenied(status, null);
            onUi(() -> listener.onAccessDenied(denial));
            throw new IOException("the server refused the event stream (HTTP " + status + ")");
        }
        if (status == 429 || status == 503) {
            Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(this::seconds);
            if (retryAfter.isPresent()) {
                throw new ServerBusy(status, retryAfter.get());
            }
        }
        if (status != 200) {
            throw new IOException("the server answered HTTP " + response.statusCode());
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
            throw new IOException("the server answered " + (contentType.isEmpty() ? "no content type" : contentType)
                    + " instead of an event stream");
        }
        connections.incrementAndGet();
        lastDataNanos = System.nanoTime();
        SseParser parser = new SseParser();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while (!closed && (line = reader.readLine()) != null) {
                lastDataNanos = System.nanoTime();
                var event = parser.feed(line);
                if (event.isPresent()) {
                    handle(event.get(), resumeFrom);
                }
            }
        }
        return liveOnThisConnection;
    }

    private void handle(SseEvent event, long resumeFrom) {
        if (HEARTBEAT.equals(event.type())) {
            handleHeartbeat(event, resumeFrom);
            return;
        }
        if (RESYNC.equals(event.type())) {
            handleResync(event);
            return;
        }
        if (event.id() == null) {
            LOG.log(System.Logger.Level.DEBUG, "Ignoring event '" + event.type() + "' without id");
            return;
        }
        long id;
        try {
            id = Long.parseLong(event.id().trim());
        } catch (NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring event with id '" + event.id() + "'");
            return;
        }
        if (id <= lastEventId) {
            return; // already delivered (a replay overlapping what was received)
        }
        lastEventId = id;
        DeploymentEvent parsed;
        try {
            parsed = json.readValue(event.data(), DeploymentEvent.class);
        } catch (JsonProcessingException e) {
            LOG.log(System.Logger.Level.WARNING, "Unreadable event " + id + ": " + e.getOriginalMessage());
            onUi(() -> listener.onResync(ResyncReason.UNREADABLE_EVENT));
            return;
        }
        if (parsed == null || parsed.type() == null || parsed.deployment() == null) {
            LOG.log(System.Logger.Level.DEBUG, "Ignoring event " + id + " of unknown type '" + event.type() + "'");
            return;
        }
        pending.add(parsed);
        if (drainScheduled.compareAndSet(false, true)) {
            onUi(this::drain);
        }
    }

    /** The server no longer keeps every event since our id: reload, then follow from its newest. */
    private void handleResync(SseEvent event) {
        StreamResync resync;
        try {
            resync = json.readValue(event.data(), StreamResync.class);
        } catch (JsonProcessingException e) {
            LOG.log(System.Logger.Level.WARNING, "Unreadable resync: " + e.getOriginalMessage());
            return;
        }
        if (resync == null) {
            return;
        }
        lastEventId = resync.lastEventId();
        LOG.log(System.Logger.Level.INFO, "The server asks for a reload: " + resync.reason());
        onUi(() -> listener.onResync(ResyncReason.EVENTS_EXPIRED));
    }

    private void handleHeartbeat(SseEvent event, long resumeFrom) {
        StreamHeartbeat heartbeat;
        try {
            heartbeat = json.readValue(event.data(), StreamHeartbeat.class);
        } catch (JsonProcessingException e) {
            LOG.log(System.Logger.Level.DEBUG, "Unreadable heartbeat: " + e.getOriginalMessage());
            return;
        }
        if (heartbeat == null) {
            return;
        }
        if (!liveOnThisConnection) {
            liveOnThisConnection = true;
            if (resumeFrom >= 0 && heartbeat.lastEventId() < resumeFrom) {
                lastEventId = heartbeat.lastEventId();
                LOG.log(System.Logger.Level.INFO, "The server's events end at " + heartbeat.lastEventId()
                        + ", before " + resumeFrom + " where this console was: reloading everything");
                onUi(() -> listener.onResync(ResyncReason.LOG_RESTARTED));
            } else if (lastEventId < 0) {
                lastEventId = heartbeat.lastEventId();
            }
            changeState(State.LIVE);
        }
        onUi(() -> listener.onHeartbeat(heartbeat));
    }

    private void drain() {
        drainScheduled.set(false);
        List<DeploymentEvent> batch = new ArrayList<>();
        DeploymentEvent next;
        while ((next = pending.poll()) != null) {
            batch.add(next);
        }
        if (!closed && !batch.isEmpty()) {
            listener.onEvents(List.copyOf(batch));
        }
    }

    private void checkStall() {
        InputStream body = currentBody;
        if (body != null && !closed
                && System.nanoTime() - lastDataNanos > settings.stallTimeout().toNanos()) {
            LOG.log(System.Logger.Level.DEBUG, "No data on the event stream for " + settings.stallTimeout()
                    + "; reconnecting");
            closeBody();
        }
    }

    private void closeBody() {
        InputStream body = currentBody;
        currentBody = null;
        if (body != null) {
            try {
                body.close();
            } catch (IOException | RuntimeException ignored) {
                // closing a broken stream
            }
        }
    }

    private void sleep(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (sleeper) {
            while (!closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(sleeper, left);
                } catch (InterruptedException e) {
                    if (closed) {
                        return;
                    }
                }
            }
        }
    }

    private void changeState(State next) {
        synchronized (stateLock) {
            if (threadState == next || threadState == State.CLOSED) {
                return;
            }
            threadState = next;
        }
        deliver(() -> {
            if (state == State.CLOSED) {
                return;
            }
            state = next;
            listener.onStateChanged(next);
        }, next == State.CLOSED);
    }

    private void onUi(Runnable task) {
        deliver(task, false);
    }

    /** Runs {@code task} on the UI executor; once closed, only the final state change still gets through. */
    private void deliver(Runnable task, boolean evenWhenClosed) {
        try {
            ui.execute(() -> {
                if (evenWhenClosed || !closed) {
                    task.run();
                }
            });
        } catch (RuntimeException e) {
            // The UI is gone (toolkit exited): nobody listens any more.
            LOG.log(System.Logger.Level.DEBUG, "Event stream update dropped: " + describe(e));
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** A Retry-After of whole seconds (its date form is not used by the servers this talks to). */
    private Optional<Duration> seconds(String retryAfter) {
        try {
            long seconds = Long.parseLong(retryAfter.trim());
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The server answered 429 or 503 with a Retry-After: it is there, but asks to be asked later. */
    private static final class ServerBusy extends IOException {
        private final Duration retryAfter;

        ServerBusy(int status, Duration retryAfter) {
            super("HTTP " + status + ", retry after " + retryAfter.toSeconds() + " s");
            this.retryAfter = retryAfter;
        }
    }
}
