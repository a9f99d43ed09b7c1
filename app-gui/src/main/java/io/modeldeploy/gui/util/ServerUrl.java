package io.modeldeploy.gui.util;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The base URL of a ModelDeploy server as a person types it: http or https, a host, no trailing slash. */
public final class ServerUrl {

    public static final String EXAMPLE = "http://127.0.0.1:8080";
    /** Where the API starts below a server's base URL. */
    private static final String API_PATH = "/apis/";

    private ServerUrl() {
    }

    /**
     * The base URL in {@code text} (surrounding spaces and trailing slashes dropped).
     *
     * @throws IllegalArgumentException whose message says, in one sentence, what is wrong
     */
    public static URI parse(String text) {
        String value = text == null ? "" : text.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Enter the server's address, such as " + EXAMPLE + ".");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Start with http:// or https://, such as " + EXAMPLE + ".");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("Add the server's host name, such as " + EXAMPLE + ".");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("Enter the server's base URL only, without ? or #.");
        }
        return uri;
    }

    /**
     * The server's base URL when {@code text} is the address of something under its API, as copied
     * from curl or a browser ({@code http://host:8080/apis/models/v2/workspaces/-/deployments}
     * gives {@code http://host:8080}); empty for anything else.
     */
    public static Optional<URI> baseOfApiUrl(String text) {
        String value = text == null ? "" : text.strip();
        int api = value.indexOf(API_PATH);
        if (api < 0 && value.endsWith(API_PATH.substring(0, API_PATH.length() - 1))) {
            api = value.length() - API_PATH.length() + 1;
        }
        if (api < 0 || problem(value.substring(0, api)) != null) {
            return Optional.empty();
        }
        return Optional.of(parse(value.substring(0, api)));
    }

    /** Null when {@code text} is a usable base URL, else what is wrong with it. */
    public static String problem(String text) {
        try {
            parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
