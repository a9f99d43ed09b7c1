package io.modeldeploy.server.persistence;

import io.modeldeploy.model.HistoryExportEntry;

/** An exported history entry with its id, which (with its time) is where the next page starts. */
public record HistoryExportRow(long id, HistoryExportEntry entry) {
}
