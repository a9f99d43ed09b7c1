package io.modeldeploy.server.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an HTTP exchange against the OpenAPI document the server serves (generated at compile time into
 * {@code META-INF/swagger}, parsed once per JVM): the response must be one the document declares for that
 * operation (status, body schema with no undeclared field, declared headers); a request the document calls
 * invalid must be refused with a 4xx, so a 2xx only ever answers a valid request.
 */
public final class OpenApiValidation {
    public static final String DOCUMENT = "META-INF/swagger/modeldeploy-console-api-0.1.0.yml";
    /**
     * The document itself, the Swagger UI and the health checks (Micronaut's management endpoints, for
     * load balancers and supervisors) are not operations of the API.
     */
    private static final List<String> NOT_THE_API = List.of("/swagger", "/health");

    private static final Set<String> NO_OPERATION =
            Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private OpenApiValidation() {
    }

    private static final class Loaded {
        static final OpenApiInteractionValidator VALIDATOR = forDocument(read());

        private static String read() {
            try (InputStream in = OpenApiValidation.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
                if (in == null) {
                    throw new IllegalStateException("no served OpenAPI document on the class path: " + DOCUMENT);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The validator for the served document. */
    public static OpenApiInteractionValidator served() {
        return Loaded.VALIDATOR;
    }

    /** A validator for a given document text; an undeclared response field is an error. */
    public static OpenApiInteractionValidator forDocument(String document) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                        // unknown body fields are ignored, as NeMo ignores them
                        .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        // the list's filter[field][$op] parameters are described in its text, not one by one
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                        // bodies are read as pydantic's lax mode reads them ("3" is a whole number), which the
                        // document, like FastAPI's, declares by the strict type
                        .withLevel("validation.request.body.schema.type", ValidationReport.Level.IGNORE)
                        // Accept is ignored and application/*+json is JSON, as in NeMo; another Content-Type
                        // is a 422
                        .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.contentType.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** Fails (AssertionError) when the exchange disagrees with the served document. */
    public static void check(String method, String pathAndQuery, Map<String, List<String>> requestHeaders,
                             String requestBody, int status, Map<String, List<String>> responseHeaders,
                             String responseBody) {
        String problems = problems(Loaded.VALIDATOR, method, pathAndQuery, requestHeaders, requestBody, status,
                responseHeaders, responseBody);
        if (problems != null) {
            throw new AssertionError(problems);
        }
    }

    /** What is wrong with the exchange by the given validator's document, or null when nothing is. */
    public static String problems(OpenApiInteractionValidator validator, String method, String pathAndQuery,
                                  Map<String, List<String>> requestHeaders, String requestBody, int status,
                                  Map<String, List<String>> responseHeaders, String responseBody) {
        URI uri = URI.create(pathAndQuery.startsWith("/") ? "http://server" + pathAndQuery : pathAndQuery);
        String path = uri.getRawPath();
        if (NOT_THE_API.stream().anyMatch(path::startsWith)) {
            return null;
        }
        Request request = request(method, uri, requestHeaders, requestBody);
        Request.Method operation = request.getMethod();
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        responseHeaders.forEach((name, values) -> response.withHeader(name, values));
        if (responseBody != null && !responseBody.isEmpty()) {
            response.withBody(responseBody);
        }
        String exchange = method + " " + pathAndQuery + " -> " + status + " " + abbreviated(responseBody);
        ValidationReport asked = validator.validateRequest(request);
        if (asked.getMessages().stream().anyMatch(m -> NO_OPERATION.contains(m.getKey()))) {
            // a path or method the document does not have: only a refusal is a right answer
            return status / 100 == 4 ? null
                    : "a request to an operation the OpenAPI document does not have was answered " + status + ": "
                    + exchange + "\n" + asked;
        }
        List<ValidationReport.Message> wrong = validator.validateResponse(path, operation, response.build())
                .getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR && !isAnyValue(m))
                .filter(m -> !(status >= 400 && path.endsWith(EVENT_STREAM)
                        && m.getKey().equals("validation.response.contentType.notAllowed")))
                .filter(m -> !(isNdjson(responseHeaders) && m.getKey().equals("validation.response.body.missing")))
                .toList();
        if (!wrong.isEmpty()) {
            return "the response is not what the OpenAPI document declares: " + exchange + "\n" + wrong;
        }
        if (asked.hasErrors() && status / 100 != 4) {
            return "a request the OpenAPI document calls invalid was answered " + status + " (a 4xx expected): "
                    + exchange + "\n" + asked;
        }
        return null;
    }

    /**
     * A 422 item's {@code input} is any JSON value, as in pydantic; OpenAPI 3.0 says "any value" with an
     * empty schema, which the generator cannot write, so the document lists the kinds and this one field
     * is not checked further (null and arrays are the kinds the generated list leaves out).
     */
    private static boolean isAnyValue(ValidationReport.Message message) {
        return ANY_VALUE_INPUT.matcher(message.getMessage()).find();
    }

    /**
     * The event stream's refusals are JSON like every other, but the generator gives every answer of an
     * operation the operation's one media type ({@code text/event-stream}): that one mismatch is let pass.
     */
    private static final String EVENT_STREAM = "/deployment-events";

    /** NDJSON of no entries is no line at all: an empty body, which the validator takes for a missing one. */
    private static boolean isNdjson(Map<String, List<String>> responseHeaders) {
        return responseHeaders.entrySet().stream()
                .anyMatch(header -> header.getKey().equalsIgnoreCase("Content-Type")
                        && header.getValue().stream().anyMatch(type -> type.startsWith("application/x-ndjson")));
    }

    private static final Pattern ANY_VALUE_INPUT = Pattern.compile("\\[Path '/detail/\\d+/input'\\]");

    private static Request request(String method, URI uri, Map<String, List<String>> headers, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getRawPath());
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                request.withQueryParam(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        headers.forEach((name, values) -> request.withHeader(name, values));
        if (body != null) {
            request.withBody(body);
        }
        return request.build();
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
