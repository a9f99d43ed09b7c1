package io.modeldeploy.server.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.uri.UriMatchInfo;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import io.micronaut.web.router.RouteAttributes;
import io.modeldeploy.model.FieldRule;
import io.modeldeploy.model.ValidationError;
import io.modeldeploy.model.ValidationErrorBody;
import io.modeldeploy.model.constraints.FieldConstraints;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every 422 of invalid values, in FastAPI/pydantic's shape {@code {"detail": [{type, loc, msg,
 * input, ctx}]}}: Bean Validation's violations of the field rules (on request records, and on
 * controller parameters such as the workspace of a create), together with what the request reading
 * found before ({@link RequestValidationException#readErrors()}). Replaces Micronaut's own handler,
 * which answers 400 in another shape.
 */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class UnprocessableRequestHandler
        implements ExceptionHandler<ConstraintViolationException, HttpResponse<ValidationErrorBody>> {

    @Override
    public HttpResponse<ValidationErrorBody> handle(HttpRequest request, ConstraintViolationException exception) {
        List<ValidationError> items = new ArrayList<>();
        List<String> fieldOrder = List.of();
        if (exception instanceof RequestValidationException read) {
            items.addAll(read.readErrors());
            fieldOrder = read.fieldOrder();
        }
        Set<String> pathVariables = pathVariables(request);
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            items.add(item(violation, pathVariables));
        }
        List<String> order = fieldOrder;
        items.sort(Comparator.comparingInt(item -> position(order, item)));
        return HttpResponse.<ValidationErrorBody>status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ValidationErrorBody(items));
    }

    /** One violation: a field rule's, in pydantic's words; another constraint's, as a value error. */
    private static ValidationError item(ConstraintViolation<?> violation, Set<String> pathVariables) {
        Path.Node leaf = null;
        for (Path.Node node : violation.getPropertyPath()) {
            leaf = node;
        }
        String name = leaf == null ? "" : leaf.getName();
        Object input = violation.getInvalidValue();
        Optional<FieldRule> rule = FieldConstraints.ruleOf(
                violation.getConstraintDescriptor().getAnnotation().annotationType());
        List<Object> loc;
        if (leaf != null && leaf.getKind() == ElementKind.PARAMETER) {
            loc = List.of(pathVariables.contains(name) ? "path" : "query", name);
        } else {
            loc = List.of("body", rule.map(FieldRule::field).orElse(name));
        }
        if (rule.isEmpty() || !(input instanceof String text)) {
            return new ValidationError("value_error", loc, "Value error, " + violation.getMessage(), input, Map.of());
        }
        if (rule.get() == FieldRule.WORKSPACE) {
            return PydanticErrors.workspaceInPath(loc, input);
        }
        FieldRule.Violation found = rule.get().check(text).orElseThrow(
                () -> new IllegalStateException(rule.get() + " accepts what its constraint refused: " + text));
        return PydanticErrors.of(rule.get(), found, loc, input);
    }

    /** Body items in the order of the record's fields; anything else first, in the order found. */
    private static int position(List<String> fieldOrder, ValidationError item) {
        List<Object> loc = item.loc();
        if (loc.size() >= 2 && "body".equals(loc.get(0))) {
            int index = fieldOrder.indexOf(String.valueOf(loc.get(1)));
            return index < 0 ? fieldOrder.size() : index;
        }
        return -1;
    }

    private static Set<String> pathVariables(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .filter(UriMatchInfo.class::isInstance)
                .map(match -> ((UriMatchInfo) match).getVariableValues().keySet())
                .orElse(Set.of());
    }
}
