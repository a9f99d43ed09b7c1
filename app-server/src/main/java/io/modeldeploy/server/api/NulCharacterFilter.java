package io.modeldeploy.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.modeldeploy.model.ErrorBody;
import io.modeldeploy.model.ValidationError;
import io.modeldeploy.model.ValidationErrorBody;
import io.modeldeploy.server.error.PydanticErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The NUL character (U+0000, {@code %00}) in a path or a query value, answered before it can reach
 * the database, which cannot compare text holding it (PostgreSQL refuses such a parameter: an
 * error the client could do nothing with). Nothing stored holds it, since every text field refuses
 * it ({@link io.modeldeploy.model.FieldRule.Problem#NUL_CHARACTER}): a path with it names nothing
 * (404), and a query value with it is a 422 naming the parameter, as for any other bad value.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class NulCharacterFilter {
    private static final char NUL = '\0';

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseNul(HttpRequest<?> request) {
        if (request.getPath().indexOf(NUL) >= 0 || request.getUri().getRawPath().toLowerCase().contains("%00")) {
            return HttpResponse.<ErrorBody>status(HttpStatus.NOT_FOUND)
                    .body(new ErrorBody("Not found: no name holds the NUL character (%00)"));
        }
        List<ValidationError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            String name = parameter.getKey();
            if (name.indexOf(NUL) >= 0) {
                errors.add(PydanticErrors.nulCharacter(List.of("query", name), name));
                continue;
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf(NUL) >= 0) {
                    errors.add(PydanticErrors.nulCharacter(List.of("query", name), value));
                }
            }
        }
        return errors.isEmpty() ? null
                : HttpResponse.<ValidationErrorBody>status(HttpStatus.UNPROCESSABLE_ENTITY)
                        .body(new ValidationErrorBody(errors));
    }
}
