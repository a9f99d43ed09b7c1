package io.modeldeploy.gui.style;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import java.net.URL;
import java.util.Locale;
import java.util.Objects;

/** The console's two looks: AtlantaFX Primer Light or Dark plus the matching status colours. */
public enum Theme {
    LIGHT("Light", new PrimerLight().getUserAgentStylesheet(), "theme/light.css"),
    DARK("Dark", new PrimerDark().getUserAgentStylesheet(), "theme/dark.css");

    private final String displayName;
    private final String userAgentStylesheet;
    private final String colours;

    Theme(String displayName, String userAgentStylesheet, String colours) {
        this.displayName = displayName;
        this.userAgentStylesheet = userAgentStylesheet;
        this.colours = colours;
    }

    public String displayName() {
        return displayName;
    }

    /** The AtlantaFX stylesheet to install with {@code Application.setUserAgentStylesheet}. */
    public String userAgentStylesheet() {
        return userAgentStylesheet;
    }

    /** URL of the theme's colour stylesheet (status and app colours as looked-up colours). */
    public String coloursStylesheet() {
        return resource(colours);
    }

    /** URL of the structural stylesheet shared by both themes. */
    public static String appStylesheet() {
        return resource("app.css");
    }

    /** The theme stored under {@code name}, or LIGHT when the name is unknown. */
    public static Theme fromName(String name) {
        if (name != null) {
            for (Theme theme : values()) {
                if (theme.name().equalsIgnoreCase(name.trim())) {
                    return theme;
                }
            }
        }
        return LIGHT;
    }

    public String storedName() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String resource(String relative) {
        URL url = Theme.class.getResource("/io/modeldeploy/gui/" + relative);
        return Objects.requireNonNull(url, "missing stylesheet " + relative).toExternalForm();
    }
}
