package io.modeldeploy.server.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.modeldeploy.model.BatchErrorBody;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.server.service.PreconditionFailedException;
import io.modeldeploy.server.service.StatusBatchRefusedException;
import jakarta.inject.Singleton;

/**
 * A status batch refused because of one target: {@code {"detail": "...", "target": i}} with the
 * status a single update of that target would get (404, 409, 412). A 412 names the target's
 * current state in its detail, since the answer is not one deployment.
 */
@Produces
@Singleton
public class StatusBatchRefusedHandler
        implements ExceptionHandler<StatusBatchRefusedException, HttpResponse<BatchErrorBody>> {

    @Override
    public HttpResponse<BatchErrorBody> handle(HttpRequest request, StatusBatchRefusedException exception) {
        HttpStatus status;
        String detail;
        if (exception.refusal() instanceof PreconditionFailedException stale) {
            status = HttpStatus.PRECONDITION_FAILED;
            detail = changedSince(stale.current());
        } else if (exception.refusal() instanceof HttpErrorException error) {
            status = error.status();
            detail = error.detail();
        } else {
            throw exception.refusal();
        }
        MutableHttpResponse<BatchErrorBody> response = HttpResponse.<BatchErrorBody>status(status)
                .body(new BatchErrorBody(detail, exception.target()));
        if (status == HttpStatus.CONFLICT) {
            response.header(HttpErrorExceptionHandler.SHOULD_RETRY_HEADER, "false");
        }
        return response;
    }

    private static String changedSince(ModelDeployment current) {
        return "Deployment '" + current.workspace() + "/" + current.name() + "' version '" + current.entityVersion()
                + "' changed since its if_match: it is now " + current.status()
                + (current.statusMessage().isEmpty() ? "" : " (\"" + current.statusMessage() + "\")")
                + ", updated at " + current.updatedAt() + ", ETag " + current.etag();
    }
}
