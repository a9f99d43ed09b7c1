package io.modeldeploy.gui.export;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a Markdown export says above its table: what was exported, from which server, when, and the
 * time zone its times are written in (the console's: local, or UTC with View ▸ Times in UTC).
 */
public record ExportHeading(String title, String server, Instant exportedAt, ZoneId zone) {

    public ExportHeading {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(exportedAt, "exportedAt");
        Objects.requireNonNull(zone, "zone");
    }
}
