package io.modeldeploy.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.modeldeploy.model.ErrorBody;
import io.modeldeploy.server.error.DiskFull;
import io.modeldeploy.server.service.DiskSpaceGuard;
import io.modeldeploy.server.service.DurableCommits;

import java.util.Optional;

/**
 * Writes wait (503 with Retry-After) while the built-in database's disk is full ({@link DiskSpaceGuard}),
 * or while the database cannot yet be opened again after a failed write ({@link DurableCommits#ready}).
 * After access control, so that a caller who may not write hears that first.
 */
@ServerFilter("/apis/**")
@Order(100)
public class DiskSpaceFilter {
    static final String REOPENING = "The database is being opened again after it could not write (was its disk"
            + " full?). Nothing was changed; retry in a moment.";

    private final DiskSpaceGuard guard;
    private final DurableCommits durableCommits;

    public DiskSpaceFilter(@Nullable DiskSpaceGuard guard, @Nullable DurableCommits durableCommits) {
        this.guard = guard;
        this.durableCommits = durableCommits;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ErrorBody> checkSpace(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return null;
        }
        Optional<String> refusal = guard == null ? Optional.empty() : guard.refusal();
        if (refusal.isEmpty() && durableCommits != null && !durableCommits.ready()) {
            refusal = Optional.of(REOPENING);
        }
        return refusal.map(DiskSpaceFilter::unavailable).orElse(null);
    }

    private static HttpResponse<ErrorBody> unavailable(String detail) {
        return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(DiskFull.RETRY_AFTER_SECONDS))
                .body(new ErrorBody(detail));
    }
}
