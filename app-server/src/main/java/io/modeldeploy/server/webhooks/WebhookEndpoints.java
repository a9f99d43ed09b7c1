package io.modeldeploy.server.webhooks;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.DeploymentStatus;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured webhook endpoints: {@code MODELDEPLOY_WEBHOOKS} (the setting {@code modeldeploy.webhooks}),
 * a JSON array of {@code {"name", "url", "secret", "statuses", "workspaces", "stuck"}}; name, url and
 * secret are required, {@code statuses} and {@code workspaces} default to all ({@code "-"} is all
 * workspaces), {@code stuck} to false.
 */
public record WebhookEndpoints(List<WebhookEndpoint> all) {

    public static final String SETTING = "MODELDEPLOY_WEBHOOKS";
    private static final Set<String> FIELDS = Set.of("name", "url", "secret", "statuses", "workspaces", "stuck");
    private static final int MAX_NAME_LENGTH = 255;

    public WebhookEndpoints {
        all = List.copyOf(all);
    }

    public static WebhookEndpoints none() {
        return new WebhookEndpoints(List.of());
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public Optional<WebhookEndpoint> named(String name) {
        return all.stream().filter(endpoint -> endpoint.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return all.stream().map(WebhookEndpoint::name).toList();
    }

    /**
     * @throws IllegalArgumentException one line naming the setting, the entry and what is wrong with
     *                                  it; never the secret, nor the URL beyond its scheme and host
     */
    public static WebhookEndpoints parse(String json) {
        if (json == null || json.isBlank()) {
            return none();
        }
        JsonNode root;
        try {
            root = JsonMapper.createDefault().readValue(json, JsonNode.class);
        } catch (IOException e) {
            // Without Jackson's location part (a long parenthesis), and without the text it quotes from
            // the value, which may be part of a secret or of a URL's token.
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    .replaceAll("\\s*\\(?(start marker )?at \\[Source:.*$", "")
                    .replaceAll("'[^']*'", "'…'");
            throw invalid("is not valid JSON (" + reason + "); write a JSON array like "
                    + "[{\"name\": \"ops\", \"url\": \"https://hooks.example/md\", \"secret\": \"...\"}]");
        }
        if (root == null || !root.isArray()) {
            throw invalid("must be a JSON array of endpoints, e.g. [{\"name\": \"ops\", \"url\": "
                    + "\"https://hooks.example/md\", \"secret\": \"...\"}]");
        }
        List<WebhookEndpoint> endpoints = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            WebhookEndpoint endpoint = endpoint(root.get(i), i + 1);
            if (!names.add(endpoint.name())) {
                throw invalid("entry " + (i + 1) + ": the name '" + endpoint.name() + "' is used by an earlier entry;"
                        + " names must be unique");
            }
            endpoints.add(endpoint);
        }
        return new WebhookEndpoints(endpoints);
    }

    private static WebhookEndpoint endpoint(JsonNode node, int position) {
        String entry = "entry " + position;
        if (!node.isObject()) {
            throw invalid(entry + " is not a JSON object");
        }
        for (Map.Entry<String, JsonNode> field : node.entries()) {
            if (!FIELDS.contains(field.getKey())) {
                throw invalid(entry + ": unknown field '" + field.getKey() + "'; the fields are " + FIELDS.stream()
                        .sorted().toList());
            }
        }
        String name = requiredText(node, "name", entry);
        if (name.length() > MAX_NAME_LENGTH) {
            throw invalid(entry + ": the name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        String named = entry + " ('" + name + "')";
        URI url = url(requiredText(node, "url", named), named);
        String secret = requiredText(node, "secret", named);
        return new WebhookEndpoint(name, url, secret, statuses(node.get("statuses"), named),
                workspaces(node.get("workspaces"), named), stuck(node.get("stuck"), named));
    }

    private static String requiredText(JsonNode node, String field, String entry) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw invalid(entry + ": '" + field + "' is missing");
        }
        if (!value.isString() || value.getStringValue().isBlank()) {
            throw invalid(entry + ": '" + field + "' must be a non-empty string");
        }
        return value.getStringValue().trim();
    }

    private static URI url(String text, String entry) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(entry + ": 'url' is not a URL (" + e.getReason() + ")");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(entry + ": 'url' must be an absolute http:// or https:// URL");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw invalid(entry + ": 'url' has no host");
        }
        return url;
    }

    private static Set<DeploymentStatus> statuses(JsonNode node, String entry) {
        if (node == null || node.isNull()) {
            return Set.of();
        }
        Set<DeploymentStatus> statuses = EnumSet.noneOf(DeploymentStatus.class);
        for (String value : stringArray(node, "statuses", entry)) {
            String upper = value.trim().toUpperCase(Locale.ROOT);
            DeploymentStatus status = Arrays.stream(DeploymentStatus.values())
                    .filter(s -> s.name().equals(upper))
                    .findFirst()
                    .orElseThrow(() -> invalid(entry + ": '" + value + "' in 'statuses' is not a status; use "
                            + Arrays.toString(DeploymentStatus.values())));
            statuses.add(status);
        }
        return statuses;
    }

    private static Set<String> workspaces(JsonNode node, String entry) {
        if (node == null || node.isNull()) {
            return Set.of();
        }
        Set<String> workspaces = new LinkedHashSet<>();
        for (String value : stringArray(node, "workspaces", entry)) {
            if (value.isBlank()) {
                throw invalid(entry + ": 'workspaces' holds an empty name");
            }
            if (value.equals(ApiLimits.ALL_WORKSPACES)) {
                return Set.of();
            }
            workspaces.add(value);
        }
        return workspaces;
    }

    private static List<String> stringArray(JsonNode node, String field, String entry) {
        if (!node.isArray() || node.size() == 0) {
            throw invalid(entry + ": '" + field + "' must be a non-empty array of strings (leave it out for all)");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node.values()) {
            if (!value.isString()) {
                throw invalid(entry + ": '" + field + "' must hold only strings");
            }
            values.add(value.getStringValue());
        }
        return values;
    }

    private static boolean stuck(JsonNode node, String entry) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw invalid(entry + ": 'stuck' must be true or false");
        }
        return node.getBooleanValue();
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException(SETTING + " (modeldeploy.webhooks): " + why);
    }
}
