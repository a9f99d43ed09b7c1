package io.modeldeploy.gui.style;

import io.modeldeploy.model.AttentionReason;
import io.modeldeploy.model.DeploymentStatus;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that decides how a {@link DeploymentStatus} looks: its style class, icon, label
 * text and one-line description. The colours themselves are CSS looked-up colours
 * ({@code -status-ready}, {@code -status-ready-bg}, ...) defined by the theme stylesheets and
 * applied by {@code app.css} to {@code .status-badge.status-*}, {@code .status-dot.status-*}
 * and {@code .status-icon.status-*}. A {@code null} status is shown as {@link DeploymentStatus#UNKNOWN}.
 */
public final class StatusStyle {

    /** Style class of the pill label made by {@link #badge}. */
    public static final String BADGE_CLASS = "status-badge";
    /** Style class of the small coloured circle made by {@link #dot}. */
    public static final String DOT_CLASS = "status-dot";
    /** Style class of a coloured status icon made by {@link #iconNode}. */
    public static final String ICON_CLASS = "status-icon";

    /** Style class of the warning icon of a deployment that needs attention, made by {@link #attentionIcon}. */
    public static final String ATTENTION_CLASS = "attention-icon";
    /** The warning sign of what needs attention (the rows' icon, the "Needs attention" chip, triage). */
    public static final Ikon ATTENTION_ICON = Material2MZ.WARNING;

    private static final List<String> ALL_ATTENTION_CLASSES = java.util.Arrays.stream(AttentionReason.values())
            .map(StatusStyle::attentionClass).toList();

    private static final Map<DeploymentStatus, Ikon> ICONS = new EnumMap<>(Map.of(
            DeploymentStatus.UNKNOWN, Material2AL.HELP_OUTLINE,
            DeploymentStatus.CREATED, Material2AL.ADD_CIRCLE_OUTLINE,
            DeploymentStatus.PENDING, Material2AL.HOURGLASS_EMPTY,
            DeploymentStatus.READY, Material2AL.CHECK_CIRCLE,
            DeploymentStatus.ERROR, Material2AL.ERROR,
            DeploymentStatus.DELETING, Material2AL.DELETE_SWEEP,
            DeploymentStatus.DELETED, Material2AL.DELETE_OUTLINE,
            DeploymentStatus.LOST, Material2AL.LINK_OFF));

    private static final Map<DeploymentStatus, String> DESCRIPTIONS = new EnumMap<>(Map.of(
            DeploymentStatus.UNKNOWN, "Unknown: the backend could not determine the state of this deployment.",
            DeploymentStatus.CREATED, "Created: recorded, waiting for the controller to start it.",
            DeploymentStatus.PENDING, "Pending: starting up or rolling out a new version; not serving yet.",
            DeploymentStatus.READY, "Ready: running and serving requests.",
            DeploymentStatus.ERROR, "Error: the deployment failed; the status message says why.",
            DeploymentStatus.DELETING, "Deleting: deletion requested; resources are being torn down.",
            DeploymentStatus.DELETED, "Deleted: resources are gone; the record is purged after a grace period.",
            DeploymentStatus.LOST, "Lost: the backend lost track of the deployment; recovery may be attempted."));

    private static final List<String> ALL_STATUS_CLASSES =
            java.util.Arrays.stream(DeploymentStatus.values()).map(StatusStyle::styleClass).toList();

    private StatusStyle() {
    }

    private static DeploymentStatus orUnknown(DeploymentStatus status) {
        return status == null ? DeploymentStatus.UNKNOWN : status;
    }

    /** The style class carrying the status colour, e.g. {@code status-ready}. */
    public static String styleClass(DeploymentStatus status) {
        return "status-" + orUnknown(status).name().toLowerCase(Locale.ROOT);
    }

    public static Ikon icon(DeploymentStatus status) {
        return ICONS.get(orUnknown(status));
    }

    /** The status as a word for people: {@code Ready}, {@code Deleting}, ... */
    public static String displayName(DeploymentStatus status) {
        String name = orUnknown(status).name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    /** One line explaining the status, for tooltips. */
    public static String description(DeploymentStatus status) {
        return DESCRIPTIONS.get(orUnknown(status));
    }

    /** A pill: icon and text, coloured by CSS, with the description as tooltip. */
    public static Node badge(DeploymentStatus status) {
        Label label = new Label();
        label.getStyleClass().add(BADGE_CLASS);
        label.setMinWidth(Region.USE_PREF_SIZE);
        applyBadge(label, status);
        Tooltip tooltip = new Tooltip(description(status));
        label.setTooltip(tooltip);
        return label;
    }

    /**
     * Turns an existing label into the badge of {@code status}, reusing its icon; table cells use
     * this to avoid creating nodes while scrolling. A {@code null} status is shown as UNKNOWN.
     */
    public static void applyBadge(Label label, DeploymentStatus status) {
        if (!label.getStyleClass().contains(BADGE_CLASS)) {
            label.getStyleClass().add(BADGE_CLASS);
        }
        applyStatusClass(label, status);
        label.setText(displayName(status));
        FontIcon icon = label.getGraphic() instanceof FontIcon existing ? existing : new FontIcon();
        icon.setIconCode(icon(status));
        if (!icon.getStyleClass().contains("status-badge-icon")) {
            icon.getStyleClass().add("status-badge-icon");
        }
        label.setGraphic(icon);
    }

    /** A small coloured circle for {@code status} (used in filter chips and timelines). */
    public static Region dot(DeploymentStatus status) {
        Region dot = new Region();
        dot.getStyleClass().add(DOT_CLASS);
        applyStatusClass(dot, status);
        return dot;
    }

    /** The status icon alone, coloured by CSS. */
    public static FontIcon iconNode(DeploymentStatus status) {
        FontIcon icon = new FontIcon(icon(status));
        icon.getStyleClass().add(ICON_CLASS);
        applyStatusClass(icon, status);
        return icon;
    }

    /** The style class carrying the colour of a reason for attention, e.g. {@code attention-stuck}. */
    public static String attentionClass(AttentionReason reason) {
        return "attention-" + reason.wireName();
    }

    /** The warning icon of what needs attention, coloured by CSS ({@code attention-*} classes). */
    public static FontIcon attentionIcon() {
        FontIcon icon = new FontIcon(ATTENTION_ICON);
        icon.getStyleClass().add(ATTENTION_CLASS);
        return icon;
    }

    /** Colours {@code node} for {@code reason}, replacing the class of another reason. */
    public static void applyAttentionClass(Node node, AttentionReason reason) {
        List<String> classes = node.getStyleClass();
        String wanted = attentionClass(reason);
        if (!classes.contains(wanted)) {
            classes.removeAll(ALL_ATTENTION_CLASSES);
            classes.add(wanted);
        }
    }

    /** Replaces whatever {@code status-*} class {@code node} has with the one of {@code status}. */
    public static void applyStatusClass(Node node, DeploymentStatus status) {
        String wanted = styleClass(status);
        List<String> classes = node.getStyleClass();
        if (classes.contains(wanted) && classes.stream().filter(ALL_STATUS_CLASSES::contains).count() == 1) {
            return;
        }
        classes.removeAll(ALL_STATUS_CLASSES);
        classes.add(wanted);
    }
}
