package io.modeldeploy.server.security;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every answer carries: no MIME sniffing, and no server banner. First of all filters, so
 * that its response side also sees the answers other filters give instead of the route's.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter {

    @ResponseFilter
    public void addHeaders(MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.getHeaders().remove("Server");
    }
}
