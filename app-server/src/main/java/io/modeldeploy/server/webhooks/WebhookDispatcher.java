package io.modeldeploy.server.webhooks;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.modeldeploy.server.service.EventsReadable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends what the outbox owes, off the request path: one thread claims due deliveries (a lease in the
 * database, so of several instances one sends each) and a few sender threads POST them. A 2xx answer
 * delivers; anything else (another status, a redirect, which is never followed, no connection, a
 * timeout) is retried with {@link RetryBackoff} until it gives up. Writers only wake the claiming
 * thread, so a slow or dead receiver costs a status update nothing. Runs only when endpoints are
 * configured.
 */
@Singleton
public class WebhookDispatcher implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final String USER_AGENT = "ModelDeploy-Webhooks/0.1";

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveryTable table;
    private final Clock clock;
    private final RetryBackoff backoff;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration lease;
    private final Duration pollInterval;
    private final int senderCount;
    private final String claimant = "instance-" + UUID.randomUUID();
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private final AtomicInteger sending = new AtomicInteger();
    private HttpClient http;
    private ExecutorService senders;
    private Thread claimer;
    private volatile boolean closed;
    private volatile boolean failingToClaim;

    public WebhookDispatcher(WebhookEndpoints endpoints, WebhookDeliveryTable table, Clock clock,
                             @Value("${modeldeploy.webhook-delivery.first-retry-after:10s}") Duration firstRetry,
                             @Value("${modeldeploy.webhook-delivery.max-retry-after:1h}") Duration longestRetry,
                             @Value("${modeldeploy.webhook-delivery.max-attempts:10}") int maxAttempts,
                             @Value("${modeldeploy.webhook-delivery.connect-timeout:5s}") Duration connectTimeout,
                             @Value("${modeldeploy.webhook-delivery.read-timeout:10s}") Duration readTimeout,
                             @Value("${modeldeploy.webhook-delivery.lease:60s}") Duration lease,
                             @Value("${modeldeploy.webhook-delivery.poll-interval:1s}") Duration pollInterval,
                             @Value("${modeldeploy.webhook-delivery.senders:4}") int senderCount) {
        this.endpoints = endpoints;
        this.table = table;
        this.clock = clock;
        this.backoff = new RetryBackoff(firstRetry, longestRetry, maxAttempts);
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.lease = lease;
        this.pollInterval = pollInterval;
        this.senderCount = Math.max(1, senderCount);
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("modeldeploy.webhook-delivery.connect-timeout and read-timeout must be"
                    + " longer than zero");
        }
        if (lease.compareTo(connectTimeout.plus(readTimeout)) <= 0) {
            throw new IllegalArgumentException("modeldeploy.webhook-delivery.lease must be longer than connect-timeout"
                    + " plus read-timeout, or another instance would send a delivery while this one still waits");
        }
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (endpoints.isEmpty() || closed) {
            return;
        }
        http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        senders = Executors.newFixedThreadPool(senderCount, runnable -> daemon(runnable, "webhook-sender"));
        claimer = daemon(this::claimLoop, "webhook-claimer");
        claimer.start();
        LOG.info("Webhooks: {} endpoint(s): {}", endpoints.all().size(), endpoints.all().stream()
                .map(endpoint -> endpoint.name() + " -> " + endpoint.safeTarget()).toList());
    }

    /** A change committed (here or, on PostgreSQL, on another instance): a delivery may be due. */
    @EventListener
    void onEventsReadable(EventsReadable readable) {
        wake();
    }

    private void wake() {
        wakeUps.offer(Boolean.TRUE);
    }

    private void claimLoop() {
        while (!closed) {
            int free = senderCount - sending.get();
            int claimed = free > 0 ? claimAndSend(free) : 0;
            if (free > 0 && claimed == free) {
                continue;
            }
            try {
                wakeUps.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private int claimAndSend(int limit) {
        List<WebhookDeliveryTable.Claimed> claimed;
        try {
            Instant now = clock.instant();
            claimed = table.claimDue(endpoints.names(), now, now.plus(lease), limit, claimant);
            if (failingToClaim) {
                LOG.info("Webhooks: the outbox can be read again");
                failingToClaim = false;
            }
        } catch (RuntimeException e) {
            if (!failingToClaim) {
                LOG.warn("Webhooks: cannot read the outbox ({}); trying again every {}", e.getMessage(), pollInterval);
                failingToClaim = true;
            }
            return 0;
        }
        for (WebhookDeliveryTable.Claimed claim : claimed) {
            sending.incrementAndGet();
            try {
                senders.execute(() -> {
                    try {
                        send(claim);
                    } finally {
                        sending.decrementAndGet();
                        wake();
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                // closing: the claim's lease runs out and the delivery is due again after the restart
                sending.decrementAndGet();
                return claimed.size();
            }
        }
        return claimed.size();
    }

    private void send(WebhookDeliveryTable.Claimed claim) {
        WebhookEndpoint endpoint = endpoints.named(claim.endpointName()).orElseThrow();
        byte[] body = claim.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(endpoint.url())
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("X-ModelDeploy-Delivery", String.valueOf(claim.id()))
                .header("X-ModelDeploy-Event", claim.eventId())
                .header(WebhookSignature.HEADER, WebhookSignature.sign(body, endpoint.secret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        Integer code = null;
        String error;
        try {
            // The status is all a delivery needs. The read timeout ends with the headers, so a body that
            // never ends would hold this sender for good: the body is closed unread instead.
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            code = response.statusCode();
            if (code >= 200 && code < 300) {
                record(claim, WebhookDeliveryTable.DELIVERED, clock.instant(), null, code);
                return;
            }
            error = code >= 300 && code < 400
                    ? "the receiver answered " + code + " (a redirect; webhooks do not follow redirects: configure"
                            + " the URL it points to)"
                    : "the receiver answered " + code;
        } catch (HttpTimeoutException e) {
            error = "no answer within the timeout (" + describe(e, endpoint.url()) + ")";
        } catch (IOException e) {
            error = "could not reach the receiver (" + describe(e, endpoint.url()) + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            error = "could not send (" + describe(e, endpoint.url()) + ")";
        }
        Instant now = clock.instant();
        if (backoff.givesUpAfter(claim.attempts())) {
            LOG.warn("Webhook delivery {} to '{}' ({}) failed for good after {} attempts: {}", claim.id(),
                    endpoint.name(), endpoint.safeTarget(), claim.attempts(), error);
            record(claim, WebhookDeliveryTable.FAILED, now, error, code);
        } else {
            Duration wait = backoff.delayAfter(claim.attempts(), ThreadLocalRandom.current());
            LOG.info("Webhook delivery {} to '{}' ({}) failed (attempt {} of {}): {}; next attempt in {} ms",
                    claim.id(), endpoint.name(), endpoint.safeTarget(), claim.attempts(), backoff.maxAttempts(), error,
                    wait.toMillis());
            record(claim, WebhookDeliveryTable.PENDING, now.plus(wait), error, code);
        }
    }

    private void record(WebhookDeliveryTable.Claimed claim, String status, Instant nextAttemptAt, String error,
                        Integer code) {
        try {
            table.recordOutcome(claim, claimant, status, nextAttemptAt, error, code, clock.instant());
        } catch (RuntimeException e) {
            // The lease runs out and the delivery is tried again: at least once, never lost.
            LOG.warn("Webhooks: cannot record the outcome of delivery {} ({}); it is tried again when its lease ends",
                    claim.id(), e.getMessage());
        }
    }

    /** An exception's kind and message, with nothing of the URL beyond what {@link WebhookEndpoint#safeTarget} shows. */
    static String describe(Exception e, URI url) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return kind;
        }
        for (String secretPart : new String[] {url.toString(), url.getRawPath(), url.getRawQuery(),
                url.getRawUserInfo()}) {
            if (secretPart != null && secretPart.length() > 1) {
                message = message.replace(secretPart, "…");
            }
        }
        return kind + ": " + message;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Stops claiming; deliveries being sent finish within their timeouts or are sent again once their
     * lease ends. Not interrupted: an interrupt inside JDBC work could close the H2 database file.
     */
    @PreDestroy
    synchronized void close() throws InterruptedException {
        closed = true;
        wake();
        if (claimer != null) {
            claimer.join(2_000);
            senders.shutdown();
            senders.awaitTermination(2, TimeUnit.SECONDS);
        }
    }
}
