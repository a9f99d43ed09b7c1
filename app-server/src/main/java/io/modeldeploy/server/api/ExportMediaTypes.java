package io.modeldeploy.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.modeldeploy.server.service.HistoryExportFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The format of a history export, from the {@code Accept} header the client sent (chosen by
 * {@link ContentNegotiationFilter}, before the route): of JSON, CSV and NDJSON the one with the highest
 * q-value, each taking the q of the most specific range that names it ({@code text/csv} before
 * {@code text/*} before {@code *}{@code /*}); on a tie the one named first; {@code q=0} refuses a
 * type. No header, or none of the three acceptable: JSON, as every other answer of the API.
 */
final class ExportMediaTypes {
    private static final List<HistoryExportFormat> SERVER_ORDER =
            List.of(HistoryExportFormat.JSON, HistoryExportFormat.CSV, HistoryExportFormat.NDJSON);

    private ExportMediaTypes() {
    }

    static HistoryExportFormat of(HttpRequest<?> request) {
        return request.getAttribute(ContentNegotiationFilter.EXPORT_FORMAT, HistoryExportFormat.class)
                .orElse(HistoryExportFormat.JSON);
    }

    static HistoryExportFormat choose(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return HistoryExportFormat.JSON;
        }
        List<Range> ranges = parse(accept);
        HistoryExportFormat best = HistoryExportFormat.JSON;
        Range bestRange = null;
        for (HistoryExportFormat format : SERVER_ORDER) {
            Range range = mostSpecific(ranges, format.mediaType());
            if (range == null || range.quality <= 0) {
                continue;
            }
            if (bestRange == null || range.quality > bestRange.quality
                    || (range.quality == bestRange.quality && range.position < bestRange.position)) {
                best = format;
                bestRange = range;
            }
        }
        return best;
    }

    /** {@code Content-Disposition: attachment} with a file name of only letters, digits, '.', '_' and '-'. */
    static <T> MutableHttpResponse<T> attachment(MutableHttpResponse<T> response, String baseName,
                                                 HistoryExportFormat format) {
        String safe = baseName.replaceAll("[^A-Za-z0-9._-]", "_");
        return response.header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + safe + "." + format.extension() + "\"");
    }

    private static Range mostSpecific(List<Range> ranges, String mediaType) {
        String[] parts = mediaType.split("/");
        Range found = null;
        for (Range range : ranges) {
            int specificity = range.specificity(parts[0], parts[1]);
            if (specificity >= 0 && (found == null || specificity > found.specificity(parts[0], parts[1]))) {
                found = range;
            }
        }
        return found;
    }

    private static List<Range> parse(String accept) {
        List<Range> ranges = new ArrayList<>();
        String[] items = accept.split(",");
        for (int position = 0; position < items.length; position++) {
            String[] parameters = items[position].split(";");
            String[] type = parameters[0].trim().toLowerCase(Locale.ROOT).split("/", 2);
            if (type.length != 2 || type[0].isEmpty() || type[1].isEmpty()) {
                continue;
            }
            double quality = 1;
            for (int i = 1; i < parameters.length; i++) {
                String[] parameter = parameters[i].trim().split("=", 2);
                if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("q")) {
                    quality = quality(parameter[1].trim());
                }
            }
            ranges.add(new Range(type[0].trim(), type[1].trim(), quality, position));
        }
        return ranges;
    }

    /** A q-value; one that is not a number between 0 and 1 counts as 1, as if it were not there. */
    private static double quality(String value) {
        try {
            double q = Double.parseDouble(value);
            return q >= 0 && q <= 1 ? q : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private record Range(String type, String subtype, double quality, int position) {
        /** 2 for the exact type, 1 for {@code type/*}, 0 for {@code *}{@code /*}, -1 when it does not match. */
        int specificity(String wantedType, String wantedSubtype) {
            if (type.equals("*") && subtype.equals("*")) {
                return 0;
            }
            if (!type.equals(wantedType)) {
                return -1;
            }
            return subtype.equals("*") ? 1 : subtype.equals(wantedSubtype) ? 2 : -1;
        }
    }
}
