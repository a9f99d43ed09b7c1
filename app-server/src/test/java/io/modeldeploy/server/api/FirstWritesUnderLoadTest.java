package io.modeldeploy.server.api;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.modeldeploy.server.api.Api.DEFAULT;
import static io.modeldeploy.server.api.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The very first writes of a fresh server arriving all at once, more of them than the server has
 * pooled connections: none may need a second connection (seen: every connection held by a create
 * waiting for one more, 30 s stalls and 500s).
 */
@MicronautTest
class FirstWritesUnderLoadTest {
    private static final int WRITERS = 24;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    @Test
    void moreConcurrentFirstCreatesThanPooledConnectionsAllSucceedQuickly() throws Exception {
        Api api = new Api(client, jsonMapper);
        String prefix = unique("first");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                String body = "{\"name\":\"" + prefix + "-" + i + "\",\"config\":\"c\"}";
                replies.add(pool.submit(() -> {
                    start.await();
                    return api.createRaw(DEFAULT, body);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Reply> reply : replies) {
                // Well under the pool's 30 s timeout: a stall shows as a timeout here, not as a slow pass.
                statuses.add(reply.get(10, TimeUnit.SECONDS).status);
            }
            assertEquals(Collections.nCopies(WRITERS, 201), statuses);
        } finally {
            pool.shutdownNow();
        }
    }
}
