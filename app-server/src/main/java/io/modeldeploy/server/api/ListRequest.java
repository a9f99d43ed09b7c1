package io.modeldeploy.server.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpParameters;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.server.error.HttpErrorException;
import io.modeldeploy.server.persistence.DeploymentQuery.Column;
import io.modeldeploy.server.persistence.DeploymentQuery;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The list endpoint's query: {@code page}, {@code page_size}, {@code sort}, {@code all_versions} and
 * {@code filter}, either in bracket form ({@code filter[status]=READY},
 * {@code filter[name][$like]=llama%}) or as a JSON object ({@code filter={"status":"READY"}}); and
 * our extensions {@code history_limit} (0..100 newest history entries per deployment, default 100)
 * and {@code filter[attention]=true} (only the latest versions that need attention).
 */
record ListRequest(DeploymentQuery query, int page, int pageSize, String sort, int historyLimit) {

    private static final Pattern BRACKET = Pattern.compile("^filter\\[([^\\]]*)\\](?:\\[([^\\]]*)\\])?$");
    private static final Map<String, Column> STRING_FIELDS = new LinkedHashMap<>();
    private static final List<String> DATE_FIELDS = List.of("created_at", "updated_at");
    private static final List<String> SORT_FIELDS = List.of("created_at", "updated_at", "name", "status");
    private static final List<String> STRING_OPERATORS = List.of("$eq", "$like", "$in", "$nin");
    private static final List<String> DATE_OPERATORS = List.of("$gte", "$lte");
    private static final String ATTENTION_FIELD = "attention";

    static {
        STRING_FIELDS.put("workspace", Column.WORKSPACE);
        STRING_FIELDS.put("project", Column.PROJECT);
        STRING_FIELDS.put("status", Column.STATUS);
        STRING_FIELDS.put("config", Column.CONFIG);
        STRING_FIELDS.put("model_provider_id", Column.MODEL_PROVIDER_ID);
        STRING_FIELDS.put("name", Column.NAME);
        STRING_FIELDS.put("status_message", Column.STATUS_MESSAGE);
    }

    static List<String> validFilterFields() {
        List<String> fields = new ArrayList<>(STRING_FIELDS.keySet());
        fields.addAll(DATE_FIELDS);
        fields.add(ATTENTION_FIELD);
        return fields;
    }

    /** @param needsAttention restricts a query to the latest versions that need attention now */
    static ListRequest parse(String workspace, HttpParameters parameters, JsonMapper jsonMapper,
                             UnaryOperator<DeploymentQuery> needsAttention) {
        ValidationErrors errors = new ValidationErrors();
        int page = QueryValues.page(parameters, errors);
        int pageSize = QueryValues.pageSize(parameters, errors);
        boolean allVersions = QueryValues.bool(parameters, "all_versions", errors);
        int historyLimit = QueryValues.integer(parameters, "history_limit", ApiLimits.HISTORY_WINDOW, 0,
                ApiLimits.HISTORY_WINDOW, errors);
        String sort = parameters.get("sort");
        if (sort == null || sort.isBlank()) {
            sort = "created_at";
        }
        String sortField = sort.startsWith("-") ? sort.substring(1) : sort;
        DeploymentQuery query = new DeploymentQuery().latestOnly(!allVersions);
        if (SORT_FIELDS.contains(sortField)) {
            query.sort(new DeploymentQuery.Sort(Column.valueOf(sortField.toUpperCase(java.util.Locale.ROOT)),
                    sort.startsWith("-")));
        } else {
            List<String> choices = new ArrayList<>();
            SORT_FIELDS.forEach(f -> {
                choices.add("'" + f + "'");
                choices.add("'-" + f + "'");
            });
            errors.add("enum", List.of("query", "sort"), "Input should be " + ValueLists.orList(choices), sort,
                    Map.of("expected", ValueLists.orList(choices)));
        }
        Map<String, Map<String, List<String>>> filters = collectFilters(parameters, jsonMapper);
        if (!filters.containsKey("workspace") && !ApiLimits.ALL_WORKSPACES.equals(workspace)) {
            query.equalTo(Column.WORKSPACE, workspace);
        }
        Map<String, List<String>> attention = filters.remove(ATTENTION_FIELD);
        filters.forEach((field, operators) -> operators.forEach(
                (operator, values) -> apply(query, field, operator, values, errors)));
        if (attention != null && attentionWanted(attention, errors)) {
            needsAttention.apply(query);
        }
        errors.throwIfAny();
        return new ListRequest(query, page, pageSize, sort, historyLimit);
    }

    /** field → operator → values, from bracket parameters and the JSON form. */
    private static Map<String, Map<String, List<String>>> collectFilters(HttpParameters parameters,
                                                                         JsonMapper jsonMapper) {
        Map<String, Map<String, List<String>>> filters = new LinkedHashMap<>();
        for (String name : parameters.names()) {
            Matcher bracket = BRACKET.matcher(name);
            if (bracket.matches()) {
                String operator = bracket.group(2) == null ? "$eq" : bracket.group(2);
                for (String value : parameters.getAll(name)) {
                    add(filters, bracket.group(1), operator, value);
                }
            } else if (name.equals("filter")) {
                for (String json : parameters.getAll(name)) {
                    collectJsonFilter(json, jsonMapper, filters);
                }
            } else if (name.startsWith("filter[") || name.startsWith("filter.")) {
                throw HttpErrorException.badRequest("Malformed filter parameter '" + name
                        + "'. Use filter[field]=value or filter[field][$operator]=value");
            }
        }
        filters.keySet().forEach(field -> {
            if (!STRING_FIELDS.containsKey(field) && !DATE_FIELDS.contains(field) && !field.equals(ATTENTION_FIELD)) {
                throw HttpErrorException.badRequest("Unknown filter field '" + field + "'. Valid fields: "
                        + validFilterFields());
            }
        });
        return filters;
    }

    private static void collectJsonFilter(String json, JsonMapper jsonMapper,
                                          Map<String, Map<String, List<String>>> filters) {
        JsonNode node;
        try {
            node = jsonMapper.readValue(json, Argument.of(JsonNode.class));
        } catch (IOException | RuntimeException e) {
            throw HttpErrorException.badRequest("The filter parameter is not valid JSON: use filter={\"status\":\"READY\"}"
                    + " or the bracket form filter[status]=READY");
        }
        if (node == null || !node.isObject()) {
            throw HttpErrorException.badRequest("The filter parameter must be a JSON object, e.g. filter={\"status\":\"READY\"}");
        }
        node.entries().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                value.entries().forEach(op -> jsonValues(op.getValue())
                        .forEach(v -> add(filters, entry.getKey(), op.getKey(), v)));
            } else {
                jsonValues(value).forEach(v -> add(filters, entry.getKey(), "$eq", v));
            }
        });
    }

    private static List<String> jsonValues(JsonNode value) {
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            value.values().forEach(v -> values.add(scalar(v)));
        } else {
            values.add(scalar(value));
        }
        return values;
    }

    private static String scalar(JsonNode value) {
        if (value.isString()) {
            return value.getStringValue();
        }
        if (value.isNull()) {
            return "";
        }
        Object plain = JsonRequestReader.plain(value);
        return String.valueOf(plain);
    }

    private static void add(Map<String, Map<String, List<String>>> filters, String field, String operator, String value) {
        filters.computeIfAbsent(field, f -> new LinkedHashMap<>())
                .computeIfAbsent(operator, o -> new ArrayList<>())
                .add(value);
    }

    private static void apply(DeploymentQuery query, String field, String operator, List<String> values,
                              ValidationErrors errors) {
        List<Object> loc = List.of("query", "filter", field);
        if (DATE_FIELDS.contains(field)) {
            if (!DATE_OPERATORS.contains(operator)) {
                throw HttpErrorException.badRequest("Unknown operator '" + operator + "' for filter field '" + field
                        + "'. Valid operators: " + DATE_OPERATORS);
            }
            Column column = field.equals("created_at") ? Column.CREATED_AT : Column.UPDATED_AT;
            for (String value : values) {
                Instant instant = parseInstant(value);
                if (instant == null) {
                    errors.add("datetime_from_date_parsing", loc,
                            "Input should be a valid datetime with a time zone, e.g. 2026-07-01T10:00:00Z", value, null);
                } else if (operator.equals("$gte")) {
                    query.atLeast(column, instant);
                } else {
                    query.atMost(column, instant);
                }
            }
            return;
        }
        if (!STRING_OPERATORS.contains(operator)) {
            throw HttpErrorException.badRequest("Unknown operator '" + operator + "' for filter field '" + field
                    + "'. Valid operators: " + STRING_OPERATORS);
        }
        Column column = STRING_FIELDS.get(field);
        List<String> split = operator.equals("$in") || operator.equals("$nin")
                ? values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(v -> !v.isEmpty()).toList()
                : values;
        if (column == Column.STATUS) {
            for (String value : split) {
                if (Arrays.stream(DeploymentStatus.values()).noneMatch(s -> s.name().equals(value))) {
                    errors.add("enum", loc, "Input should be " + JsonRequestReader.STATUS_CHOICES, value,
                            Map.of("expected", JsonRequestReader.STATUS_CHOICES));
                }
            }
            if (operator.equals("$like")) {
                throw HttpErrorException.badRequest("Filter field 'status' supports $eq, $in and $nin");
            }
        }
        if (operator.equals("$like")) {
            for (String value : split) {
                if (endsWithLoneEscape(value)) {
                    errors.add("value_error", loc, "Value error, a $like pattern may not end with the escape"
                            + " character \\ (write \\\\ for a backslash)", value, Map.of());
                }
            }
        }
        switch (operator) {
            case "$eq" -> split.forEach(value -> query.equalTo(column, value));
            case "$like" -> split.forEach(value -> query.like(column, value));
            case "$in" -> query.in(column, split, false);
            default -> query.in(column, split, true);
        }
    }

    /** {@code filter[attention]}: true filters, false does not; only $eq. */
    private static boolean attentionWanted(Map<String, List<String>> operators, ValidationErrors errors) {
        boolean wanted = false;
        for (Map.Entry<String, List<String>> operator : operators.entrySet()) {
            if (!operator.getKey().equals("$eq")) {
                throw HttpErrorException.badRequest("Unknown operator '" + operator.getKey()
                        + "' for filter field 'attention'. Valid operators: [$eq]");
            }
            for (String value : operator.getValue()) {
                wanted |= QueryValues.bool(value, List.of("query", "filter", ATTENTION_FIELD), errors);
            }
        }
        return wanted;
    }

    /** An odd number of trailing backslashes: the last one escapes nothing. */
    private static boolean endsWithLoneEscape(String pattern) {
        int trailing = 0;
        for (int i = pattern.length() - 1; i >= 0 && pattern.charAt(i) == '\\'; i--) {
            trailing++;
        }
        return trailing % 2 == 1;
    }

    private static Instant parseInstant(String value) {
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
