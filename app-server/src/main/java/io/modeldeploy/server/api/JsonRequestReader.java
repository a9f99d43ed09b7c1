package io.modeldeploy.server.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.DemoState;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.FieldRule;
import io.modeldeploy.model.IntegerRule;
import io.modeldeploy.model.NewVersionRequest;
import io.modeldeploy.model.StatusBatchRequest;
import io.modeldeploy.model.StatusBatchTarget;
import io.modeldeploy.model.StatusUpdateRequest;
import io.modeldeploy.model.ValidationError;
import io.modeldeploy.server.error.PydanticErrors;
import io.modeldeploy.server.error.RequestValidationException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The thin JSON step before Bean Validation: turns request bodies into the shared-model request
 * records and has the records' field-rule constraints checked. Reading the JSON tree ourselves means
 * what a record cannot express becomes a precise 422 naming the field, never a 500: broken JSON, a
 * body that is not an object, a missing field, a wrong type or a null, a number with a fraction or
 * beyond {@code int}. Those problems and the constraint violations of the record are answered
 * together, in the record's field order, as pydantic does. Unknown fields are ignored.
 */
@Singleton
public class JsonRequestReader {
    static final String STATUS_CHOICES = Arrays.stream(DeploymentStatus.values())
            .map(s -> "'" + s.name() + "'")
            .collect(Collectors.collectingAndThen(Collectors.toList(), ValueLists::orList));
    private static final Pattern JACKSON_LOCATION = Pattern.compile("\\s*at \\[Source:.*", Pattern.DOTALL);
    private static final Pattern LINE_COLUMN = Pattern.compile("line: (\\d+), column: (\\d+)");

    /** A string pydantic's lax mode reads as an int: digits with single underscores between, zeros after a point. */
    private static final Pattern WHOLE_NUMBER_STRING = Pattern.compile("([+-]?[0-9]+(?:_[0-9]+)*)(?:\\.0*)?");
    /** A string Python's {@code float()} reads (the lax mode's float from a string). */
    private static final Pattern FLOAT_STRING = Pattern.compile(
            "[+-]?(?:(?:[0-9]+(?:_[0-9]+)*(?:\\.(?:[0-9]+(?:_[0-9]+)*)?)?|\\.[0-9]+(?:_[0-9]+)*)(?:[eE][+-]?[0-9]+(?:_[0-9]+)*)?"
                    + "|(?i:inf|infinity|nan))");
    private static final Set<String> TRUE_STRINGS = Set.of("1", "on", "t", "true", "y", "yes");
    private static final Set<String> FALSE_STRINGS = Set.of("0", "off", "f", "false", "n", "no");

    private static final JsonFactory JSON_FACTORY = new JsonFactory();
    /** How deep a 422 echoes nested input as values; see {@link #plain(JsonNode, int)}. */
    static final int MAX_ECHO_DEPTH = 100;

    private final JsonMapper jsonMapper;
    private final Validator validator;

    public JsonRequestReader(JsonMapper jsonMapper, Validator validator) {
        this.jsonMapper = jsonMapper;
        this.validator = validator;
    }

    public StatusUpdateRequest statusUpdate(byte[] body, String contentType) {
        Fields fields = new Fields(object(body, contentType));
        DeploymentStatus status = fields.status();
        String message = fields.string(FieldRule.STATUS_MESSAGE, false);
        String provider = fields.string(FieldRule.MODEL_PROVIDER_ID, true);
        return fields.validated(new StatusUpdateRequest(status, message, provider));
    }

    /**
     * Body of {@code POST /apis/modeldeploy/v1/status-batches}. Each target is checked here (the
     * names by their rules, the version as a whole number from 1), its problems located at
     * {@code ["body", "targets", i, field]}; a list of the wrong size is refused as a whole.
     */
    public StatusBatchRequest statusBatch(byte[] body, String contentType) {
        Fields fields = new Fields(object(body, contentType));
        DeploymentStatus status = fields.status();
        String message = fields.string(FieldRule.STATUS_MESSAGE, false);
        String provider = fields.string(FieldRule.MODEL_PROVIDER_ID, true);
        List<StatusBatchTarget> targets = fields.batchTargets();
        return fields.validated(new StatusBatchRequest(status, message, provider, targets));
    }

    public CreateDeploymentRequest create(byte[] body, String contentType) {
        Fields fields = new Fields(object(body, contentType));
        String name = fields.string(FieldRule.NAME, false);
        String config = fields.string(FieldRule.CONFIG, false);
        Integer configVersion = fields.integer(IntegerRule.CONFIG_VERSION);
        String project = fields.string(FieldRule.PROJECT, true);
        return fields.validated(new CreateDeploymentRequest(name, config, configVersion, project));
    }

    public NewVersionRequest newVersion(byte[] body, String contentType) {
        Fields fields = new Fields(object(body, contentType));
        String config = fields.string(FieldRule.CONFIG, false);
        Integer configVersion = fields.integer(IntegerRule.CONFIG_VERSION);
        return fields.validated(new NewVersionRequest(config, configVersion));
    }

    /** Body of {@code PUT /apis/modeldeploy/v1/demo}: both fields optional. */
    public DemoState demoState(byte[] body, String contentType) {
        ParsedBody parsed = object(body, contentType);
        JsonNode json = parsed.json();
        ValidationErrors errors = new ValidationErrors();
        Boolean running = null;
        JsonNode runningNode = json.get("running");
        if (runningNode != null && !runningNode.isNull()) {
            running = laxBoolean(runningNode, List.of("body", "running"), errors);
        }
        Double pace = null;
        JsonNode paceNode = json.get("pace_seconds");
        if (paceNode != null && !paceNode.isNull()) {
            Double value = laxFloat(paceNode, List.of("body", "pace_seconds"), errors);
            if (value != null) {
                if (!(value >= DemoState.MIN_PACE_SECONDS && value <= DemoState.MAX_PACE_SECONDS)) {
                    errors.add("range", List.of("body", "pace_seconds"), "Input should be between "
                            + DemoState.MIN_PACE_SECONDS + " and " + DemoState.MAX_PACE_SECONDS + " seconds",
                            plain(paceNode), paceRange());
                } else {
                    pace = value;
                }
            }
        }
        errors.throwIfAny();
        return new DemoState(null, running, pace);
    }

    /**
     * A {@code bool} as pydantic v2's lax mode reads it: a boolean, 0 or 1, or one of its words
     * ({@code "yes"}, {@code "off"}, ...); other numbers and strings are {@code bool_parsing}, an
     * array or object {@code bool_type}. Null when refused.
     */
    private static Boolean laxBoolean(JsonNode value, List<Object> loc, ValidationErrors errors) {
        if (value.isBoolean()) {
            return value.getBooleanValue();
        }
        if (value.isNumber() || value.isString()) {
            double number = value.isNumber() ? value.getNumberValue().doubleValue() : Double.NaN;
            String text = value.isString() ? value.getStringValue().toLowerCase(Locale.ROOT)
                    : number == 1 ? "1" : number == 0 ? "0" : "";
            if (TRUE_STRINGS.contains(text)) {
                return true;
            }
            if (FALSE_STRINGS.contains(text)) {
                return false;
            }
            errors.add("bool_parsing", loc, "Input should be a valid boolean, unable to interpret input", plain(value),
                    null);
            return null;
        }
        errors.add("bool_type", loc, "Input should be a valid boolean", plain(value), null);
        return null;
    }

    /**
     * A {@code float} as pydantic v2's lax mode reads it: a number, a boolean (1.0 or 0.0) or a
     * string Python reads as one; another string is {@code float_parsing}, an array or object
     * {@code float_type}. Null when refused.
     */
    private static Double laxFloat(JsonNode value, List<Object> loc, ValidationErrors errors) {
        if (value.isNumber()) {
            return value.getNumberValue().doubleValue();
        }
        if (value.isBoolean()) {
            return value.getBooleanValue() ? 1.0 : 0.0;
        }
        if (value.isString()) {
            String text = value.getStringValue().strip();
            if (FLOAT_STRING.matcher(text).matches()) {
                String lower = text.toLowerCase(Locale.ROOT);
                return lower.endsWith("nan") ? Double.NaN
                        : lower.endsWith("inf") || lower.endsWith("infinity")
                        ? (lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                        : Double.parseDouble(text.replace("_", ""));
            }
            errors.add("float_parsing", loc, "Input should be a valid number, unable to parse string as a number",
                    plain(value), null);
            return null;
        }
        errors.add("float_type", loc, "Input should be a valid number", plain(value), null);
        return null;
    }

    /** {@code {"ge": .., "le": ..}} in this order, in every JVM (Map.of's order differs from run to run). */
    private static Map<String, Object> paceRange() {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("ge", DemoState.MIN_PACE_SECONDS);
        range.put("le", DemoState.MAX_PACE_SECONDS);
        return range;
    }

    /** The JSON tree of a body, and the exact text of its top-level numbers (a double would round them). */
    private record ParsedBody(JsonNode json, Map<String, String> numbers) {
    }

    /** The {@code Content-Type} of a request as the client sent it (see {@link ContentNegotiationFilter}), or null. */
    public static String contentType(HttpRequest<?> request) {
        return request.getAttribute(ContentNegotiationFilter.SENT_CONTENT_TYPE, String.class)
                .orElseGet(() -> request.getHeaders().get(HttpHeaders.CONTENT_TYPE));
    }

    /**
     * Whether a body is read as JSON, as FastAPI decides: without a {@code Content-Type}, or with
     * {@code application/json} or {@code application/*+json} (parameters such as the charset aside).
     */
    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isEmpty()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String[] parts = type.split("/", -1);
        return parts.length == 2 && parts[0].equals("application")
                && (parts[1].equals("json") || parts[1].endsWith("+json"));
    }

    private ParsedBody object(byte[] body, String contentType) {
        ValidationErrors errors = new ValidationErrors();
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            errors.missing(List.of("body"), null);
            errors.throwIfAny();
        }
        if (!isJson(contentType)) {
            // FastAPI hands such a body to the model as bytes, which pydantic refuses as a whole
            errors.add("model_attributes_type", List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from",
                    new String(body, StandardCharsets.UTF_8), null);
            errors.throwIfAny();
        }
        JsonNode json;
        Map<String, String> numbers;
        try {
            numbers = scanTopLevel(body);
            json = jsonMapper.readValue(body, Argument.of(JsonNode.class));
        } catch (IOException | RuntimeException e) {
            throw jsonInvalid(e, body);
        }
        if (json == null || !json.isObject()) {
            errors.add("model_attributes_type", List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from", plain(json), null);
            errors.throwIfAny();
        }
        return new ParsedBody(json, numbers);
    }

    private static RequestValidationException jsonInvalid(Exception e, byte[] body) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause.getMessage() != null && cause.getMessage().contains("[Source:"))) {
            cause = cause.getCause();
        }
        String raw = cause.getMessage() == null ? e.getClass().getSimpleName() : cause.getMessage();
        String reason = JACKSON_LOCATION.matcher(raw).replaceAll("").trim();
        Matcher location = LINE_COLUMN.matcher(raw);
        int position = location.find()
                ? offsetOf(new String(body, StandardCharsets.UTF_8), Integer.parseInt(location.group(1)),
                Integer.parseInt(location.group(2)))
                : 0;
        return new RequestValidationException(new ValidationError("json_invalid", List.of("body", position),
                "JSON decode error", Map.of(), Map.of("error", reason)));
    }

    /**
     * Collects the text of the top-level numbers and refuses anything after the first JSON value,
     * which the tree reader would silently ignore.
     */
    private static Map<String, String> scanTopLevel(byte[] body) throws IOException {
        Map<String, String> numbers = new HashMap<>();
        try (JsonParser parser = JSON_FACTORY.createParser(body)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                        numbers.put(field, parser.getText());
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "Extra data after the JSON value");
            }
        }
        return numbers;
    }

    /** The character offset of a 1-based line and column, FastAPI's way of pointing into the body. */
    private static int offsetOf(String text, int line, int column) {
        int offset = 0;
        for (int current = 1; current < line && offset < text.length(); offset++) {
            if (text.charAt(offset) == '\n') {
                current++;
            }
        }
        return Math.max(0, Math.min(text.length(), offset + column - 1));
    }

    /**
     * The fields of one body object as they are read, in the record's order: what cannot go into the
     * record is recorded as a problem (and the record gets null there, which its constraints accept).
     */
    private final class Fields {
        private final JsonNode object;
        private final Map<String, String> numbers;
        private final List<Object> at;
        private final ValidationErrors errors;
        private final List<String> order = new ArrayList<>();

        Fields(ParsedBody body) {
            this(body.json(), body.numbers(), List.of("body"), new ValidationErrors());
        }

        /** The fields of an object at {@code at}, whose problems are reported with those of the body. */
        private Fields(JsonNode object, Map<String, String> numbers, List<Object> at, ValidationErrors errors) {
            this.object = object;
            this.numbers = numbers;
            this.at = at;
            this.errors = errors;
        }

        private List<Object> loc(Object... path) {
            List<Object> loc = new ArrayList<>(at);
            loc.addAll(Arrays.asList(path));
            return List.copyOf(loc);
        }

        /** The record, if its constraints hold and nothing else was wrong; otherwise a 422 listing it all. */
        <T> T validated(T record) {
            Set<ConstraintViolation<T>> violations = validator.validate(record);
            if (!errors.isEmpty() || !violations.isEmpty()) {
                throw new RequestValidationException(errors.list(), violations, order);
            }
            return record;
        }

        private JsonNode value(String field) {
            order.add(field);
            return object.get(field);
        }

        DeploymentStatus status() {
            List<Object> loc = loc("status");
            JsonNode value = value("status");
            if (value == null) {
                errors.missing(loc, plain(object));
                return null;
            }
            if (value.isString()) {
                for (DeploymentStatus status : DeploymentStatus.values()) {
                    if (status.name().equals(value.getStringValue())) {
                        return status;
                    }
                }
            }
            errors.add("enum", loc, "Input should be " + STATUS_CHOICES, plain(value),
                    Map.of("expected", STATUS_CHOICES));
            return null;
        }

        /**
         * A string, whose rule the record's constraint checks. Absent is missing when the rule
         * requires the field; JSON null is refused unless {@code nullable} (then it means absent).
         */
        String string(FieldRule rule, boolean nullable) {
            List<Object> loc = loc(rule.field());
            JsonNode value = value(rule.field());
            if (value == null) {
                rule.check(null).ifPresent(missing -> errors.add(PydanticErrors.of(rule, missing, loc,
                        plain(object))));
                return null;
            }
            if (value.isNull() && nullable) {
                return null;
            }
            if (!value.isString()) {
                errors.stringType(loc, plain(value));
                return null;
            }
            return value.getStringValue();
        }

        /**
         * An optional whole number, checked here against its rule: the record cannot hold what is
         * beyond {@code int}, and pydantic echoes the number as it was written ({@code -1.0}). Read
         * as pydantic v2's lax mode reads an {@code int}: a JSON number without a fraction, a
         * boolean (1 or 0), or a string of a whole number ({@code "3"}, {@code " 4 "},
         * {@code "5.0"}); another string is {@code int_parsing}, an array or object {@code int_type}.
         */
        Integer integer(IntegerRule rule) {
            JsonNode value = value(rule.field());
            if (value == null || value.isNull()) {
                return null;
            }
            List<Object> loc = loc(rule.field());
            String text;
            if (value.isNumber()) {
                text = numbers.getOrDefault(rule.field(), value.getNumberValue().toString());
            } else if (value.isBoolean()) {
                text = value.getBooleanValue() ? "1" : "0";
            } else if (value.isString()) {
                Matcher whole = WHOLE_NUMBER_STRING.matcher(value.getStringValue().strip());
                if (!whole.matches()) {
                    errors.add("int_parsing", loc, "Input should be a valid integer, unable to parse string as an integer",
                            plain(value), null);
                    return null;
                }
                text = whole.group(1).replace("_", "");
            } else {
                errors.add("int_type", loc, "Input should be a valid integer", plain(value), null);
                return null;
            }
            BigDecimal number;
            try {
                number = new BigDecimal(text);
            } catch (NumberFormatException e) {
                // an exponent beyond what even BigDecimal holds
                errors.add(PydanticErrors.of(rule.outOfRange(text.startsWith("-") ? -1 : 1), loc, text));
                return null;
            }
            if (number.stripTrailingZeros().scale() > 0) {
                errors.add("int_from_float", loc, "Input should be a valid integer, got a number with a fractional part",
                        plain(value), null);
                return null;
            }
            Optional<IntegerRule.Violation> violation = rule.check(number);
            if (violation.isPresent()) {
                errors.add(PydanticErrors.of(violation.get(), loc, plain(value)));
                return null;
            }
            return number.intValueExact();
        }

        /**
         * A string checked here against its rule (for objects inside the body, which no record
         * constraint reaches); null when absent or refused.
         */
        String checkedString(FieldRule rule, boolean nullable) {
            String value = string(rule, nullable);
            if (value != null) {
                Optional<FieldRule.Violation> violation = rule.check(value);
                if (violation.isPresent()) {
                    errors.add(PydanticErrors.of(rule, violation.get(), loc(rule.field()), value));
                    return null;
                }
            }
            return value;
        }

        /** An optional string without a rule; JSON null means absent. */
        String optionalString(String field) {
            JsonNode value = value(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isString()) {
                errors.stringType(loc(field), plain(value));
                return null;
            }
            return value.getStringValue();
        }

        /** {@code targets} of a status batch: 1 to {@link ApiLimits#MAX_BATCH_TARGETS} target objects. */
        List<StatusBatchTarget> batchTargets() {
            List<Object> loc = loc("targets");
            JsonNode value = value("targets");
            if (value == null) {
                errors.missing(loc, plain(object));
                return null;
            }
            if (!value.isArray()) {
                errors.add(PydanticErrors.listType(loc, plain(value)));
                return null;
            }
            int size = value.size();
            if (size < 1) {
                errors.add(PydanticErrors.listTooShort(loc, plain(value), 1, size));
                return null;
            }
            if (size > ApiLimits.MAX_BATCH_TARGETS) {
                errors.add(PydanticErrors.listTooLong(loc, plain(value), ApiLimits.MAX_BATCH_TARGETS, size));
                return null;
            }
            List<StatusBatchTarget> targets = new ArrayList<>(size);
            int index = 0;
            for (JsonNode item : value.values()) {
                targets.add(batchTarget(item, index++));
            }
            return targets;
        }

        private StatusBatchTarget batchTarget(JsonNode item, int index) {
            if (!item.isObject()) {
                errors.add(PydanticErrors.modelType(loc("targets", index), plain(item),
                        StatusBatchTarget.class.getSimpleName()));
                return null;
            }
            Fields target = new Fields(item, Map.of(), loc("targets", index), errors);
            String workspace = target.checkedString(FieldRule.WORKSPACE, false);
            String name = target.checkedString(FieldRule.NAME, false);
            Integer version = target.integer(IntegerRule.VERSION);
            String ifMatch = target.optionalString("if_match");
            return new StatusBatchTarget(workspace, name, version, ifMatch);
        }
    }

    /** A JSON tree as plain Java values, for echoing the offending input back. */
    static Object plain(JsonNode node) {
        return plain(node, 0);
    }

    /**
     * A JSON value as plain Java values, to echo as a 422's {@code input}. Containers nested deeper
     * than {@value #MAX_ECHO_DEPTH} are echoed as their JSON text: the error body wraps the input in
     * a few levels of its own, and the encoder refuses to nest past 1,000 (a deeply nested body was
     * a 500).
     */
    private static Object plain(JsonNode node, int depth) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isBoolean()) {
            return node.getBooleanValue();
        }
        if (node.isNumber()) {
            return node.getNumberValue();
        }
        if (depth >= MAX_ECHO_DEPTH) {
            return node.toString();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.values().forEach(v -> list.add(plain(v, depth + 1)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        node.entries().forEach(e -> map.put(e.getKey(), plain(e.getValue(), depth + 1)));
        return map;
    }
}
