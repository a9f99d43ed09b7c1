package io.modeldeploy.server.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;

import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code Host} names a request may carry to reach this server by its loopback address: the
 * loopback itself ({@code localhost}, names under {@code .localhost}, {@code 127.0.0.0/8},
 * {@code [::1]}), with any port, and the names configured in {@code modeldeploy.allowed-hosts} or
 * {@code MODELDEPLOY_ALLOWED_HOSTS} (comma-separated, without port), e.g. the name a reverse proxy on
 * the same machine passes on. Created with the server, so that a bad entry stops it at start.
 */
@Context
public class AllowedHosts {
    public static final String ENV_VARIABLE = "MODELDEPLOY_ALLOWED_HOSTS";
    private static final Pattern HOST_NAME = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,62})?(\\.[a-z0-9]([a-z0-9-]{0,62})?)*$");
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    private final Set<String> configured;

    public AllowedHosts(@Nullable @Value("${modeldeploy.allowed-hosts}") String configuredHosts) {
        String fromEnvironment = System.getenv(ENV_VARIABLE);
        Set<String> names = new LinkedHashSet<>();
        if (configuredHosts != null && !configuredHosts.equals(fromEnvironment)) {
            names.addAll(parse(configuredHosts, "modeldeploy.allowed-hosts"));
        }
        names.addAll(parse(fromEnvironment, ENV_VARIABLE));
        this.configured = Set.copyOf(names);
    }

    /** Whether a request with this {@code Host} header (null: none, as HTTP/1.0 allows) may be answered. */
    public boolean allows(@Nullable String hostHeader) {
        if (hostHeader == null) {
            return true; // browsers always send Host: a request without one is not a rebinding page's
        }
        String host = hostName(hostHeader);
        return host != null && (isLoopbackName(host) || configured.contains(host));
    }

    /** The {@code detail} of the answer to a request whose {@code Host} is not allowed. */
    String refusal(String hostHeader) {
        return "This server listens on loopback and answers requests for localhost, 127.0.0.1 or [::1] only, not for"
                + " Host '" + shown(hostHeader) + "' (a web page on a name pointed at this machine could otherwise read it). A"
                + " name that should reach it, such as a local reverse proxy's, can be added to " + ENV_VARIABLE + ".";
    }

    /** A {@code Host} value as an error message quotes it: at most 100 characters. */
    static String shown(String hostHeader) {
        return hostHeader.length() > 100 ? hostHeader.substring(0, 100) + "…" : hostHeader;
    }

    static Set<String> parse(@Nullable String spec, String origin) {
        Set<String> names = new LinkedHashSet<>();
        if (spec == null || spec.isBlank()) {
            return names;
        }
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String name = normalise(entry.trim());
            if (!HOST_NAME.matcher(name).matches() && !isBracketedIpv6(name)) {
                throw new IllegalArgumentException(origin + ": '" + entry.trim() + "' is not a host name (give names"
                        + " such as console.example.com, without scheme or port, comma-separated)");
            }
            names.add(name);
        }
        return names;
    }

    /** The host of a {@code Host} header, lower case, without port and trailing dot; null if malformed. */
    static @Nullable String hostName(String hostHeader) {
        String value = hostHeader.trim();
        String host;
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0 || !portOrNothing(value.substring(end + 1))) {
                return null;
            }
            host = value.substring(0, end + 1);
        } else {
            int colon = value.indexOf(':');
            if (colon >= 0 && !portOrNothing(value.substring(colon))) {
                return null;
            }
            host = colon < 0 ? value : value.substring(0, colon);
        }
        return host.isEmpty() ? null : normalise(host);
    }

    private static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static boolean portOrNothing(String rest) {
        return rest.isEmpty() || rest.matches(":\\d{1,5}");
    }

    private static boolean isLoopbackName(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        // literals only (IPv4, or IPv6 in brackets): no name is ever looked up here
        return (IPV4.matcher(host).matches() || isBracketedIpv6(host))
                && ClientAddresses.literal(host).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    private static boolean isBracketedIpv6(String host) {
        return host.length() > 2 && host.startsWith("[") && host.endsWith("]") && host.substring(1, host.length() - 1)
                .matches("[0-9a-f:.]+");
    }
}
