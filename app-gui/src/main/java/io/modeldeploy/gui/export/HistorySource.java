package io.modeldeploy.gui.export;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.api.ServerCapabilities;
import io.modeldeploy.model.HistoryExportEntry;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The status histories of versions, read through the API client as export entries. Our server
 * exports a version's whole history with the model provider each entry was recorded with; elsewhere
 * the status-history pages give the whole history, or a server without them (a NeMo Platform)
 * embeds only the newest entries in the version (NeMo keeps the newest 100 of each), and each entry
 * gets its version's current model provider, the only one such a server tells.
 */
final class HistorySource {

    private final DeploymentApiClient api;
    private final boolean exportedHistory;
    private final boolean pagedHistory;

    /**
     * {@code offered}: whether the server exports a version's history ({@code historyExport}) or at
     * least pages it ({@code statusHistory}).
     */
    HistorySource(DeploymentApiClient api, ServerCapabilities offered) {
        this.api = api;
        this.exportedHistory = offered.historyExport();
        this.pagedHistory = offered.statusHistory();
    }

    /** Every version of a deployment, oldest first. */
    List<ModelDeployment> versionsOf(String workspace, String name) throws ApiException {
        List<ModelDeployment> versions = new ArrayList<>(api.listVersions(workspace, name));
        versions.sort(Comparator.comparingInt(ModelDeployment::entityVersion));
        return versions;
    }

    /** The history of {@code version}, oldest first. */
    List<HistoryExportEntry> historyOf(ModelDeployment version) throws ApiException {
        if (exportedHistory) {
            List<HistoryExportEntry> exported = new ArrayList<>();
            api.exportVersionHistory(version.workspace(), version.name(), version.entityVersion(), exported::add);
            return exported;
        }
        List<StatusHistoryEntry> history = pagedHistory ? pagedHistoryOf(version) : embeddedHistoryOf(version);
        List<HistoryExportEntry> entries = new ArrayList<>(history.size());
        for (StatusHistoryEntry entry : history) {
            entries.add(new HistoryExportEntry(version.workspace(), version.name(), version.entityVersion(),
                    entry.timestamp(), entry.status(), entry.statusMessage(), version.modelProviderId(),
                    entry.actor(), entry.source()));
        }
        return entries;
    }

    private List<StatusHistoryEntry> pagedHistoryOf(ModelDeployment version) throws ApiException {
        List<StatusHistoryEntry> all = new ArrayList<>();
        int pageSize = DeploymentApiClient.FULL_PAGE_SIZE;
        for (int page = 1; ; page++) {
            ListPage<StatusHistoryEntry> answer = api.statusHistory(version.workspace(), version.name(),
                    version.entityVersion(), page, pageSize);
            List<StatusHistoryEntry> data = answer.data() == null ? List.of() : answer.data();
            all.addAll(data);
            int pages = answer.pagination() == null ? page : answer.pagination().totalPages();
            if (data.size() < pageSize || page >= pages) {
                return all;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new ExportFile.ExportCancelled();
            }
        }
    }

    /** The list of versions embeds no history on every server: the version is read with it. */
    private List<StatusHistoryEntry> embeddedHistoryOf(ModelDeployment version) throws ApiException {
        List<StatusHistoryEntry> history = version.statusHistory();
        if (history == null || history.isEmpty()) {
            history = api.getVersion(version.workspace(), version.name(), version.entityVersion()).statusHistory();
        }
        return history == null ? List.of() : history;
    }
}
