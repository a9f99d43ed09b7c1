package io.modeldeploy.gui.export;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.HistoryExportQuery;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.api.ServerCapabilities;
import io.modeldeploy.gui.export.ExportViewModel.State;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.session.AttentionRule;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.testing.ForwardingDeploymentApiClient;
import io.modeldeploy.gui.testing.StepExecutor;
import io.modeldeploy.gui.testing.nemo.NemoModelsDouble;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.HistoryExportEntry;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.Pagination;
import io.modeldeploy.model.StatusHistoryEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File ▸ Export without a window: what is written, progress, Cancel, failures and a NeMo Platform. */
class ExportViewModelTest {

    private static final Instant SINCE = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-12-05T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneId.of("UTC"));

    @TempDir
    Path folder;

    /** Answers only what a test gives it; anything else fails like an unreachable server. */
    static class FakeApi extends ForwardingDeploymentApiClient {
        interface Export {
            long run(HistoryExportQuery query, Consumer<HistoryExportEntry> sink) throws ApiException;
        }

        Export export = (query, sink) -> 0;
        List<ModelDeployment> versions = List.of();
        List<StatusHistoryEntry> history = List.of();
        final List<String> historyPages = new ArrayList<>();
        ServerCapabilities offered = ServerCapabilities.ALL;

        FakeApi() {
            super(URI.create("http://127.0.0.1:1"));
        }

        @Override
        public long exportHistory(HistoryExportQuery query, Consumer<HistoryExportEntry> sink) throws ApiException {
            return export.run(query, sink);
        }

        @Override
        public long exportVersionHistory(String workspace, String name, int version,
                                         Consumer<HistoryExportEntry> sink) {
            historyPages.add("v" + version + " exported");
            history.forEach(e -> sink.accept(new HistoryExportEntry(workspace, name, version, e.timestamp(),
                    e.status(), e.statusMessage(), "provider of " + e.statusMessage(), e.actor(), e.source())));
            return history.size();
        }

        @Override
        public ServerCapabilities capabilities() {
            return offered;
        }

        @Override
        public List<ModelDeployment> listVersions(String workspace, String name) {
            return versions;
        }

        @Override
        public ListPage<StatusHistoryEntry> statusHistory(String workspace, String name, int version, int page,
                                                          int pageSize) {
            historyPages.add("v" + version + " p" + page);
            int from = Math.min(history.size(), (page - 1) * pageSize);
            List<StatusHistoryEntry> data = history.subList(from, Math.min(history.size(), from + pageSize));
            return new ListPage<>(data, Pagination.of(page, pageSize, data.size(), history.size()), null);
        }
    }

    private final FakeApi api = new FakeApi();
    private final ConsoleSession session = TestSessions.of(api, TaskRunner.direct());
    private final ExportViewModel export = new ExportViewModel(session, CLOCK);

    private static HistoryExportEntry entry(int minute, DeploymentStatus status) {
        return new HistoryExportEntry("team-a", "llama", 1, SINCE.plus(Duration.ofMinutes(minute)), status,
                "message " + minute, null, "alice", ChangeSource.API);
    }

    private List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private List<Path> filesInFolder() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void theListIsWrittenAsShownRowByRowWithTheColumnsAPersonSees() throws IOException {
        Instant now = Deployments.T0.plus(Duration.ofHours(1));
        ModelDeployment error = Deployments.of("team-b", "phi, \"mini\"", 2, DeploymentStatus.ERROR, "=oom\nretry", Deployments.T0);
        ModelDeployment ready = Deployments.of("team-a", "llama", DeploymentStatus.READY, "serving");
        List<DeploymentRow> shown = List.of(new DeploymentRow(error, List.of(error), AttentionRule.NO_LIMITS, now),
                new DeploymentRow(ready, List.of(ready), AttentionRule.NO_LIMITS, now));
        Path file = folder.resolve("deployments.csv");

        export.exportList(shown, "all workspaces", ExportFormat.CSV, file);

        assertEquals(State.DONE, export.stateProperty().get());
        assertEquals("Exported 2 rows to " + file, export.outcomeProperty().get());
        List<CSVRecord> rows = readCsv(file);
        assertEquals(List.of("workspace", "name", "version", "status", "needs_attention", "status_since",
                "status_message", "updated_at", "model_provider_id"), rows.get(0).getParser().getHeaderNames());
        assertEquals(List.of("phi, \"mini\"", "llama"), rows.stream().map(r -> r.get("name")).toList());
        assertEquals("Error", rows.get(0).get("needs_attention"));
        assertEquals("'=oom\nretry", rows.get(0).get("status_message"));
        assertEquals("", rows.get(1).get("needs_attention"));
        assertEquals(ready.updatedAt().toString(), rows.get(1).get("updated_at"));
        assertEquals(List.of(file), filesInFolder(), "no temporary file is left");
        Path plain = Files.createFile(folder.resolve("plain.txt"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file),
                "the file gets the permissions of any new file, not a temporary file's owner-only ones");
    }

    @Test
    void aDeploymentsHistoryIsEveryVersionOldestFirstWithTheProviderEachEntryWasRecordedWith() throws IOException {
        givenTwoVersionsOf1001Entries();
        Path file = folder.resolve("history.json");

        export.exportDeploymentHistory(new DeploymentKey("team-a", "llama"), ExportFormat.JSON, file);

        assertEquals(State.DONE, export.stateProperty().get());
        assertEquals(List.of("v1 exported", "v2 exported"), api.historyPages);
        List<HistoryExportEntry> written = readJson(file);
        assertEquals(2002, written.size());
        assertEquals(1, written.get(0).version());
        assertEquals("step 0", written.get(0).statusMessage());
        assertEquals("provider of step 0", written.get(0).modelProviderId());
        assertEquals("provider of step 1000", written.get(1000).modelProviderId());
        assertEquals(2, written.get(1001).version());
        assertEquals(2002, export.writtenProperty().get());
    }

    @Test
    void onAServerWithoutTheExportEachVersionsHistoryIsReadPageByPage() throws IOException {
        givenTwoVersionsOf1001Entries();
        api.offered = new ServerCapabilities(true, true, true, true, true, true, true, false);
        StepExecutor steps = new StepExecutor();
        ConsoleSession olderServer = new ConsoleSession(api, ConnectionInfo.remote(URI.create("http://127.0.0.1:1")),
                new TaskRunner(steps, Runnable::run));
        olderServer.start();
        steps.round(); // what the server offers: everything but the history export
        assertTrue(!olderServer.capabilitiesProperty().get().historyExport());
        Path file = folder.resolve("history.json");

        new ExportViewModel(olderServer, CLOCK).exportDeploymentHistory(new DeploymentKey("team-a", "llama"),
                ExportFormat.JSON, file);
        steps.round();

        assertEquals(List.of("v1 p1", "v1 p2", "v2 p1", "v2 p2"), api.historyPages);
        List<HistoryExportEntry> written = readJson(file);
        assertEquals(2002, written.size());
        assertEquals("step 1000", written.get(1000).statusMessage());
        assertEquals(null, written.get(1000).modelProviderId(), "the version's current provider, here none");
        olderServer.close();
    }

    private void givenTwoVersionsOf1001Entries() {
        ModelDeployment v1 = Deployments.of("team-a", "llama", 1, DeploymentStatus.DELETED, "gone", Deployments.T0);
        ModelDeployment v2 = Deployments.of("team-a", "llama", 2, DeploymentStatus.READY, "serving", Deployments.T0);
        api.versions = List.of(v2, v1); // newest first, as the API lists them
        List<StatusHistoryEntry> long_ = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            long_.add(Deployments.entry(DeploymentStatus.PENDING, "step " + i, SINCE.plusSeconds(i), "ctl"));
        }
        api.history = long_;
    }

    private static List<HistoryExportEntry> readJson(Path file) throws IOException {
        return io.modeldeploy.gui.api.Json.mapper().readValue(file.toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<>() {
                });
    }

    @Test
    void theFleetsHistoryStreamsWithProgressAndCancelLeavesNoFileAndNoTemporaryFile() throws IOException {
        List<String> seen = new ArrayList<>();
        api.export = (query, sink) -> {
            for (int day = 0; day < 4; day++) {
                sink.accept(entry(day * 24 * 60, DeploymentStatus.ERROR));
                seen.add(export.progressProperty().get() + " " + export.writtenProperty().get() + " "
                        + export.progressTextProperty().get());
                if (day == 1) {
                    export.cancel();
                }
            }
            return 4;
        };
        Path file = folder.resolve("fleet-history-2026-12-04.md");

        export.exportFleetHistory(new HistoryExportQuery("-", SINCE, UNTIL, Set.of()), ExportFormat.MARKDOWN, file);

        assertEquals(List.of("0.0 1 1 entry written, up to 2026-12-01 00:00:00 UTC",
                "0.25 2 2 entries written, up to 2026-12-02 00:00:00 UTC"), seen);
        assertEquals(State.CANCELLED, export.stateProperty().get());
        assertEquals("Export cancelled. Nothing was written; fleet-history-2026-12-04.md is as it was.",
                export.outcomeProperty().get());
        assertEquals(List.of(), filesInFolder());
    }

    @Test
    void aFailureMidStreamLeavesTheFileThatWasThereUntouched() throws IOException {
        Path file = folder.resolve("fleet.csv");
        Files.writeString(file, "the export of last week\n");
        api.export = (query, sink) -> {
            sink.accept(entry(1, DeploymentStatus.ERROR));
            sink.accept(entry(2, DeploymentStatus.LOST));
            throw ApiException.noAnswer(ApiException.Kind.CONNECTION_LOST, api.baseUrl(), "reset by peer", null);
        };

        export.exportFleetHistory(new HistoryExportQuery("-", SINCE, UNTIL, Set.of()), ExportFormat.CSV, file);

        assertEquals(State.FAILED, export.stateProperty().get());
        assertTrue(export.outcomeProperty().get().startsWith("Could not export the fleet's history: "),
                export.outcomeProperty().get());
        assertTrue(export.outcomeProperty().get().endsWith("Nothing was written; fleet.csv is as it was."));
        assertEquals("the export of last week\n", Files.readString(file));
        assertEquals(List.of(file), filesInFolder());
    }

    @Test
    void aFolderThatCannotBeWrittenIsSaidInWords() {
        Path file = folder.resolve("no-such-folder").resolve("fleet.csv");

        export.exportFleetHistory(new HistoryExportQuery("-", SINCE, UNTIL, Set.of()), ExportFormat.CSV, file);

        assertEquals(State.FAILED, export.stateProperty().get());
        assertEquals("Could not write " + file + " (the folder does not exist). Nothing was written; fleet.csv is "
                + "as it was.", export.outcomeProperty().get());
    }

    @Test
    void onANemoPlatformTheFleetsHistoryIsReadVersionByVersionAndFilteredHere() throws IOException {
        try (NemoModelsDouble nemo = NemoModelsDouble.start()) {
            nemo.createDeployment("default", "llama", "llama-nim");
            nemo.postStatus("default", "llama", "ERROR", "CUDA | out of memory");
            nemo.createDeployment("other", "phi", "phi-nim");
            nemo.postStatus("other", "phi", "ERROR", "not in this workspace");
            nemo.createDeployment("default", "gemma", "gemma-nim");
            nemo.postStatus("default", "gemma", "READY", "serving");
            nemo.postStatus("default", "gemma", "LOST", "node gone");
            StepExecutor steps = new StepExecutor();
            ConsoleSession nemoSession = new ConsoleSession(new HttpDeploymentApiClient(nemo.baseUri()),
                    ConnectionInfo.remote(nemo.baseUri()), new TaskRunner(steps, Runnable::run));
            nemoSession.pollWith(Duration.ofSeconds(5), interval -> { });
            nemoSession.start();
            steps.round(); // what the server offers: none of our extensions
            assertTrue(!nemoSession.capabilitiesProperty().get().historyExport());
            ExportViewModel nemoExport = new ExportViewModel(nemoSession, CLOCK);
            Path file = folder.resolve("fleet.csv");
            Instant now = Instant.now();

            nemoExport.exportFleetHistory(new HistoryExportQuery("default", now.minus(Duration.ofHours(1)),
                    now.plus(Duration.ofHours(1)), EnumSet.of(DeploymentStatus.ERROR, DeploymentStatus.LOST)),
                    ExportFormat.CSV, file);
            while (nemoExport.stateProperty().get() == State.RUNNING) {
                steps.round();
            }
            nemoSession.close();

            assertEquals(State.DONE, nemoExport.stateProperty().get(), nemoExport.outcomeProperty().get());
            List<CSVRecord> rows = readCsv(file);
            assertEquals(List.of("llama ERROR CUDA | out of memory", "gemma LOST node gone"),
                    rows.stream().map(r -> r.get("name") + " " + r.get("status") + " " + r.get("status_message"))
                            .toList());
            assertTrue(nemo.requests().stream().noneMatch(r -> r.contains("history-export?workspace")),
                    "the streamed export is not asked for");
        }
    }

    @Test
    void onANemoPlatformADeploymentsHistoryIsTheNewestEntriesEachVersionEmbeds() throws IOException {
        try (NemoModelsDouble nemo = NemoModelsDouble.start()) {
            nemo.createDeployment("default", "llama", "llama-nim");
            nemo.postStatus("default", "llama", "READY", "serving");
            nemo.postStatus("default", "llama", "ERROR", "CUDA out of memory");
            StepExecutor steps = new StepExecutor();
            ConsoleSession nemoSession = new ConsoleSession(new HttpDeploymentApiClient(nemo.baseUri()),
                    ConnectionInfo.remote(nemo.baseUri()), new TaskRunner(steps, Runnable::run));
            nemoSession.pollWith(Duration.ofSeconds(5), interval -> { });
            nemoSession.start();
            steps.round(); // what the server offers: no status-history endpoint
            ExportViewModel nemoExport = new ExportViewModel(nemoSession, CLOCK);
            Path file = folder.resolve("llama.csv");

            nemoExport.exportDeploymentHistory(new DeploymentKey("default", "llama"), ExportFormat.CSV, file);
            while (nemoExport.stateProperty().get() == State.RUNNING) {
                steps.round();
            }
            nemoSession.close();

            assertEquals(State.DONE, nemoExport.stateProperty().get(), nemoExport.outcomeProperty().get());
            List<String> statuses = readCsv(file).stream().map(r -> r.get("status")).toList();
            assertEquals(List.of("READY", "ERROR"), statuses.subList(statuses.size() - 2, statuses.size()));
            assertTrue(nemo.requests().stream().noneMatch(r -> r.contains("/llama/status-history")),
                    "NeMo has no status-history endpoint: " + nemo.requests());
        }
    }
}
