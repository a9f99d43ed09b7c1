package io.modeldeploy.server.events;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.server.openapi.OpenApiValidation;
import io.modeldeploy.server.security.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cap on concurrent event streams: past it a new stream gets 429 with Retry-After, until one closes. */
@MicronautTest(transactional = false)
@Property(name = "modeldeploy.events.max-streams", value = "3")
@Timeout(60)
class EventStreamLimitTest {
    private static final String ALL = "/apis/models/v2/workspaces/-/deployment-events";

    @Inject
    EmbeddedServer server;

    @Test
    void pastTheCapANewStreamIsRefusedUntilOneCloses() throws Exception {
        URI events = server.getURI().resolve(ALL);
        List<SseStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                SseStream stream = SseStream.open(events);
                stream.nextHeartbeat(java.time.Duration.ofSeconds(10));
                open.add(stream);
            }
            TestHttp http = new TestHttp("127.0.0.1", server.getPort());
            TestHttp.Reply refused = http.send("GET", ALL, null, "Accept", "text/event-stream");
            assertEquals(429, refused.status, refused.toString());
            assertEquals("5", refused.header("Retry-After"));
            assertTrue(refused.detail().contains("limit of 3 concurrent event streams")
                    && refused.detail().contains("modeldeploy.events.max-streams"), refused.detail());
            OpenApiValidation.check("GET", ALL, Map.of("Accept", List.of("text/event-stream")), null, refused.status,
                    refused.headers(), refused.body());

            open.remove(0).close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int status;
            do {
                Thread.sleep(100);
                SseStream again = SseStream.openRaw(events);
                status = again.status();
                if (status == 200) {
                    open.add(again);
                } else {
                    again.close();
                }
            } while (status != 200 && System.nanoTime() < deadline);
            assertEquals(200, status, "a closed stream frees its place");
        } finally {
            open.forEach(SseStream::close);
        }
    }
}
