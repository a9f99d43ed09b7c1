package io.modeldeploy.server.service;

import io.modeldeploy.model.DeploymentStatus;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a version may stay in a status before it is stuck, per status; a status without a limit
 * is never stuck. Written {@code STATUS=duration,...} with durations like {@code 90s}, {@code 15m},
 * {@code 2h} or {@code 1h30m} ({@code MODELDEPLOY_STUCK_AFTER}, {@code --stuck-after}).
 */
public record StuckLimits(Map<DeploymentStatus, Duration> limits) {

    public static final String SETTING = "MODELDEPLOY_STUCK_AFTER / --stuck-after";
    public static final String DEFAULT = "CREATED=15m,PENDING=30m,DELETING=30m";

    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,6})h)?(?:(\\d{1,8})m)?(?:(\\d{1,9})s)?");

    public StuckLimits {
        Map<DeploymentStatus, Duration> copy = new EnumMap<>(DeploymentStatus.class);
        copy.putAll(limits);
        limits = Collections.unmodifiableMap(copy);
    }

    /** @throws IllegalArgumentException naming the setting and the part of the value that is wrong */
    public static StuckLimits parse(String value) {
        if (value == null || value.isBlank()) {
            throw invalid("needs at least one STATUS=duration, e.g. " + DEFAULT);
        }
        Map<DeploymentStatus, Duration> limits = new LinkedHashMap<>();
        for (String rawPart : value.split(",", -1)) {
            String part = rawPart.trim();
            int equals = part.indexOf('=');
            if (equals < 0) {
                throw invalid("'" + part + "' is not STATUS=duration (e.g. PENDING=30m)");
            }
            String statusName = part.substring(0, equals).trim().toUpperCase(Locale.ROOT);
            DeploymentStatus status = Arrays.stream(DeploymentStatus.values())
                    .filter(s -> s.name().equals(statusName))
                    .findFirst()
                    .orElseThrow(() -> invalid("'" + part.substring(0, equals).trim() + "' in '" + part
                            + "' is not a status; use one of " + Arrays.toString(DeploymentStatus.values())));
            Duration limit = parseDuration(part.substring(equals + 1).trim(), part);
            if (limits.put(status, limit) != null) {
                throw invalid(status + " is given more than once");
            }
        }
        return new StuckLimits(limits);
    }

    private static Duration parseDuration(String text, String part) {
        Matcher matcher = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (text.isEmpty() || !matcher.matches()) {
            throw invalid("'" + text + "' in '" + part + "' is not a duration; write e.g. 90s, 15m, 2h or 1h30m");
        }
        Duration duration = Duration.ofHours(number(matcher.group(1)))
                .plusMinutes(number(matcher.group(2)))
                .plusSeconds(number(matcher.group(3)));
        if (duration.isZero()) {
            throw invalid("'" + text + "' in '" + part + "' is zero; a limit must be at least 1s");
        }
        return duration;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException(SETTING + ": " + why);
    }

    /** The limits in whole seconds, as the attention list answers them. */
    public Map<DeploymentStatus, Long> inSeconds() {
        Map<DeploymentStatus, Long> seconds = new EnumMap<>(DeploymentStatus.class);
        limits.forEach((status, limit) -> seconds.put(status, limit.toSeconds()));
        return seconds;
    }
}
