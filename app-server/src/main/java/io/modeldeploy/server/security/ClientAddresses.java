package io.modeldeploy.server.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address a request comes from: the connection's peer, or, when that peer is a trusted proxy
 * ({@code MODELDEPLOY_TRUSTED_PROXIES} or {@code modeldeploy.trusted-proxies}: addresses and CIDR
 * ranges, comma-separated), the nearest untrusted address in its {@code X-Forwarded-For}.
 * {@code X-Forwarded-For} from anybody else is ignored: it is whatever the client wrote. No name is
 * ever looked up.
 */
@Context
public class ClientAddresses {
    public static final String ENV_VARIABLE = "MODELDEPLOY_TRUSTED_PROXIES";
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$");

    private final List<Range> trustedProxies;

    public ClientAddresses(@Nullable @Value("${modeldeploy.trusted-proxies}") String configured) {
        String fromEnvironment = System.getenv(ENV_VARIABLE);
        List<Range> ranges = new ArrayList<>();
        if (configured != null && !configured.equals(fromEnvironment)) {
            ranges.addAll(parse(configured, "modeldeploy.trusted-proxies"));
        }
        ranges.addAll(parse(fromEnvironment, ENV_VARIABLE));
        this.trustedProxies = List.copyOf(ranges);
    }

    /** The client's address; null only when the connection's peer is unknown. */
    public @Nullable InetAddress of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null || !trusted(peer)) {
            return peer;
        }
        InetAddress client = peer;
        List<String> forwarded = request.getHeaders().getAll("X-Forwarded-For");
        for (int h = forwarded.size() - 1; h >= 0; h--) {
            String[] hops = forwarded.get(h).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                Optional<InetAddress> hop = literal(hops[i].trim());
                if (hop.isEmpty()) {
                    return client; // a malformed entry: nothing before it can be believed
                }
                client = hop.get();
                if (!trusted(client)) {
                    return client;
                }
            }
        }
        return client;
    }

    private boolean trusted(InetAddress address) {
        for (Range range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    static List<Range> parse(@Nullable String spec, String origin) {
        List<Range> ranges = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return ranges;
        }
        for (String entry : spec.split(",")) {
            String value = entry.trim();
            if (value.isEmpty()) {
                continue;
            }
            int slash = value.indexOf('/');
            Optional<InetAddress> address = literal(slash < 0 ? value : value.substring(0, slash));
            int maxBits = address.map(a -> a.getAddress().length * 8).orElse(0);
            int bits = maxBits;
            if (slash >= 0) {
                String prefix = value.substring(slash + 1);
                bits = prefix.matches("\\d{1,3}") ? Integer.parseInt(prefix) : -1;
            }
            if (address.isEmpty() || bits < 0 || bits > maxBits) {
                throw new IllegalArgumentException(origin + ": '" + value + "' is not an IP address or range (give"
                        + " addresses such as 10.0.0.7 or ranges such as 10.0.0.0/24 or fd00::/8, comma-separated)");
            }
            ranges.add(new Range(address.get().getAddress(), bits));
        }
        return ranges;
    }

    /** An IP address written as a literal; empty for anything else (never a name lookup). */
    static Optional<InetAddress> literal(String text) {
        String value = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (IPV4.matcher(value).matches()) {
            for (String octet : value.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!IPV6.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(value.contains(":") ? "[" + value + "]" : value));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address range: the first {@code bits} bits of {@code network}. */
    record Range(byte[] network, int bits) {
        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
