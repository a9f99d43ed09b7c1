package io.modeldeploy.server.security;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Headers every answer carries: no MIME sniffing, and no server banner. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter {

    @ResponseFilter
    public void addHeaders(MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.getHeaders().remove("Server");
    }
}
