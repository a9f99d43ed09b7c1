package io.modeldeploy.server.error;

import io.modeldeploy.model.ValidationError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import java.util.List;
import java.util.Set;

/**
 * The request was understood but its values are invalid: a 422 listing every problem. Bean
 * Validation's violations of the request record come with what was found before the record could
 * be checked ({@link #readErrors()}: wrong JSON types, missing fields, query parameters that are
 * not numbers). {@link UnprocessableRequestHandler} answers both, in the order of
 * {@link #fieldOrder()}, as pydantic lists a model's errors in the order of its fields.
 */
public final class RequestValidationException extends ConstraintViolationException {
    private final List<ValidationError> readErrors;
    private final List<String> fieldOrder;

    public RequestValidationException(List<ValidationError> readErrors,
                                      Set<? extends ConstraintViolation<?>> violations, List<String> fieldOrder) {
        super(readErrors.isEmpty() ? "invalid request" : readErrors.get(0).msg(), violations);
        this.readErrors = List.copyOf(readErrors);
        this.fieldOrder = List.copyOf(fieldOrder);
    }

    public RequestValidationException(List<ValidationError> readErrors) {
        this(readErrors, Set.of(), List.of());
    }

    public RequestValidationException(ValidationError readError) {
        this(List.of(readError));
    }

    /** Problems found while reading the request, already in pydantic's words. */
    public List<ValidationError> readErrors() {
        return readErrors;
    }

    /** The body's fields (wire names) in the order of the request record; empty when order does not matter. */
    public List<String> fieldOrder() {
        return fieldOrder;
    }

    /** An expected answer, not a failure: no stack trace to fill in. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
