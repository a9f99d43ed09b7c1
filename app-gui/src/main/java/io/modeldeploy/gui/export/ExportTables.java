package io.modeldeploy.gui.export;

import io.modeldeploy.gui.export.ExportTable.Column;
import io.modeldeploy.gui.list.AttentionText;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.model.HistoryExportEntry;

import java.util.List;

/** The two shapes of export: history entries (the server's export columns) and rows of the list. */
final class ExportTables {

    /** {@link HistoryExportEntry#COLUMNS}, in that order: the same file the server's export gives. */
    static final ExportTable<HistoryExportEntry> HISTORY = new ExportTable<>(List.of(
            new Column<>("workspace", "Workspace", true, HistoryExportEntry::workspace),
            new Column<>("name", "Name", true, HistoryExportEntry::name),
            new Column<>("version", "Version", false, HistoryExportEntry::version),
            new Column<>("timestamp", "Time", false, HistoryExportEntry::timestamp),
            new Column<>("status", "Status", false, HistoryExportEntry::status),
            new Column<>("status_message", "Status message", true, HistoryExportEntry::statusMessage),
            new Column<>("model_provider_id", "Model provider", true, HistoryExportEntry::modelProviderId),
            new Column<>("actor", "Actor", true, HistoryExportEntry::actor),
            new Column<>("source", "Source", false, HistoryExportEntry::source)));

    /** The list's columns, every one of them (hidden ones too), as the rows show them now. */
    static final ExportTable<DeploymentRow> LIST = new ExportTable<>(List.of(
            new Column<>("workspace", "Workspace", true, DeploymentRow::workspace),
            new Column<>("name", "Name", true, DeploymentRow::name),
            new Column<>("version", "Version", false, DeploymentRow::version),
            new Column<>("status", "Status", false, DeploymentRow::status),
            new Column<>("needs_attention", "Needs attention", false,
                    row -> row.attention() == null ? null : AttentionText.reasonName(row.attention().reason())),
            new Column<>("status_since", "In status since", false, DeploymentRow::statusSince),
            new Column<>("status_message", "Status message", true, DeploymentRow::message),
            new Column<>("updated_at", "Updated", false, DeploymentRow::updatedAt),
            new Column<>("model_provider_id", "Model provider", true, DeploymentRow::modelProviderId)));

    private ExportTables() {
    }
}
