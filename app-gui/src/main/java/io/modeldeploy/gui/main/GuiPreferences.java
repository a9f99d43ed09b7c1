package io.modeldeploy.gui.main;

import io.modeldeploy.gui.alerts.AlertRules;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.model.DeploymentStatus;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;

/**
 * What the console remembers between runs: theme, window bounds, split-pane divider positions,
 * the servers it connected to (their URLs only, never a token), hidden list columns, local or UTC
 * times, the workspace of the last new deployment, the notification rules and the folder of the last export.
 * The application uses the user node {@code io/modeldeploy/gui}; tests pass their own node.
 */
public final class GuiPreferences {

    /** The node the application stores its preferences under. */
    public static final String NODE = "io/modeldeploy/gui";

    private static final String THEME = "theme";
    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";
    private static final String DIVIDERS = "dividers.";
    private static final String RECENT_SERVERS = "servers.recent";
    private static final String LIST_ALL_VERSIONS = "list.allVersions";
    private static final String LAST_NEW_DEPLOYMENT_WORKSPACE = "newDeployment.workspace";
    private static final String TIMES_IN_UTC = "times.utc";
    private static final String HIDDEN_COLUMNS = "list.hiddenColumns";
    private static final String ALERT_STATUSES = "alerts.statuses";
    private static final String ALERT_ALL_WORKSPACES = "alerts.allWorkspaces";
    private static final String ALERT_WORKSPACES = "alerts.workspaces";
    private static final String ALERT_STUCK = "alerts.stuck";
    private static final String ALERT_DESKTOP = "alerts.desktop";
    private static final String EXPORT_FOLDER = "export.folder";
    /** How many servers File ▸ Connect to server… offers. */
    public static final int MAX_RECENT_SERVERS = 8;

    /** Saved bounds of the main window. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    private final Preferences node;

    public GuiPreferences(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The application's preferences ({@value #NODE} under the user root). */
    public static GuiPreferences forUser() {
        return new GuiPreferences(Preferences.userRoot().node(NODE));
    }

    public Preferences node() {
        return node;
    }

    public Theme theme() {
        return Theme.fromName(node.get(THEME, Theme.LIGHT.storedName()));
    }

    public void setTheme(Theme theme) {
        write(() -> node.put(THEME, theme.storedName()));
    }

    /** Whether the list's status chips count every version ("All versions") instead of the latest. */
    public boolean listAllVersions() {
        return node.getBoolean(LIST_ALL_VERSIONS, false);
    }

    public void setListAllVersions(boolean allVersions) {
        write(() -> node.putBoolean(LIST_ALL_VERSIONS, allVersions));
    }

    public Optional<WindowBounds> windowBounds() {
        double width = node.getDouble(WIDTH, -1);
        double height = node.getDouble(HEIGHT, -1);
        if (width <= 0 || height <= 0) {
            return Optional.empty();
        }
        return Optional.of(new WindowBounds(node.getDouble(X, Double.NaN), node.getDouble(Y, Double.NaN),
                width, height, node.getBoolean(MAXIMIZED, false)));
    }

    public void setWindowBounds(WindowBounds bounds) {
        write(() -> {
            node.putDouble(X, bounds.x());
            node.putDouble(Y, bounds.y());
            node.putDouble(WIDTH, bounds.width());
            node.putDouble(HEIGHT, bounds.height());
            node.putBoolean(MAXIMIZED, bounds.maximized());
        });
    }

    /** Divider positions saved for the split pane called {@code name}; empty when none are saved. */
    public double[] dividerPositions(String name) {
        String saved = node.get(DIVIDERS + name, "");
        if (saved.isBlank()) {
            return new double[0];
        }
        try {
            double[] positions = Arrays.stream(saved.split(",")).mapToDouble(Double::parseDouble).toArray();
            for (double p : positions) {
                if (!(p > 0 && p < 1)) {
                    return new double[0];
                }
            }
            return positions;
        } catch (NumberFormatException e) {
            return new double[0];
        }
    }

    public void setDividerPositions(String name, double[] positions) {
        StringBuilder text = new StringBuilder();
        for (double p : positions) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(p);
        }
        write(() -> node.put(DIVIDERS + name, text.toString()));
    }

    /** Base URLs of the servers connected to, most recent first. */
    public List<String> recentServers() {
        return node.get(RECENT_SERVERS, "").lines().filter(line -> !line.isBlank()).toList();
    }

    /** Puts {@code baseUrl} first among the recent servers, keeping at most {@value #MAX_RECENT_SERVERS}. */
    public void rememberServer(URI baseUrl) {
        String url = baseUrl.toString();
        List<String> servers = new ArrayList<>(recentServers());
        servers.remove(url);
        servers.add(0, url);
        // A URL has no line breaks, so one line per server is safe; the whole must fit one value.
        StringBuilder text = new StringBuilder();
        for (String server : servers.subList(0, Math.min(servers.size(), MAX_RECENT_SERVERS))) {
            if (text.length() + server.length() + 1 > Preferences.MAX_VALUE_LENGTH) {
                break;
            }
            text.append(text.isEmpty() ? "" : "\n").append(server);
        }
        write(() -> node.put(RECENT_SERVERS, text.toString()));
    }

    /** The workspace of the last deployment created in the console, or null. */
    public String lastNewDeploymentWorkspace() {
        return node.get(LAST_NEW_DEPLOYMENT_WORKSPACE, null);
    }

    public void setLastNewDeploymentWorkspace(String workspace) {
        write(() -> node.put(LAST_NEW_DEPLOYMENT_WORKSPACE, workspace));
    }

    /** True when exact times are shown in UTC rather than the local time zone. */
    public boolean timesInUtc() {
        return node.getBoolean(TIMES_IN_UTC, false);
    }

    public void setTimesInUtc(boolean utc) {
        write(() -> node.putBoolean(TIMES_IN_UTC, utc));
    }

    /** The folder File ▸ Export last wrote to, if it still exists. */
    public Optional<Path> exportFolder() {
        String saved = node.get(EXPORT_FOLDER, null);
        if (saved == null) {
            return Optional.empty();
        }
        try {
            Path folder = Path.of(saved);
            return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    public void setExportFolder(Path folder) {
        write(() -> node.put(EXPORT_FOLDER, folder.toAbsolutePath().toString()));
    }

    /** Ids of the list columns the user hid; empty when they never chose (then the list's defaults apply). */
    public Optional<Set<String>> hiddenColumns() {
        String saved = node.get(HIDDEN_COLUMNS, null);
        if (saved == null) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(saved.split(","))
                .filter(id -> !id.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    public void setHiddenColumns(Set<String> columnIds) {
        write(() -> node.put(HIDDEN_COLUMNS, String.join(",", columnIds)));
    }

    /** View ▸ Notification rules…; {@link AlertRules#DEFAULT} until chosen. */
    public AlertRules alertRules() {
        String statuses = node.get(ALERT_STATUSES, null);
        if (statuses == null) {
            return AlertRules.DEFAULT;
        }
        EnumSet<DeploymentStatus> chosen = EnumSet.noneOf(DeploymentStatus.class);
        for (String name : statuses.split(",")) {
            Arrays.stream(DeploymentStatus.values()).filter(s -> s.name().equals(name.trim())).forEach(chosen::add);
        }
        Set<String> workspaces = node.get(ALERT_WORKSPACES, "").lines().filter(line -> !line.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new AlertRules(chosen, node.getBoolean(ALERT_ALL_WORKSPACES, true), workspaces,
                node.getBoolean(ALERT_STUCK, AlertRules.DEFAULT.stuck()),
                node.getBoolean(ALERT_DESKTOP, AlertRules.DEFAULT.desktop()));
    }

    public void setAlertRules(AlertRules rules) {
        write(() -> {
            node.put(ALERT_STATUSES, rules.statuses().stream().map(Enum::name).collect(Collectors.joining(",")));
            node.putBoolean(ALERT_ALL_WORKSPACES, rules.allWorkspaces());
            // A workspace name has no line breaks: one line per workspace.
            node.put(ALERT_WORKSPACES, String.join("\n", rules.workspaces()));
            node.putBoolean(ALERT_STUCK, rules.stuck());
            node.putBoolean(ALERT_DESKTOP, rules.desktop());
        });
    }

    /** Preferences are a convenience: failing to save them must never break the console. */
    private void write(Runnable change) {
        try {
            change.run();
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            System.getLogger(GuiPreferences.class.getName())
                    .log(System.Logger.Level.WARNING, "Could not save preferences: " + e.getMessage());
        }
    }
}
