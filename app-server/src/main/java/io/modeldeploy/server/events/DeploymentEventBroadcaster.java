package io.modeldeploy.server.events;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.modeldeploy.model.StreamHeartbeat;
import io.modeldeploy.model.StreamResync;
import io.modeldeploy.server.error.HttpErrorException;
import io.modeldeploy.server.persistence.DeploymentEventRow;
import io.modeldeploy.server.service.DeploymentEventLog;
import io.modeldeploy.server.service.EventsReadable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fans committed events out to every subscriber of the event stream. One thread does all the
 * work: it reads new events from the database after each commit, of this server or (on
 * PostgreSQL) of any other instance sharing the database (the table, not memory, is the source of
 * truth; event ids increase in commit order across all instances), replays the backlog of a
 * subscriber that resumes, and sends heartbeats. Since subscribing, replaying and dispatching all happen on that thread, a resuming subscriber gets
 * every event after its id exactly once, in order. Writers only wake it up, so any number of
 * subscribers costs a status update nothing. A subscriber that cannot keep up is disconnected;
 * it resumes with its Last-Event-ID. At most {@value #MAX_STREAMS_PROPERTY} streams are open at
 * once (default 1,000); past it a new one is refused with 429.
 */
@Singleton
public class DeploymentEventBroadcaster implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentEventBroadcaster.class);
    private static final int READ_BATCH = 500;
    private static final int RECENT_EVENTS = 4096;
    private static final int SUBSCRIBER_BUFFER = 8192;
    static final String MAX_STREAMS_PROPERTY = "modeldeploy.events.max-streams";
    /** How long a client refused for too many streams is asked to wait. */
    static final int STREAMS_RETRY_AFTER_SECONDS = 5;

    private final DeploymentEventLog eventLog;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final Duration heartbeatInterval;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean readScheduled = new AtomicBoolean();
    private final ArrayDeque<DeploymentEventRow> recent = new ArrayDeque<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private volatile long lastId = -1;
    private final int maxStreams;
    private final AtomicInteger openStreams = new AtomicInteger();

    public DeploymentEventBroadcaster(DeploymentEventLog eventLog, JsonMapper jsonMapper, Clock clock,
                                      @Value("${modeldeploy.events.heartbeat-interval:10s}") Duration heartbeatInterval,
                                      @Value("${" + MAX_STREAMS_PROPERTY + ":1000}") int maxStreams) {
        if (maxStreams < 1) {
            throw new IllegalArgumentException(MAX_STREAMS_PROPERTY + " (MODELDEPLOY_EVENTS_MAX_STREAMS) must be at"
                    + " least 1, was " + maxStreams);
        }
        this.maxStreams = maxStreams;
        this.eventLog = eventLog;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.heartbeatInterval = heartbeatInterval;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "modeldeploy-events");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        thread.execute(this::start);
    }

    @EventListener
    void onEventsReadable(EventsReadable readable) {
        if (readScheduled.compareAndSet(false, true)) {
            thread.execute(() -> {
                readScheduled.set(false);
                readNewEvents();
            });
        }
    }

    /**
     * The stream for one subscriber: the events after {@code afterId} (none before now when null),
     * then every new one, of one workspace or of all ({@code workspace} null), with heartbeats.
     */
    public Publisher<Event<String>> subscribe(String workspace, Long afterId) {
        if (openStreams.incrementAndGet() > maxStreams) {
            openStreams.decrementAndGet();
            throw HttpErrorException.tooManyRequests("This server already serves its limit of " + maxStreams
                    + " concurrent event streams (" + MAX_STREAMS_PROPERTY + ", MODELDEPLOY_EVENTS_MAX_STREAMS):"
                    + " retry after Retry-After, or follow the fleet by polling meanwhile", STREAMS_RETRY_AFTER_SECONDS);
        }
        Sinks.Many<Event<String>> sink = Sinks.many().unicast()
                .onBackpressureBuffer(Queues.<Event<String>>get(SUBSCRIBER_BUFFER).get());
        Subscriber subscriber = new Subscriber(workspace, sink);
        thread.execute(() -> {
            try {
                register(subscriber, afterId);
            } catch (RuntimeException e) {
                LOG.error("Could not start an event stream; the client will reconnect", e);
                subscriber.closed = true;
                sink.tryEmitComplete();
            }
        });
        return sink.asFlux().doFinally(signal -> {
            subscriber.closed = true;
            openStreams.decrementAndGet();
        });
    }

    private void start() {
        lastId = eventLog.lastId();
        thread.scheduleWithFixedDelay(this::heartbeat, heartbeatInterval.toMillis(), heartbeatInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void register(Subscriber subscriber, Long afterId) {
        readNewEvents();
        if (afterId != null && afterId > lastId) {
            subscriber.send(resyncEvent(neverRecorded(afterId)));
        } else if (afterId != null && afterId < lastId) {
            replay(subscriber, afterId);
        }
        subscriber.send(heartbeatEvent());
        subscribers.add(subscriber);
    }

    private void replay(Subscriber subscriber, long afterId) {
        // Ids have no gaps, so a kept log starting after afterId + 1 lost some to pruning: say so
        // rather than replay a part (also when this instance still has them in memory, so that
        // every instance answers alike).
        long oldestKept = eventLog.oldestId().orElse(Long.MAX_VALUE);
        if (oldestKept > afterId + 1) {
            subscriber.send(resyncEvent("The events after " + afterId + " are no longer kept"
                    + " (older than the server's event retention): reload, then follow from event " + lastId));
            return;
        }
        DeploymentEventRow oldestRecent = recent.peekFirst();
        if (oldestRecent != null && oldestRecent.id() <= afterId + 1) {
            if (recent.stream().noneMatch(event -> event.id() == afterId + 1)) {
                subscriber.send(resyncEvent(neverRecorded(afterId)));
                return;
            }
            for (DeploymentEventRow event : recent) {
                if (event.id() > afterId) {
                    subscriber.offer(event);
                }
            }
            return;
        }
        long cursor = afterId;
        while (cursor < lastId && !subscriber.closed) {
            List<DeploymentEventRow> batch = eventLog.readAfter(cursor, READ_BATCH);
            if (cursor == afterId && (batch.isEmpty() || batch.get(0).id() != afterId + 1)) {
                subscriber.send(resyncEvent(neverRecorded(afterId)));
                return;
            }
            if (batch.isEmpty()) {
                return;
            }
            for (DeploymentEventRow event : batch) {
                if (event.id() > lastId) {
                    return;
                }
                subscriber.offer(event);
                cursor = event.id();
            }
        }
    }

    private void readNewEvents() {
        if (lastId < 0) {
            return; // not started: start() takes the current last id
        }
        try {
            List<DeploymentEventRow> batch;
            do {
                batch = eventLog.readAfter(lastId, READ_BATCH);
                for (DeploymentEventRow event : batch) {
                    lastId = event.id();
                    remember(event);
                    dispatch(event);
                }
            } while (batch.size() == READ_BATCH);
        } catch (RuntimeException e) {
            LOG.error("Reading new deployment events failed; retrying with the next change", e);
        }
    }

    private void remember(DeploymentEventRow event) {
        recent.addLast(event);
        if (recent.size() > RECENT_EVENTS) {
            recent.removeFirst();
        }
    }

    private void dispatch(DeploymentEventRow event) {
        for (Iterator<Subscriber> it = subscribers.iterator(); it.hasNext(); ) {
            Subscriber subscriber = it.next();
            if (subscriber.closed) {
                it.remove();
            } else {
                subscriber.offer(event);
            }
        }
    }

    private void heartbeat() {
        if (subscribers.isEmpty()) {
            return;
        }
        // Also a safety net should a wake-up ever be lost (e.g. while reconnecting to PostgreSQL).
        readNewEvents();
        Event<String> heartbeat = heartbeatEvent();
        subscribers.removeIf(subscriber -> subscriber.closed);
        subscribers.forEach(subscriber -> subscriber.send(heartbeat));
    }

    /**
     * Ids have no gaps except where a database was restored from a backup: there they jump past every
     * id the old server may have handed out, and a client that saw one of those has seen changes the
     * restored database does not hold.
     */
    private String neverRecorded(long afterId) {
        return "Event " + afterId + " was never recorded in this database (it was restored from a backup, or the"
                + " id is another server's): reload, then follow from event " + lastId;
    }

    private Event<String> resyncEvent(String reason) {
        try {
            return Event.of(jsonMapper.writeValueAsString(new StreamResync(lastId, reason))).name("resync");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Event<String> heartbeatEvent() {
        try {
            String data = jsonMapper.writeValueAsString(new StreamHeartbeat(lastId, clock.instant()));
            return Event.of(data).name("heartbeat");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
        subscribers.forEach(subscriber -> subscriber.sink.tryEmitComplete());
    }

    private static final class Subscriber {
        private final String workspace;
        private final Sinks.Many<Event<String>> sink;
        private volatile boolean closed;

        Subscriber(String workspace, Sinks.Many<Event<String>> sink) {
            this.workspace = workspace;
            this.sink = sink;
        }

        void offer(DeploymentEventRow event) {
            if (workspace == null || workspace.equals(event.workspace())) {
                send(Event.of(event.payload()).id(Long.toString(event.id())).name(event.eventType()));
            }
        }

        void send(Event<String> event) {
            if (closed) {
                return;
            }
            Sinks.EmitResult result = sink.tryEmitNext(event);
            if (result.isFailure()) {
                // Too far behind (or gone): end the stream; the client resumes from its last id.
                closed = true;
                sink.tryEmitComplete();
            }
        }
    }
}
