package io.modeldeploy.server.postgres;

import io.micronaut.json.JsonMapper;
import io.modeldeploy.server.ModelDeployServer;
import io.modeldeploy.server.RunningServer;
import io.modeldeploy.server.ServerOptions;
import io.modeldeploy.server.events.EventsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * While the database cannot be reached, the server answers 503 with Retry-After (never a 500),
 * readiness says DOWN so a load balancer stops sending traffic, liveness stays UP so nothing
 * restarts it; once the database is back, everything works again and nothing was lost.
 */
class DatabaseOutageTest {

    @Test
    void anUnreachableDatabaseMeans503AndNotReadyUntilItIsBack(@TempDir Path dataDir) throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        String database = postgres.createDatabase();
        String name = database.substring(database.lastIndexOf('/') + 1);
        try (TcpProxy proxy = new TcpProxy(postgres.host(), postgres.port())) {
            String throughProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + name
                    + "?user=" + postgres.user() + "&password=" + postgres.password() + "&connectTimeout=2";
            try (RunningServer server = ModelDeployServer.start(
                    new ServerOptions("127.0.0.1", 0, dataDir, false, false, throughProxy))) {
                EventsApi api = new EventsApi(server.baseUrl(), JsonMapper.createDefault());
                api.create("default", "survivor");
                assertEquals(200, api.get("/health/readiness").status);

                proxy.cut();

                EventsApi.Reply update = api.patchStatus("default", "survivor", "",
                        EventsApi.statusBody("READY", "during the outage"));
                assertEquals(503, update.status, update.body);
                assertEquals("5", update.header("Retry-After"));
                assertEquals("true", update.header("x-should-retry"));
                assertEquals("The database is not available at the moment - please retry.",
                        update.map().get("detail"));
                assertEquals(503, api.get("/apis/models/v2/workspaces/default/deployments").status);
                assertEquals(503, api.get("/health/readiness").status);
                assertEquals(200, api.get("/health/liveness").status);

                proxy.restore();

                // As a load balancer and a client would: wait for readiness, and retry a 503 (a
                // pooled connection broken by the outage is found out, and dropped, on its next use).
                awaitReady(api);
                EventsApi.Reply after = null;
                for (int attempt = 0; attempt < 20; attempt++) {
                    after = api.patchStatus("default", "survivor", "", EventsApi.statusBody("READY", "after the outage"));
                    if (after.status != 503) {
                        break;
                    }
                }
                assertEquals(200, after.status, after.body);
                assertEquals("after the outage", api.latest("default", "survivor").statusMessage());
                assertEquals(List.of("CREATED", "READY"), api.fullHistory("default", "survivor", null).stream()
                        .map(entry -> entry.status().name()).toList(), "the refused change left no trace");
            }
        }
    }

    private static void awaitReady(EventsApi api) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (api.get("/health/readiness").status != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not ready 30 s after the database came back");
            }
            Thread.sleep(100);
        }
    }
}
