package io.modeldeploy.server.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

/**
 * Media types as NeMo (FastAPI) treats them, settled before the route is chosen (choosing it is
 * where the framework would answer 406 or 415):
 * <ul>
 *   <li>{@code Accept} is ignored: every answer is what the endpoint produces (JSON, or the event
 *       stream), never a 406 and never an HTML error page;</li>
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

    @RequestFilter
    @PreMatching
    public void negotiate(MutableHttpRequest<?> request) {
        request.getHeaders().remove(HttpHeaders.ACCEPT);
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
