package io.modeldeploy.server.service;

import java.util.Arrays;
import java.util.List;

/**
 * An {@code If-Match} header: absent (anything goes, last write wins), {@code *} (the version
 * must exist) or a list of entity tags, compared strongly (a weak tag never matches). Tags sent
 * without their quotes are accepted too.
 */
public final class EntityTagCondition {
    private static final EntityTagCondition ANY = new EntityTagCondition(null);

    private final List<String> tags;

    private EntityTagCondition(List<String> tags) {
        this.tags = tags;
    }

    public static EntityTagCondition none() {
        return ANY;
    }

    public static EntityTagCondition ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return ANY;
        }
        List<String> tags = Arrays.stream(header.split(","))
                .map(String::trim)
                .filter(tag -> !tag.isEmpty())
                .map(EntityTagCondition::quoted)
                .toList();
        return tags.contains("\"*\"") ? ANY : new EntityTagCondition(tags);
    }

    public boolean matches(String currentTag) {
        return tags == null || tags.contains(currentTag);
    }

    private static String quoted(String tag) {
        return tag.startsWith("\"") || tag.startsWith("W/") ? tag : "\"" + tag + "\"";
    }
}
