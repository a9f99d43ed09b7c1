package io.modeldeploy.server.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.modeldeploy.model.ErrorBody;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Who may call the API. A valid {@code Authorization: Bearer <token>} names the caller; a viewer
 * may read and stream, an editor may also write. Without a token only loopback callers get in
 * (as {@code anonymous}), and not even they with {@code --require-auth}. A token that is sent
 * must be valid, wherever the request comes from. A tokenless loopback request must also name the
 * loopback in {@code Host} (see {@link HostCheckFilter}), also when the server listens on all addresses.
 */
@ServerFilter("/apis/**")
public class AccessControlFilter {
    /** Request attribute holding the caller's name for the history and auth_context. */
    public static final String PRINCIPAL = "modeldeploy.principal";
    /** Request attribute holding the caller's {@link Role}; absent for the anonymous loopback caller. */
    public static final String ROLE = "modeldeploy.role";

    private final TokenRegistry tokens;
    private final AllowedHosts allowedHosts;

    public AccessControlFilter(TokenRegistry tokens, AllowedHosts allowedHosts) {
        this.tokens = tokens;
        this.allowedHosts = allowedHosts;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ErrorBody> authorize(HttpRequest<?> request) {
        Optional<String> authorization = request.getHeaders().getAuthorization();
        if (authorization.isEmpty()) {
            if (tokens.requireAuth() || !fromLoopback(request)) {
                return unauthorized("Authentication required: send 'Authorization: Bearer <token>'");
            }
            String host = request.getHeaders().get(HttpHeaders.HOST);
            if (!allowedHosts.allows(host)) {
                return unauthorized("Authentication required for requests to Host '" + AllowedHosts.shown(host) + "': without a token,"
                        + " only requests for localhost, 127.0.0.1 or [::1] are answered");
            }
            return null;
        }
        String value = authorization.get().trim();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7) || value.substring(7).isBlank()) {
            return unauthorized("Only bearer tokens are accepted: send 'Authorization: Bearer <token>'");
        }
        Optional<AccessToken> token = tokens.authenticate(value.substring(7).trim());
        if (token.isEmpty()) {
            return unauthorized("Unknown or revoked token");
        }
        if (isWrite(request.getMethod()) && !token.get().role().mayWrite()) {
            return HttpResponse.<ErrorBody>status(HttpStatus.FORBIDDEN)
                    .body(new ErrorBody("Forbidden: token '" + token.get().name() + "' is a viewer and may only read"));
        }
        request.setAttribute(PRINCIPAL, token.get().name());
        request.setAttribute(ROLE, token.get().role());
        return null;
    }

    private static boolean fromLoopback(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
    }

    private static boolean isWrite(HttpMethod method) {
        return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
    }

    private static HttpResponse<ErrorBody> unauthorized(String detail) {
        return HttpResponse.<ErrorBody>status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"modeldeploy\"")
                .body(new ErrorBody(detail));
    }
}
