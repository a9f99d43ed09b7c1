package io.modeldeploy.server.api;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.ModelDeployment;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.modeldeploy.server.api.Api.DEFAULT;
import static io.modeldeploy.server.api.Api.deployments;
import static io.modeldeploy.server.api.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Racing creates and new versions: no lost or duplicated versions, no 500s. */
@MicronautTest
class ConcurrentCreateTest {
    /** More than the server's 10 pooled database connections: no request may need two of them. */
    private static final int THREADS = 24;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    private Api api;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        api = new Api(client, jsonMapper);
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    /** Runs the calls at the same moment and returns their answers in call order. */
    private List<Api.Reply> race(List<Callable<Api.Reply>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Reply>> futures = new ArrayList<>();
        for (Callable<Api.Reply> call : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Api.Reply> replies = new ArrayList<>();
        for (Future<Api.Reply> future : futures) {
            replies.add(future.get(1, TimeUnit.MINUTES));
        }
        return replies;
    }

    @Test
    void racingCreatesOfOneNameGiveExactlyOne201AndOtherwise409() throws Exception {
        String name = unique("race-same");
        List<Api.Reply> replies = race(IntStream.range(0, THREADS)
                .<Callable<Api.Reply>>mapToObj(i -> () -> api.createRaw(DEFAULT,
                        "{\"name\":\"" + name + "\",\"config\":\"c" + i + "\"}"))
                .toList());
        List<Integer> statuses = replies.stream().map(r -> r.status).sorted().toList();
        List<Integer> expected = new ArrayList<>(List.of(201));
        expected.addAll(java.util.Collections.nCopies(THREADS - 1, 409));
        assertEquals(expected, statuses, "answers: " + replies.stream().map(r -> r.status + " " + r.body).toList());
        assertEquals(1, api.get(deployments(DEFAULT, name, "versions")).expect(200).as(Api.DEPLOYMENTS).size());
    }

    /**
     * The first deployments of a workspace create it; two of them racing must both succeed, as
     * nothing about them conflicts. Repeated over fresh workspaces because the window is narrow.
     */
    @Test
    void racingCreatesOfDifferentNamesInABrandNewWorkspaceAllSucceed() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < 25; round++) {
            String workspace = unique("race-ws");
            List<Api.Reply> replies = race(IntStream.range(0, THREADS)
                    .<Callable<Api.Reply>>mapToObj(i -> () -> api.createRaw(workspace,
                            "{\"name\":\"d" + i + "\",\"config\":\"c\"}"))
                    .toList());
            for (int i = 0; i < replies.size(); i++) {
                Api.Reply reply = replies.get(i);
                if (reply.status != 201) {
                    failures.add(workspace + "/d" + i + " -> " + reply.status + " " + reply.body);
                }
            }
            assertEquals(THREADS - failures.stream().filter(f -> f.startsWith(workspace + "/")).count(),
                    api.list(workspace).data().size(), "every 201 was stored");
        }
        assertEquals(List.of(), failures, "creates of distinct names in a new workspace must not fail");
    }

    @Test
    void racingNewVersionsGetDistinctConsecutiveVersionNumbers() throws Exception {
        String name = unique("race-versions");
        api.create(DEFAULT, name);
        List<Api.Reply> replies = race(IntStream.range(0, THREADS)
                .<Callable<Api.Reply>>mapToObj(i -> () -> api.postJson(deployments(DEFAULT, name),
                        "{\"config\":\"c" + i + "\"}"))
                .toList());
        List<Integer> versions = new ArrayList<>();
        for (Api.Reply reply : replies) {
            reply.expect(201);
            versions.add(reply.deployment().entityVersion());
        }
        assertEquals(IntStream.rangeClosed(2, THREADS + 1).boxed().toList(), versions.stream().sorted().toList());
        List<ModelDeployment> all = api.get(deployments(DEFAULT, name, "versions")).expect(200).as(Api.DEPLOYMENTS);
        assertEquals(THREADS + 1, all.size());
        assertEquals(THREADS + 1, api.getLatest(DEFAULT, name).entityVersion());
    }
}
