package io.modeldeploy.server.error;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.server.service.PreconditionFailedException;
import jakarta.inject.Singleton;

/** 412 with the current deployment, so the caller can see what changed and retry with its ETag. */
@Produces
@Singleton
public class PreconditionFailedHandler
        implements ExceptionHandler<PreconditionFailedException, HttpResponse<ModelDeployment>> {

    @Override
    public HttpResponse<ModelDeployment> handle(HttpRequest request, PreconditionFailedException exception) {
        ModelDeployment current = exception.current();
        return HttpResponse.<ModelDeployment>status(HttpStatus.PRECONDITION_FAILED)
                .header(HttpHeaders.ETAG, current.etag())
                .body(current);
    }
}
