package io.modeldeploy.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeldeploy.server.events.SseStream;
import io.modeldeploy.server.openapi.OpenApiValidation;
import io.modeldeploy.server.postgres.TestPostgres;
import io.modeldeploy.server.security.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backups of the built-in database while the server serves, and restoring them with the command
 * line into a stopped data directory: nothing acknowledged before the backup began is lost, and the
 * event ids go on without reusing one that a client may have seen.
 */
@Timeout(120)
class BackupRestoreTest {
    private static final String WS = "backed-up";
    private static final String BACKUPS = "/apis/modeldeploy/v1/backups";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path original;
    @TempDir
    Path restored;

    private record Acknowledged(String message, long nanos) {
    }

    @Test
    void aBackupUnderWriteLoadRestoresEveryAcknowledgedChangeAndEventIdsAreNeverReused() throws Exception {
        List<Acknowledged> acknowledged = new ArrayList<>();
        long backupBegan;
        JsonNode backup;
        long newestSeenBeforeStop;
        try (RunningServer server = ModelDeployServer.start(ServerOptions.defaults().withPort(0).withDataDir(original))) {
            TestHttp http = new TestHttp(server.baseUrl());
            for (int d = 0; d < 4; d++) {
                http.postJson(TestHttp.deployments(WS), "{\"name\":\"d" + d + "\",\"config\":\"cfg\"}").expect(201);
            }
            assertEquals("{\"data\":[]}", http.get(BACKUPS).expect(200).body(), "no backup yet");

            ConcurrentLinkedQueue<Acknowledged> acks = new ConcurrentLinkedQueue<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    for (int n = 0; writing.get(); n++) {
                        String message = "writer " + writer + " change " + n;
                        int status = http.patchJson(TestHttp.deployments(WS, "d" + (n % 4), "status"),
                                "{\"status\":\"" + (n % 2 == 0 ? "READY" : "PENDING") + "\",\"status_message\":\""
                                        + message + "\"}").status;
                        if (status == 200) {
                            acks.add(new Acknowledged(message, System.nanoTime()));
                        }
                    }
                }, "writer-" + w);
                thread.start();
                writers.add(thread);
            }
            Thread.sleep(700);
            backupBegan = System.nanoTime();
            TestHttp.Reply created = http.postJson(BACKUPS, "");
            Thread.sleep(300);
            writing.set(false);
            for (Thread writer : writers) {
                writer.join();
            }
            acknowledged.addAll(acks);

            assertEquals(201, created.status, created.toString());
            OpenApiValidation.check("POST", BACKUPS, Map.of(), "", created.status, created.headers(), created.body());
            backup = JSON.readTree(created.body());
            assertTrue(backup.get("file").asText().matches("modeldeploy-backup-\\d{8}T\\d{6}Z\\.zip"), backup.toString());
            Path file = original.resolve("backups").resolve(backup.get("file").asText());
            assertEquals(Files.size(file), backup.get("size_bytes").asLong());
            TestHttp.Reply listed = http.get(BACKUPS).expect(200);
            OpenApiValidation.check("GET", BACKUPS, Map.of(), null, listed.status, listed.headers(), listed.body());
            assertEquals(backup, JSON.readTree(listed.body()).get("data").get(0));
            newestSeenBeforeStop = http.lastEventId(WS);
            assertTrue(newestSeenBeforeStop > backup.get("last_event_id").asLong(), "events went on after the backup");
        }
        long before = acknowledged.stream().filter(a -> a.nanos() < backupBegan).count();
        assertTrue(before > 20 && before < acknowledged.size(),
                "writes were acknowledged before and after the backup began: " + before + " of " + acknowledged.size());

        Path file = original.resolve("backups").resolve(backup.get("file").asText());
        Result restore = restore(file.toString(), "--data-dir", restored.toString());
        assertEquals(0, restore.exitCode(), restore.err());
        assertTrue(restore.out().contains("Restored " + file.getFileName()), restore.out());

        try (RunningServer server = ModelDeployServer.start(ServerOptions.defaults().withPort(0).withDataDir(restored))) {
            TestHttp http = new TestHttp(server.baseUrl());
            Set<String> inHistory = new HashSet<>();
            http.send("GET", "/apis/modeldeploy/v1/history-export?workspace=" + WS, null, "Accept",
                    "application/x-ndjson").expect(200).body().lines().filter(line -> !line.isBlank())
                    .forEach(line -> inHistory.add(readTree(line).get("status_message").asText()));
            for (Acknowledged ack : acknowledged) {
                if (ack.nanos() < backupBegan) {
                    assertTrue(inHistory.contains(ack.message()), "acknowledged before the backup began: " + ack.message());
                }
            }

            // A client that saw an event of the old server after the backup must reload: it saw changes that are gone.
            var events = server.baseUrl().resolve("/apis/models/v2/workspaces/" + WS + "/deployment-events");
            try (SseStream stream = SseStream.open(events, "Last-Event-ID", Long.toString(newestSeenBeforeStop))) {
                assertEquals("resync", stream.next().name(), "resuming from an event the restored database never had");
            }
            long backupLast = backup.get("last_event_id").asLong();
            try (SseStream stream = SseStream.open(events, "Last-Event-ID", Long.toString(backupLast - 3))) {
                assertEquals(backupLast - 2, stream.nextChange().eventId(), "events the backup holds replay as before");
            }
            http.patchJson(TestHttp.deployments(WS, "d0", "status"), "{\"status\":\"READY\",\"status_message\":\"after\"}")
                    .expect(200);
            long next = http.lastEventId(WS);
            assertTrue(next > newestSeenBeforeStop, "new ids never reuse one the old server handed out: " + next);
            try (SseStream stream = SseStream.open(events, "Last-Event-ID", Long.toString(newestSeenBeforeStop))) {
                assertEquals("resync", stream.next().name(), "still a resync once new events exist");
            }
        }
    }

    @Test
    void restoreRefusesWhatWouldLoseDataOrCannotWork() throws Exception {
        Path file;
        try (RunningServer server = ModelDeployServer.start(ServerOptions.defaults().withPort(0).withDataDir(original))) {
            TestHttp http = new TestHttp(server.baseUrl());
            http.postJson(TestHttp.deployments(WS), "{\"name\":\"kept\",\"config\":\"cfg\"}").expect(201);
            file = original.resolve("backups").resolve(JSON.readTree(http.postJson(BACKUPS, "").expect(201).body())
                    .get("file").asText());

            Result inUse = restore(file.toString(), "--data-dir", original.toString(), "--force");
            assertEquals(1, inUse.exitCode());
            assertTrue(inUse.err().contains("is in use by a running ModelDeploy server"), inUse.err());
        }
        Result notEmpty = restore(file.toString(), "--data-dir", original.toString());
        assertEquals(1, notEmpty.exitCode());
        assertTrue(notEmpty.err().contains("is not empty (backups, local-token, modeldeploy.mv.db)")
                && notEmpty.err().contains("--force"), notEmpty.err());

        Path notABackup = Files.writeString(restored.resolve("notes.zip"), "not a zip");
        Result wrongFile = restore(notABackup.toString(), "--data-dir", restored.resolve("target").toString());
        assertEquals(1, wrongFile.exitCode());
        assertTrue(wrongFile.err().contains("is not a ModelDeploy backup"), wrongFile.err());
        Result missing = restore(restored.resolve("missing.zip").toString(), "--data-dir", restored.resolve("t").toString());
        assertTrue(missing.exitCode() == 1 && missing.err().contains("There is no backup file"), missing.err());
        Result usage = restore("--data-dir", restored.toString());
        assertTrue(usage.exitCode() == 2 && usage.err().contains("which backup?") && usage.err().contains("Usage:"),
                usage.err());

        Result forced = restore(file.toString(), "--data-dir", original.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        try (Stream<Path> files = Files.list(original)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("modeldeploy.mv.db.replaced-")),
                    "the database that was there is kept beside: " + forced.out());
        }
        try (RunningServer server = ModelDeployServer.start(ServerOptions.defaults().withPort(0).withDataDir(original))) {
            new TestHttp(server.baseUrl()).get(TestHttp.deployments(WS, "kept")).expect(200);
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result restore(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ServerRestore.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void onPostgresTheServerSaysHowToBackItUpInstead() {
        String url = TestPostgres.shared().createDatabaseWithCredentials();
        try (RunningServer server = ModelDeployServer.start(
                new ServerOptions(ServerOptions.DEFAULT_BIND, 0, original, false, false, url))) {
            TestHttp http = new TestHttp(server.baseUrl());
            for (TestHttp.Reply reply : List.of(http.postJson(BACKUPS, ""), http.get(BACKUPS))) {
                assertEquals(409, reply.status, reply.toString());
                assertTrue(reply.detail().contains("pg_dump"), reply.detail());
                OpenApiValidation.check(reply.method, BACKUPS, Map.of(), reply.method.equals("POST") ? "" : null,
                        reply.status, reply.headers(), reply.body());
            }
        }
        assertFalse(Files.exists(original.resolve("backups")), "nothing was written");
    }

    @Test
    void theBackupFolderListsOnlyBackups() throws Exception {
        try (RunningServer server = ModelDeployServer.start(ServerOptions.defaults().withPort(0).withDataDir(original))) {
            TestHttp http = new TestHttp(server.baseUrl());
            http.postJson(BACKUPS, "").expect(201);
            http.postJson(BACKUPS, "").expect(201);
            Files.writeString(original.resolve("backups").resolve("modeldeploy-backup-20200101T000000Z.zip"), "junk");
            Files.writeString(original.resolve("backups").resolve("notes.txt"), "mine");
            JsonNode listed = JSON.readTree(http.get(BACKUPS).expect(200).body()).get("data");
            assertEquals(2, listed.size(), listed.toString());
            assertFalse(listed.get(0).get("file").asText().equals(listed.get(1).get("file").asText()),
                    "two backups in the same second get different names");
        }
    }
}
