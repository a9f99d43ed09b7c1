package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * One status-history entry as exported for audits: which deployment version it belongs to, and the
 * model provider reference recorded with the change. The same fields, in {@link #COLUMNS} order, are
 * the CSV columns, the NDJSON object keys and the JSON array items of every history export: every
 * field always, a missing model provider as null and an empty message as "".
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "HistoryExportEntry", description = "One status-history entry with the deployment it belongs to")
public record HistoryExportEntry(
        @JsonProperty("workspace") String workspace,
        @JsonProperty("name") String name,
        @JsonProperty("version") int version,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("status") DeploymentStatus status,
        @JsonProperty("status_message") String statusMessage,
        @JsonProperty("model_provider_id") @Schema(nullable = true) String modelProviderId,
        @JsonProperty("actor") String actor,
        @JsonProperty("source") ChangeSource source) {

    /** The CSV header row, in the order of the record's fields. */
    public static final List<String> COLUMNS = List.of("workspace", "name", "version", "timestamp", "status",
            "status_message", "model_provider_id", "actor", "source");

    /** The entry's values as CSV cells (null as an empty cell), in {@link #COLUMNS} order, made spreadsheet-safe. */
    public List<String> csvCells() {
        return List.of(SpreadsheetCells.safe(workspace), SpreadsheetCells.safe(name), Integer.toString(version),
                timestamp.toString(), status.name(), SpreadsheetCells.safe(statusMessage),
                SpreadsheetCells.safe(modelProviderId == null ? "" : modelProviderId), SpreadsheetCells.safe(actor),
                source.wireName());
    }
}
