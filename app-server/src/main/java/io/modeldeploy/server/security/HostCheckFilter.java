package io.modeldeploy.server.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.modeldeploy.model.ErrorBody;

/**
 * Against DNS rebinding: a web page on a name that its owner points at 127.0.0.1 sends same-origin
 * requests, without an {@code Origin} header, to a server on loopback, with that name in
 * {@code Host}. A server bound to loopback therefore answers only requests whose {@code Host} names
 * the loopback or one of {@link AllowedHosts} ({@code MODELDEPLOY_ALLOWED_HOSTS}); others get 421.
 * A server bound to another address is reached by name from other machines and checks no
 * {@code Host}; there its tokenless loopback callers are held to the same rule
 * ({@link AccessControlFilter}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class HostCheckFilter {
    static final HttpStatus MISDIRECTED = HttpStatus.MISDIRECTED_REQUEST;

    private final boolean boundToLoopback;
    private final AllowedHosts allowedHosts;

    public HostCheckFilter(@Value("${micronaut.server.host:127.0.0.1}") String bindAddress, AllowedHosts allowedHosts) {
        this.boundToLoopback = TokenRegistry.isLoopback(bindAddress);
        this.allowedHosts = allowedHosts;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ErrorBody> checkHost(HttpRequest<?> request) {
        if (!boundToLoopback) {
            return null;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (allowedHosts.allows(host)) {
            return null;
        }
        return HttpResponse.<ErrorBody>status(MISDIRECTED).body(new ErrorBody(allowedHosts.refusal(host)));
    }
}
