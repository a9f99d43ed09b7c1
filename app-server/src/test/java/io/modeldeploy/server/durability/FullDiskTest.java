package io.modeldeploy.server.durability;

import io.modeldeploy.server.ModelDeployServer;
import io.modeldeploy.server.RunningServer;
import io.modeldeploy.server.ServerOptions;
import io.modeldeploy.server.security.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data directory on a small file system of the test's own (a 24 MB tmpfs; needs root and
 * mount, skipped otherwise) that fills up: writes are refused with 503 and change nothing, reads go
 * on, writes come back by themselves once space is freed, and nothing acknowledged is lost, also
 * when the disk fills under the database's feet.
 */
@Timeout(180)
class FullDiskTest {
    private static final String WS = "full-disk";
    private static final String RESERVE = "modeldeploy.disk.reserve";

    private Path mountPoint;
    private final List<String> acknowledged = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();

    @BeforeEach
    void mountSmallFileSystem() throws Exception {
        mountPoint = Files.createTempDirectory("modeldeploy-full-disk");
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mountPoint.toString()) == 0;
        Assumptions.assumeTrue(mounted, "skipped: cannot mount a 24 MB tmpfs here (needs root and mount)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mountPoint != null) {
            run("umount", mountPoint.toString());
            Files.deleteIfExists(mountPoint);
        }
    }

    @Test
    void aFullDiskRefusesWritesKeepsReadsAndLosesNothing() throws Exception {
        Path dataDir = mountPoint.resolve("data");
        ServerOptions options = ServerOptions.defaults().withPort(0).withDataDir(dataDir);
        Path filler = mountPoint.resolve("filler");
        try (RunningServer server = ModelDeployServer.start(options)) {
            TestHttp http = new TestHttp(server.baseUrl());
            http.postJson(TestHttp.deployments(WS), "{\"name\":\"d\",\"config\":\"cfg\"}").expect(201);
            patch(http, "before the disk filled", 200);

            // Another program fills the disk until less than the server's reserve is left.
            long free = Files.getFileStore(mountPoint).getUsableSpace();
            fill(filler, free - 1024 * 1024);
            TestHttp.Reply full = patch(http, "while the disk is full", 503);
            assertEquals("30", full.header("Retry-After"));
            assertTrue(full.detail().contains("is full") && full.detail().contains("Nothing was changed"), full.detail());
            assertEquals(200, http.get(TestHttp.deployments(WS, "d")).status, "reads go on");
            assertEquals(503, http.postJson(TestHttp.deployments(WS), "{\"name\":\"e\",\"config\":\"cfg\"}").status);

            Files.delete(filler);
            patch(http, "after space was freed", 200);
            assertHistory(http);
        }

        // Without a reserve the disk fills under the database: H2 closes it on the failed write.
        String reserveBefore = System.setProperty(RESERVE, "0");
        try (RunningServer server = ModelDeployServer.start(options)) {
            TestHttp http = new TestHttp(server.baseUrl());
            fill(filler, Long.MAX_VALUE);
            // H2 may still have room inside its file for a while: each write is accepted (and kept) or
            // refused (and not applied), until the file has to grow.
            int refusedWhileFull = 0;
            for (int i = 0; i < 400 && refusedWhileFull < 3; i++) {
                String message = "no space " + i + " " + "x".repeat(900);
                int answer = http.patchJson(TestHttp.deployments(WS, "d", "status"),
                        "{\"status\":\"READY\",\"status_message\":\"" + message + "\"}").status;
                assertTrue(answer == 200 || answer == 503, "a write is accepted or refused, nothing else: " + answer);
                (answer == 200 ? acknowledged : refused).add(message);
                refusedWhileFull += answer == 503 ? 1 : 0;
            }
            assertTrue(refusedWhileFull > 0, "the full disk was reached");
            Files.delete(filler);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int answer;
            int attempt = 0;
            do {
                Thread.sleep(200);
                String message = "reopened " + attempt++;
                answer = http.patchJson(TestHttp.deployments(WS, "d", "status"),
                        "{\"status\":\"READY\",\"status_message\":\"" + message + "\"}").status;
                (answer == 200 ? acknowledged : refused).add(message);
                assertTrue(answer == 200 || answer == 503, "a write is accepted or refused, nothing else: " + answer);
            } while (answer != 200 && System.nanoTime() < deadline);
            assertEquals(200, answer, "writes come back by themselves once space is freed");
            patch(http, "after the database was opened again", 200);
            assertHistory(http);
        } finally {
            if (reserveBefore == null) {
                System.clearProperty(RESERVE);
            } else {
                System.setProperty(RESERVE, reserveBefore);
            }
        }
        try (RunningServer server = ModelDeployServer.start(options)) {
            assertHistory(new TestHttp(server.baseUrl()));
        }
    }

    private TestHttp.Reply patch(TestHttp http, String message, int expected) {
        TestHttp.Reply reply = http.patchJson(TestHttp.deployments(WS, "d", "status"),
                "{\"status\":\"READY\",\"status_message\":\"" + message + "\"}");
        assertEquals(expected, reply.status, message + ": " + reply);
        (reply.status == 200 ? acknowledged : refused).add(message);
        return reply;
    }

    /** Every acknowledged change is in the history, in order, and no refused one is. */
    private void assertHistory(TestHttp http) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) http.get(
                TestHttp.deployments(WS, "d", "status-history") + "?page_size=1000").expect(200).map().get("data");
        List<String> messages = entries.stream().map(entry -> (String) entry.get("status_message")).toList();
        for (String message : acknowledged) {
            assertTrue(messages.contains(message), "acknowledged, so kept: " + message + " in " + messages);
        }
        for (String message : refused) {
            assertFalse(messages.contains(message), "refused, so not applied: " + message + " in " + messages);
        }
    }

    private static void fill(Path file, long bytes) throws IOException {
        byte[] block = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            while (written < bytes) {
                int length = (int) Math.min(block.length, bytes - written);
                out.write(block, 0, length);
                written += length;
            }
        } catch (IOException e) {
            if (bytes != Long.MAX_VALUE || !String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
    }

    private static int run(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
