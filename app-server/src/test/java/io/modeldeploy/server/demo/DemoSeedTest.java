package io.modeldeploy.server.demo;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new database in demo mode holds the promised fleet; reset brings it back. */
@MicronautTest
@Property(name = "modeldeploy.demo.enabled", value = "true")
@Property(name = "modeldeploy.demo.controller", value = "false")
class DemoSeedTest {
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<ListPage<ModelDeployment>> PAGE =
            (Argument) Argument.of(ListPage.class, ModelDeployment.class);

    @Inject
    @Client("/")
    HttpClient client;

    private List<ModelDeployment> all(boolean allVersions) {
        return client.toBlocking().retrieve(HttpRequest.GET(
                "/apis/models/v2/workspaces/-/deployments?page_size=1000&all_versions=" + allVersions), PAGE).data();
    }

    @Test
    void seedHas25DeploymentsIn3WorkspacesWithEveryStatus() {
        List<ModelDeployment> latest = all(false);
        assertEquals(25, latest.size());
        Map<String, Long> perWorkspace = latest.stream()
                .collect(Collectors.groupingBy(ModelDeployment::workspace, Collectors.counting()));
        assertEquals(Set.of("prod-inference", "research", "team-nlp"), perWorkspace.keySet());
        perWorkspace.values().forEach(count -> assertTrue(count >= 7, "each workspace has a real share: " + perWorkspace));
        Set<DeploymentStatus> statuses = latest.stream().map(ModelDeployment::status)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DeploymentStatus.class)));
        assertEquals(EnumSet.allOf(DeploymentStatus.class), statuses, "every status is represented");
    }

    @Test
    void severalDeploymentsHaveTwoToFourVersions() {
        Map<String, Long> versions = all(true).stream()
                .collect(Collectors.groupingBy(ModelDeployment::qualifiedName, Collectors.counting()));
        long multi = versions.values().stream().filter(n -> n >= 2).count();
        assertTrue(multi >= 5, "several deployments have more versions: " + versions);
        assertEquals(4L, versions.values().stream().mapToLong(Long::longValue).max().orElse(0));
    }

    @Test
    void historiesSpanDaysEndInTheCurrentStateAndReadyOnesHaveProviders() {
        Instant now = Instant.now();
        List<ModelDeployment> versions = all(true);
        assertTrue(versions.stream().anyMatch(d -> d.createdAt().isBefore(now.minus(Duration.ofDays(10)))),
                "some histories reach back more than ten days");
        for (ModelDeployment d : versions) {
            var history = d.statusHistory();
            assertTrue(!history.isEmpty(), d.qualifiedName());
            var last = history.get(history.size() - 1);
            assertEquals(d.status(), last.status(), "last entry is the current state of " + d.qualifiedName());
            assertEquals(d.statusMessage(), last.statusMessage());
            assertTrue(!last.timestamp().isAfter(now), "no entry in the future");
            if (d.status() == DeploymentStatus.READY) {
                assertEquals(d.workspace() + "/" + d.name(), d.modelProviderId(), "READY has a provider");
            }
        }
        long multiStep = versions.stream().filter(d -> d.statusHistory().size() >= 4).count();
        assertTrue(multiStep >= 10, "believable histories, not one entry each");
    }

    @Test
    void resetRestoresTheFleetAfterChanges() {
        client.toBlocking().exchange(HttpRequest.DELETE("/apis/models/v2/workspaces/team-nlp/deployments/labse-embeddings"));
        client.toBlocking().exchange(HttpRequest.POST("/apis/models/v2/workspaces/research/deployments",
                Map.of("name", "scratch", "config", "c")));
        Map<?, ?> answer = client.toBlocking().retrieve(HttpRequest.POST("/apis/modeldeploy/v1/demo/reset", ""), Map.class);
        assertEquals(34, ((Number) answer.get("deployments")).intValue(), "versions written");
        assertEquals(34, all(true).size());
        List<ModelDeployment> latest = all(false);
        assertEquals(25, latest.size());
        assertTrue(latest.stream().noneMatch(d -> d.name().equals("scratch")));
        assertTrue(latest.stream().anyMatch(d -> d.name().equals("labse-embeddings") && d.status() == DeploymentStatus.READY));
    }
}
