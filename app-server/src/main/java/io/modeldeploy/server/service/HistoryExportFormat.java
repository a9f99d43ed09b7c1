package io.modeldeploy.server.service;

/** The forms of a history export, each with the media type it is sent as and its file name extension. */
public enum HistoryExportFormat {
    /** One JSON array of entries. */
    JSON("application/json", "application/json", "json"),
    /** RFC 4180: a header row, then one row per entry, CRLF line ends, UTF-8, spreadsheet-safe cells. */
    CSV("text/csv", "text/csv; charset=utf-8; header=present", "csv"),
    /** One JSON object per line. */
    NDJSON("application/x-ndjson", "application/x-ndjson", "ndjson");

    private final String mediaType;
    private final String contentType;
    private final String extension;

    HistoryExportFormat(String mediaType, String contentType, String extension) {
        this.mediaType = mediaType;
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The media type without parameters, as an {@code Accept} header names it. */
    public String mediaType() {
        return mediaType;
    }

    /** The {@code Content-Type} of the answer. */
    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }
}
