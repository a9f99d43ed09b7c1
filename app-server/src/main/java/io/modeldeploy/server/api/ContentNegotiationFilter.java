package io.modeldeploy.server.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;
import io.modeldeploy.server.service.HistoryExportFormat;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Media types as NeMo (FastAPI) treats them, settled before the route is chosen (choosing it is
 * where the framework would answer 406 or 415):
 * <ul>
 *   <li>{@code Accept} is ignored: every answer is what the endpoint produces (JSON, or the event
 *       stream), never a 406 and never an HTML error page; only the history exports choose their
 *       format by it (JSON, CSV or NDJSON, see {@link ExportMediaTypes}): {@link #EXPORT_FORMAT}, and
 *       the one {@code Accept} that routes to the endpoint producing it;</li>
 *   <li>a body is JSON without a {@code Content-Type} or with {@code application/json} or
 *       {@code application/*+json}; a body whose {@code Content-Type} is not JSON reaches its endpoint, which answers FastAPI's
 *       422 (see {@link JsonRequestReader#contentType}); the type as sent is kept in
 *       {@link #SENT_CONTENT_TYPE}.</li>
 * </ul>
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ContentNegotiationFilter {
    /** Request attribute: the {@code Content-Type} the client sent, when it was not JSON. */
    static final String SENT_CONTENT_TYPE = "modeldeploy.sent-content-type";
    /** Request attribute: the {@link HistoryExportFormat} a history export answers in. */
    static final String EXPORT_FORMAT = "modeldeploy.export-format";
    /** The two history exports: a version's status history and the fleet's history export. */
    private static final Pattern EXPORTS = Pattern.compile(
            "/apis/models/v2/workspaces/[^/]+/deployments/[^/]+/status-history/?|/apis/modeldeploy/v1/history-export/?");

    @RequestFilter
    @PreMatching
    public void negotiate(MutableHttpRequest<?> request) {
        List<String> accept = request.getHeaders().getAll(HttpHeaders.ACCEPT);
        request.getHeaders().remove(HttpHeaders.ACCEPT);
        if (EXPORTS.matcher(request.getUri().getRawPath()).matches()) {
            // routed by the format chosen, never refused: the route producing it answers
            HistoryExportFormat format = ExportMediaTypes.choose(String.join(",", accept));
            request.setAttribute(EXPORT_FORMAT, format);
            request.getHeaders().add(HttpHeaders.ACCEPT, format.mediaType());
        }
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.isEmpty()) {
            if (!JsonRequestReader.isJson(contentType)) {
                request.setAttribute(SENT_CONTENT_TYPE, contentType);
            }
            // application/*+json is JSON too; the routes name only application/json
            request.getHeaders().contentType(MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
