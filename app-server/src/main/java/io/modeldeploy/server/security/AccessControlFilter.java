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

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Who may call the API. A valid {@code Authorization: Bearer <token>} names the caller; a viewer
 * may read and stream, an editor may also write. Without a token only loopback callers get in
 * (as {@code anonymous}), and not even they with {@code --require-auth}. A token that is sent
 * must be valid, wherever the request comes from. A tokenless loopback request must also name the
 * loopback in {@code Host} (see {@link HostCheckFilter}), also when the server listens on all addresses.
 * The caller's address is {@link ClientAddresses}' (behind a trusted proxy, from {@code X-Forwarded-For});
 * failed authentications slow that address down ({@link AuthenticationThrottle}).
 */
@ServerFilter("/apis/**")
public class AccessControlFilter {
    /** Request attribute holding the caller's name for the history and auth_context. */
    public static final String PRINCIPAL = "modeldeploy.principal";
    /** Request attribute holding the caller's {@link Role}; absent for the anonymous loopback caller. */
    public static final String ROLE = "modeldeploy.role";

    private final TokenRegistry tokens;
    private final AllowedHosts allowedHosts;
    private final ClientAddresses clientAddresses;
    private final AuthenticationThrottle throttle;

    public AccessControlFilter(TokenRegistry tokens, AllowedHosts allowedHosts, ClientAddresses clientAddresses,
                               AuthenticationThrottle throttle) {
        this.tokens = tokens;
        this.allowedHosts = allowedHosts;
        this.clientAddresses = clientAddresses;
        this.throttle = throttle;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ErrorBody> authorize(HttpRequest<?> request) {
        InetAddress client = clientAddresses.of(request);
        Optional<String> authorization = request.getHeaders().getAuthorization();
        if (authorization.isEmpty()) {
            if (tokens.requireAuth() || client == null || !client.isLoopbackAddress()) {
                return unauthorized("Authentication required: send 'Authorization: Bearer <token>'");
            }
            String host = request.getHeaders().get(HttpHeaders.HOST);
            if (!allowedHosts.allows(host)) {
                return unauthorized("Authentication required for requests to Host '" + AllowedHosts.shown(host)
                        + "': without a token, only requests for localhost, 127.0.0.1 or [::1] are answered");
            }
            return null;
        }
        String value = authorization.get().trim();
        boolean bearer = value.regionMatches(true, 0, "Bearer ", 0, 7) && !value.substring(7).isBlank();
        String secret = bearer ? value.substring(7).trim() : "";
        Optional<AccessToken> token;
        // A loopback caller that needs no token gains nothing by guessing one: not throttled.
        boolean throttled = client != null && (tokens.requireAuth() || !client.isLoopbackAddress());
        Optional<Duration> lockout = throttled ? throttle.lockedOut(client) : Optional.empty();
        if (lockout.isPresent()) {
            // Not checked while locked out, so guessing learns nothing; a token that worked from here before still does.
            token = throttle.knownToken(client, secret);
            if (token.isEmpty()) {
                return tooManyFailures(client, lockout.get());
            }
        } else if (!bearer) {
            failed(throttled, client, "not a bearer token");
            return unauthorized("Only bearer tokens are accepted: send 'Authorization: Bearer <token>'");
        } else {
            token = tokens.authenticate(secret);
            if (token.isEmpty()) {
                failed(throttled, client, "unknown or revoked token");
                return unauthorized("Unknown or revoked token");
            }
            if (throttled) {
                throttle.succeeded(client, token.get());
            }
        }
        if (isWrite(request.getMethod()) && !token.get().role().mayWrite()) {
            return HttpResponse.<ErrorBody>status(HttpStatus.FORBIDDEN)
                    .body(new ErrorBody("Forbidden: token '" + token.get().name() + "' is a viewer and may only read"));
        }
        request.setAttribute(PRINCIPAL, token.get().name());
        request.setAttribute(ROLE, token.get().role());
        return null;
    }

    private void failed(boolean throttled, @Nullable InetAddress client, String reason) {
        if (throttled) {
            throttle.failed(client, reason);
        }
    }

    private static HttpResponse<ErrorBody> tooManyFailures(InetAddress client, Duration left) {
        long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
        return HttpResponse.<ErrorBody>status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(new ErrorBody("Too many failed authentications from " + client.getHostAddress()
                        + ": tokens from this address are not checked for " + seconds + " s (Retry-After)"));
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
