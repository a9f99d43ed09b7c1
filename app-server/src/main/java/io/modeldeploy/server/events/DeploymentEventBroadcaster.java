package io.modeldeploy.server.events;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.convert.format.ReadableBytes;
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
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fans committed events out to every subscriber of the event stream. One thread does all the
 * work: it reads new events from the database after each commit, of this server or (on
 * PostgreSQL) of any other instance sharing the database (the table, not memory, is the source of
 * truth; event ids increase in commit order across all instances), feeds each subscriber from its
 * own position, and sends heartbeats. Writers only wake it up, so any number of subscribers costs
 * a status update nothing.
 * <p>
 * <b>Each subscriber is fed at its own pace.</b> It has a position (the last event handed to its
 * connection) and a buffer of at most {@value #SUBSCRIBER_BUFFER_PROPERTY} bytes (default 1 MB)
 * that its connection drains as the client reads. Events go into the buffer while it has room;
 * a subscriber whose buffer is full (a burst, a resume from far back, a slow client) is fed from
 * its position again, out of the recent events in memory or the table, as its connection takes
 * them. So a resume from any id gets every later event exactly once, in order, and neither a
 * burst nor a slow reader costs memory past the buffer or delays the others. A subscriber whose
 * full buffer takes nothing for {@value #STALL_TIMEOUT_PROPERTY} (default 30 s) has stopped
 * reading: it is disconnected, and resumes with its Last-Event-ID.
 * <p>
 * At most {@value #MAX_STREAMS_PROPERTY} streams are open at once (default 1,000); past it a new
 * one is refused with 429.
 */
@Singleton
public class DeploymentEventBroadcaster implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentEventBroadcaster.class);
    private static final int READ_BATCH = 500;
    private static final int RECENT_EVENTS = 4096;
    static final String MAX_STREAMS_PROPERTY = "modeldeploy.events.max-streams";
    static final String SUBSCRIBER_BUFFER_PROPERTY = "modeldeploy.events.subscriber-buffer";
    static final String STALL_TIMEOUT_PROPERTY = "modeldeploy.events.stall-timeout";
    /** How long a client refused for too many streams is asked to wait. */
    static final int STREAMS_RETRY_AFTER_SECONDS = 5;

    private final DeploymentEventLog eventLog;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final Duration heartbeatInterval;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean readScheduled = new AtomicBoolean();
    private final RecentEvents recent = new RecentEvents();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private volatile long lastId = -1;
    private final int maxStreams;
    private final long subscriberBuffer;
    private final long stallTimeoutNanos;
    private final AtomicInteger openStreams = new AtomicInteger();

    public DeploymentEventBroadcaster(DeploymentEventLog eventLog, JsonMapper jsonMapper, Clock clock,
                                      @Value("${modeldeploy.events.heartbeat-interval:10s}") Duration heartbeatInterval,
                                      @Value("${" + MAX_STREAMS_PROPERTY + ":1000}") int maxStreams,
                                      @ReadableBytes @Value("${" + SUBSCRIBER_BUFFER_PROPERTY + ":1MB}") long subscriberBuffer,
                                      @Value("${" + STALL_TIMEOUT_PROPERTY + ":30s}") Duration stallTimeout) {
        if (maxStreams < 1) {
            throw new IllegalArgumentException(MAX_STREAMS_PROPERTY + " (MODELDEPLOY_EVENTS_MAX_STREAMS) must be at"
                    + " least 1, was " + maxStreams);
        }
        if (subscriberBuffer < 16 * 1024) {
            throw new IllegalArgumentException(SUBSCRIBER_BUFFER_PROPERTY + " (MODELDEPLOY_EVENTS_SUBSCRIBER_BUFFER)"
                    + " must be at least 16KB, was " + subscriberBuffer + " bytes");
        }
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException(STALL_TIMEOUT_PROPERTY + " (MODELDEPLOY_EVENTS_STALL_TIMEOUT) must be"
                    + " longer than 0, was " + stallTimeout);
        }
        this.maxStreams = maxStreams;
        this.subscriberBuffer = subscriberBuffer;
        this.stallTimeoutNanos = stallTimeout.toNanos();
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
        Subscriber subscriber = new Subscriber(workspace);
        thread.execute(() -> {
            try {
                register(subscriber, afterId);
            } catch (RuntimeException e) {
                LOG.error("Could not start an event stream; the client will reconnect", e);
                subscriber.disconnect();
            }
        });
        return subscriber.sink.asFlux()
                .doOnNext(subscriber::taken)
                // ends the response at once, dropping what is buffered (a cancelled unicast sink discards it)
                .takeUntilOther(subscriber.disconnected.asMono())
                .doFinally(signal -> {
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
        subscriber.position = lastId;
        if (afterId != null && afterId > lastId) {
            subscriber.send(resyncEvent(neverRecorded(afterId)));
        } else if (afterId != null && afterId < lastId) {
            String resync = resumeRefusal(afterId);
            if (resync != null) {
                subscriber.send(resyncEvent(resync));
            } else {
                subscriber.position = afterId;
            }
        }
        subscribers.add(subscriber);
        feed(subscriber);
    }

    /** Why the events after {@code afterId} cannot be replayed, or null when they can. */
    private String resumeRefusal(long afterId) {
        // Ids have no gaps, so a kept log starting after afterId + 1 lost some to pruning: say so
        // rather than replay a part (also when this instance still has them in memory, so that
        // every instance answers alike).
        long oldestKept = eventLog.oldestId().orElse(Long.MAX_VALUE);
        if (oldestKept > afterId + 1) {
            return "The events after " + afterId + " are no longer kept (older than the server's event retention):"
                    + " reload, then follow from event " + lastId;
        }
        List<DeploymentEventRow> next = eventsAfter(afterId);
        if (next.isEmpty() || next.get(0).id() != afterId + 1) {
            return neverRecorded(afterId);
        }
        return null;
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
                    recent.add(event);
                }
            } while (batch.size() == READ_BATCH);
        } catch (RuntimeException e) {
            LOG.error("Reading new deployment events failed; retrying with the next change", e);
        }
        feedAll();
    }

    private void feedAll() {
        subscribers.removeIf(subscriber -> subscriber.closed);
        for (Subscriber subscriber : subscribers) {
            feed(subscriber);
        }
    }

    /**
     * Hands a subscriber the events after its position while its buffer has room. When the buffer
     * is full it stops; the connection taking events schedules the next call.
     */
    private void feed(Subscriber subscriber) {
        try {
            while (!subscriber.closed && subscriber.position < lastId) {
                if (subscriber.full()) {
                    subscriber.waiting = true;
                    if (subscriber.full()) { // the connection may have drained it meanwhile
                        subscriber.fullSince(System.nanoTime());
                        return;
                    }
                }
                subscriber.waiting = false;
                long before = subscriber.position;
                List<DeploymentEventRow> next = eventsAfter(before);
                if (next.isEmpty() || next.get(0).id() != before + 1) {
                    // ids have no gaps and every id up to lastId was committed: the ones after its
                    // position were pruned while it lagged behind
                    subscriber.send(resyncEvent("The events after " + before + " are no longer kept (older than"
                            + " the server's event retention; this stream fell that far behind): reload, then"
                            + " follow from event " + lastId));
                    subscriber.position = lastId;
                    break;
                }
                for (DeploymentEventRow event : next) {
                    if (event.id() > lastId || subscriber.full()) {
                        break;
                    }
                    subscriber.offer(event);
                }
            }
            subscriber.waiting = false;
            if (!subscriber.closed && !subscriber.greeted) {
                // the first heartbeat says the stream is live: everything up to lastId has been handed over
                subscriber.greeted = true;
                subscriber.send(heartbeatEvent());
            }
        } catch (RuntimeException e) {
            LOG.error("Reading events for a subscriber failed; it is disconnected and will resume", e);
            subscriber.disconnect();
        }
    }

    /** The next events after {@code afterId}: from memory when it still holds them, else from the table. */
    private List<DeploymentEventRow> eventsAfter(long afterId) {
        List<DeploymentEventRow> kept = recent.after(afterId, READ_BATCH);
        return kept != null ? kept : eventLog.readAfter(afterId, READ_BATCH);
    }

    private void heartbeat() {
        if (subscribers.isEmpty()) {
            return;
        }
        // Also a safety net should a wake-up ever be lost (e.g. while reconnecting to PostgreSQL).
        readNewEvents();
        long now = System.nanoTime();
        Event<String> heartbeat = heartbeatEvent();
        for (Subscriber subscriber : subscribers) {
            if (subscriber.stalledFor(now) > stallTimeoutNanos) {
                LOG.info("An event stream subscriber took nothing for {} s with {} bytes buffered: disconnected"
                                + " (it resumes with its Last-Event-ID)", TimeUnit.NANOSECONDS.toSeconds(stallTimeoutNanos),
                        subscriber.buffered.get());
                subscriber.disconnect();
            } else if (subscriber.greeted && subscriber.position == lastId && !subscriber.full()) {
                subscriber.send(heartbeat);
            }
        }
        subscribers.removeIf(subscriber -> subscriber.closed);
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

    /** An event's share of a subscriber's buffer: its text as sent, near enough. */
    private static long size(Event<String> event) {
        String id = event.getId();
        String name = event.getName();
        return event.getData().length() + (id == null ? 0 : id.length()) + (name == null ? 0 : name.length()) + 24;
    }

    /** The newest events, at most {@value #RECENT_EVENTS}, in id order; ids have no gaps, so an id's place is arithmetic. */
    private static final class RecentEvents {
        private final DeploymentEventRow[] ring = new DeploymentEventRow[RECENT_EVENTS];
        private int start;
        private int size;

        void add(DeploymentEventRow event) {
            if (size == ring.length) {
                ring[start] = event;
                start = (start + 1) % ring.length;
            } else {
                ring[(start + size) % ring.length] = event;
                size++;
            }
        }

        /** Up to {@code max} events after {@code afterId}, or null when memory does not hold the one right after it. */
        List<DeploymentEventRow> after(long afterId, int max) {
            if (size == 0) {
                return null;
            }
            long offset = afterId + 1 - get(0).id();
            if (offset < 0 || offset >= size || get((int) offset).id() != afterId + 1) {
                return null;
            }
            int from = (int) offset;
            int to = Math.min(size, from + max);
            List<DeploymentEventRow> events = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                events.add(get(i));
            }
            return events;
        }

        private DeploymentEventRow get(int index) {
            return ring[(start + index) % ring.length];
        }
    }

    private final class Subscriber {
        private final String workspace;
        private final Sinks.Many<Event<String>> sink = Sinks.many().unicast()
                .onBackpressureBuffer(Queues.<Event<String>>unbounded().get());
        private final Sinks.Empty<Void> disconnected = Sinks.empty();
        /** Bytes handed to the connection's buffer and not yet taken by it. */
        private final AtomicLong buffered = new AtomicLong();
        private final AtomicBoolean feedScheduled = new AtomicBoolean();
        private volatile boolean closed;
        /** Set while the buffer is too full to take the events after the position. */
        private volatile boolean waiting;
        private volatile long lastTakenNanos = System.nanoTime();
        // only on the broadcaster's thread:
        private long position;
        private boolean greeted;
        private long fullSinceNanos;

        Subscriber(String workspace) {
            this.workspace = workspace;
        }

        boolean full() {
            return buffered.get() >= subscriberBuffer;
        }

        void fullSince(long nanos) {
            if (fullSinceNanos == 0 || lastTakenNanos > fullSinceNanos) {
                fullSinceNanos = nanos;
            }
        }

        /** How long the buffer has been full without the connection taking anything, 0 when it is not full. */
        long stalledFor(long now) {
            if (!waiting || !full() || fullSinceNanos == 0) {
                return 0;
            }
            return now - Math.max(fullSinceNanos, lastTakenNanos);
        }

        void offer(DeploymentEventRow event) {
            position = event.id();
            if (workspace == null || workspace.equals(event.workspace())) {
                send(Event.of(event.payload()).id(Long.toString(event.id())).name(event.eventType()));
            }
        }

        void send(Event<String> event) {
            if (closed) {
                return;
            }
            buffered.addAndGet(size(event));
            if (sink.tryEmitNext(event).isFailure()) {
                disconnect(); // gone
            }
        }

        /** On the connection's thread: the connection took an event out of the buffer. */
        void taken(Event<String> event) {
            lastTakenNanos = System.nanoTime();
            long left = buffered.addAndGet(-size(event));
            if (waiting && left < subscriberBuffer / 2 && feedScheduled.compareAndSet(false, true)) {
                try {
                    thread.execute(() -> {
                        feedScheduled.set(false);
                        feed(this);
                    });
                } catch (RejectedExecutionException stopping) {
                    // the server is stopping: its streams end
                }
            }
        }

        void disconnect() {
            closed = true;
            disconnected.tryEmitEmpty();
        }
    }
}
