package io.modeldeploy.gui;

import java.util.Locale;
import java.util.Map;

/** Tells, before JavaFX starts, whether there is a screen to show a window on. */
final class DisplayCheck {

    static final String NO_DISPLAY = "No display available: the console needs a graphical session. "
            + "To run the server alone: java -jar app-server/target/app-server-%s-all.jar (built by ./mvnw verify)";

    private DisplayCheck() {
    }

    static boolean hasDisplay(Map<String, String> env, String osName, String glassPlatform) {
        if (glassPlatform != null && glassPlatform.equalsIgnoreCase("Monocle")) {
            return true; // renders without a display server (headless tests)
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"));
    }

    static boolean hasDisplay() {
        return hasDisplay(System.getenv(), System.getProperty("os.name"), System.getProperty("glass.platform"));
    }

    /** True when a launch failure means the toolkit found no usable display. */
    static boolean isDisplayFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("display") || message.contains("no toolkit found")
                    || message.contains("graphics device initialization failed")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static String noDisplayMessage(String version) {
        return String.format(NO_DISPLAY, version.startsWith("(") ? "*" : version);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
