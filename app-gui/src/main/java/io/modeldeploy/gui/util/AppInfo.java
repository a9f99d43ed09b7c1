package io.modeldeploy.gui.util;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts about this build of the console (no JavaFX needed, so the launcher can use them too). */
public final class AppInfo {

    public static final String NAME = "ModelDeploy Console";

    private AppInfo() {
    }

    /** The Maven project version, or "(development build)" when run from unfiltered sources. */
    public static String version() {
        try (InputStream in = AppInfo.class.getResourceAsStream("/io/modeldeploy/gui/about.properties")) {
            if (in == null) {
                return "(development build)";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.startsWith("${") ? "(development build)" : version;
        } catch (IOException e) {
            return "(development build)";
        }
    }
}
