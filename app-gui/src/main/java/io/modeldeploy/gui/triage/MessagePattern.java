package io.modeldeploy.gui.triage;

import java.util.regex.Pattern;

/**
 * The shape of a status message, for grouping similar ones: what differs from one deployment to the
 * next is left out. UUIDs and hex hashes (7+ hex digits with a digit and a letter) become
 * {@code <hash>}, Kubernetes pod names (recognised by their suffix: {@code llama-7f9c6d8b5-x2k4q},
 * {@code job-x2k4q}) {@code <pod>}, numbers {@code #} (an address or a time as one), and white space
 * runs one space. Six "Readiness probe failed … HTTP 503" messages of different pods thus have one shape.
 */
public final class MessagePattern {

    private static final Pattern UUID = Pattern.compile(
            "(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    /** Kubernetes' random name suffixes use consonants and digits without 0, 1 and 3 (no words, no look-alikes). */
    private static final String K8S = "[bcdfghjklmnpqrstvwxz2456789]";
    /** A pod name: a DNS name ending in a replica set's hash and a random suffix, or in a random suffix alone. */
    private static final Pattern POD_NAME = Pattern.compile(
            "\\b[a-z0-9][a-z0-9.-]*?(?:-" + K8S + "{6,10}-" + K8S + "{5}|-(?=" + K8S + "{0,4}\\d)" + K8S + "{5})\\b");
    private static final Pattern HEX = Pattern.compile(
            "(?i)\\b(?:sha256:)?(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\\d)[0-9a-f]{7,}\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,:]\\d+)*");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private MessagePattern() {
    }

    /** The shape of {@code message}; "" for none. */
    public static String of(String message) {
        if (message == null) {
            return "";
        }
        String shape = UUID.matcher(message).replaceAll("<hash>");
        shape = POD_NAME.matcher(shape).replaceAll("<pod>");
        shape = HEX.matcher(shape).replaceAll("<hash>");
        shape = NUMBER.matcher(shape).replaceAll("#");
        return SPACE.matcher(shape).replaceAll(" ").trim();
    }
}
