package io.modeldeploy.server.demo;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.modeldeploy.model.ApiHeaders;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusUpdateRequest;
import io.modeldeploy.server.security.Role;
import io.modeldeploy.server.security.TokenRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the NeMo models controller, for demos: it moves new deployments CREATED →
 * PENDING → READY (setting the model provider), lets some fail or get lost and recover, and
 * finishes DELETING → DELETED, purging what was deleted while it ran (the seeded fleet keeps its
 * DELETED examples). Like any external controller it
 * uses only the public HTTP API, with a token of its own (so its changes are by
 * {@code demo-controller}), and with If-Match, so it never overwrites an admin's newer change.
 */
@Singleton
public class DemoFleetSimulator implements ApplicationEventListener<ServerStartupEvent> {
    static final String ACTOR = "demo-controller";
    private static final Logger LOG = LoggerFactory.getLogger(DemoFleetSimulator.class);
    private static final int CHANGES_PER_TICK = 2;
    private static final Duration NORMAL_PACE = Duration.ofSeconds(3);
    private static final String[] HARDWARE = {"1x L40S", "2x A100", "1x H100", "1x A10G", "4x H100"};
    private static final String KUBERNETES_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final DemoSettings settings;
    private final TokenRegistry tokens;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final Random random = new Random();
    /**
     * Built on the controller thread at its first call: building one sets up TLS (~0.2-0.4 s of class
     * loading), which would otherwise delay the server's readiness.
     */
    private HttpClient http;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "modeldeploy-demo-controller");
        t.setDaemon(true);
        return t;
    });
    private volatile URI base;
    private volatile String token;
    private volatile Instant startedAt;
    /** Versions whose deletion was requested while the controller ran: only these it purges. */
    private final Set<String> deletedHere = ConcurrentHashMap.newKeySet();

    public DemoFleetSimulator(DemoSettings settings, TokenRegistry tokens, JsonMapper jsonMapper, Clock clock) {
        this.settings = settings;
        this.tokens = tokens;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (!settings.enabled()) {
            return;
        }
        URI uri = event.getSource().getURI();
        String host = "0.0.0.0".equals(uri.getHost()) || "::".equals(uri.getHost()) ? "127.0.0.1" : uri.getHost();
        base = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + uri.getPort());
        token = tokens.issueInternal(ACTOR, Role.EDITOR);
        startedAt = clock.instant();
        schedule();
    }

    private void schedule() {
        thread.schedule(this::tick, settings.pace().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            if (settings.running()) {
                reconcile();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Demo controller pass failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!thread.isShutdown()) {
            schedule();
        }
    }

    /** One pass: a few deployments that have rested long enough take their next step. */
    void reconcile() throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(deployments("-", "?all_versions=true&page_size=1000")).GET());
        if (response.statusCode() != 200) {
            return;
        }
        ListPage<ModelDeployment> page = jsonMapper.readValue(response.body(),
                Argument.of(ListPage.class, ModelDeployment.class));
        Instant now = clock.instant();
        List<ModelDeployment> due = new ArrayList<>();
        for (ModelDeployment deployment : page.data()) {
            if (!deployment.updatedAt().plus(rest(deployment.status())).isAfter(now)) {
                due.add(deployment);
            }
        }
        Collections.shuffle(due, random);
        // Work in flight first (as a controller would), then the occasional surprise elsewhere.
        due.sort(Comparator.comparing(d -> !isTransitional(d.status())));
        int changed = 0;
        for (ModelDeployment deployment : due) {
            if (changed >= CHANGES_PER_TICK) {
                break;
            }
            if (step(deployment)) {
                changed++;
            }
        }
    }

    /**
     * How long a deployment stays in a state before the controller looks at it again, at the
     * normal pace of 3 s (scaled with the pace): short for work in flight, long for steady
     * states, so that the fleet keeps its variety while it moves.
     */
    private Duration rest(DeploymentStatus status) {
        Duration atNormalPace = switch (status) {
            case CREATED -> Duration.ofSeconds(4);
            case PENDING -> Duration.ofSeconds(6);
            case DELETING -> Duration.ofSeconds(5);
            case DELETED -> Duration.ofSeconds(20);
            case READY -> Duration.ofSeconds(60);
            case LOST -> Duration.ofSeconds(45);
            case UNKNOWN -> Duration.ofSeconds(60);
            case ERROR -> Duration.ofSeconds(90);
        };
        return Duration.ofNanos((long) (atNormalPace.toNanos()
                * (settings.pace().toNanos() / (double) NORMAL_PACE.toNanos())));
    }

    private static boolean isTransitional(DeploymentStatus status) {
        return status == DeploymentStatus.CREATED || status == DeploymentStatus.PENDING
                || status == DeploymentStatus.DELETING;
    }

    /**
     * A pod name as Kubernetes makes them for a deployment's replica set: the name, the pod
     * template's hash and a random suffix, in Kubernetes' alphabet (no vowels, no 0, 1 or 3).
     */
    private String podName(String deployment) {
        return deployment + "-" + randomKubernetesChars(9) + "-" + randomKubernetesChars(5);
    }

    private String randomKubernetesChars(int length) {
        StringBuilder chars = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            chars.append(KUBERNETES_ALPHABET.charAt(random.nextInt(KUBERNETES_ALPHABET.length())));
        }
        return chars.toString();
    }

    private boolean step(ModelDeployment d) throws IOException, InterruptedException {
        String hardware = HARDWARE[random.nextInt(HARDWARE.length)];
        String message = d.statusMessage();
        return switch (d.status()) {
            case CREATED -> update(d, DeploymentStatus.PENDING, "Pulling image nvcr.io/nim/" + d.config() + ":latest", null);
            case PENDING -> message.startsWith("Pulling") || message.startsWith("Recovery")
                    || message.startsWith("Deployment update")
                    ? update(d, DeploymentStatus.PENDING, "Loading weights", null)
                    : chance(0.85)
                    ? update(d, DeploymentStatus.READY, "Health check passed; serving on " + hardware,
                    d.workspace() + "/" + d.name())
                    : update(d, DeploymentStatus.ERROR, "Pod " + podName(d.name()) + " OOMKilled while loading weights",
                    null);
            case READY -> {
                double roll = random.nextDouble();
                if (roll < 0.08) {
                    yield update(d, DeploymentStatus.LOST, "Node gpu-node-" + (1 + random.nextInt(24))
                            + " stopped reporting", null);
                }
                if (roll < 0.14) {
                    yield update(d, DeploymentStatus.ERROR, "Readiness probe failed 5 times: HTTP 503 from /v1/health/ready",
                            null);
                }
                yield roll < 0.35 && update(d, DeploymentStatus.READY, "Scaled to " + (2 + random.nextInt(4))
                        + " replicas (p95 latency " + (80 + random.nextInt(200)) + " ms)", null);
            }
            case LOST -> chance(0.5) && update(d, DeploymentStatus.PENDING, "Recovery attempt 1/5: rescheduling on a new node", null);
            case ERROR -> chance(0.2) && update(d, DeploymentStatus.PENDING, "Retrying after backoff", null);
            case UNKNOWN -> chance(0.3) && update(d, DeploymentStatus.PENDING, "Backend reachable again; re-checking", null);
            case DELETING -> {
                if (d.updatedAt().isAfter(startedAt)) {
                    deletedHere.add(d.id());
                }
                yield update(d, DeploymentStatus.DELETED, "Backend resources removed", null);
            }
            case DELETED -> deletedHere.contains(d.id()) && purge(d);
        };
    }

    private boolean update(ModelDeployment d, DeploymentStatus status, String message, String provider)
            throws IOException, InterruptedException {
        byte[] body = jsonMapper.writeValueAsBytes(new StatusUpdateRequest(status, message, provider));
        HttpRequest.Builder request = HttpRequest.newBuilder(deployments(d.workspace(),
                        "/" + d.name() + "/status?version=" + d.entityVersion()))
                .header("Content-Type", "application/json")
                .header("If-Match", d.etag())
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body));
        return send(request).statusCode() == 200;
    }

    private boolean purge(ModelDeployment d) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(deployments(d.workspace(), "/" + d.name() + "/versions/" + d.entityVersion()))
                .DELETE()).statusCode() == 204;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        }
        return http.send(request.header("Authorization", "Bearer " + token)
                        .header(ApiHeaders.SOURCE, "api")
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI deployments(String workspace, String rest) {
        return base.resolve("/apis/models/v2/workspaces/" + workspace + "/deployments" + rest);
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
