package io.modeldeploy.gui.alerts;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.AttentionReason;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.stage.Popup;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Objects;

/**
 * The in-window toast: an AtlantaFX {@link Notification} in a popup at the bottom left of the
 * window (over the list's last rows, away from the status editor on the right, which a change may
 * have just made someone act on), above the status bar, for a few seconds. A newer toast replaces the one shown; clicking it
 * opens the alert panel; its close button hides it.
 */
public final class ToastView {

    /** How long a toast stays. */
    public static final Duration SHOWN_FOR = Duration.seconds(6);
    private static final double MARGIN = 16;
    private static final double ABOVE_STATUS_BAR = 40;

    private final Node anchor;
    private final ThemeManager themes;
    private final Runnable onOpen;
    private final Popup popup = new Popup();
    private final Notification notification = new Notification();
    private final PauseTransition hideLater = new PauseTransition(SHOWN_FOR);

    /**
     * @param anchor a node of the window the toast belongs to
     * @param onOpen what clicking the toast does (open the alert panel)
     */
    public ToastView(Node anchor, ThemeManager themes, Runnable onOpen) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.themes = Objects.requireNonNull(themes, "themes");
        this.onOpen = Objects.requireNonNull(onOpen, "onOpen");
        notification.setId("alertToast");
        notification.getStyleClass().addAll("alert-toast", Styles.ELEVATED_2);
        notification.setPrefWidth(380);
        notification.setMaxWidth(380);
        notification.setOnClose(event -> hide());
        notification.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                hide();
                onOpen.run();
            }
        });
        popup.getContent().add(notification);
        popup.setAutoFix(true);
        popup.setAnchorLocation(PopupWindow.AnchorLocation.CONTENT_BOTTOM_LEFT);
        hideLater.setOnFinished(event -> hide());
    }

    /** Shows {@code toast} (replacing the one shown) if the window is showing. */
    public void show(Toast toast) {
        Window window = anchor.getScene() == null ? null : anchor.getScene().getWindow();
        if (window == null || !window.isShowing()) {
            return;
        }
        notification.setMessage(toast.body().isEmpty() ? toast.title() : toast.title() + "\n" + toast.body());
        notification.setGraphic(iconFor(toast));
        themes.style(notification);
        // Anchored by its bottom left corner: a toast of more lines grows upwards, never over the status bar.
        double left = window.getX() + MARGIN;
        double bottom = window.getY() + window.getHeight() - ABOVE_STATUS_BAR - MARGIN;
        if (popup.isShowing()) {
            popup.setAnchorX(left);
            popup.setAnchorY(bottom);
        } else {
            popup.show(window, left, bottom);
        }
        hideLater.playFromStart();
    }

    private static Node iconFor(Toast toast) {
        DeploymentAlert first = toast.alerts().get(0);
        boolean allSame = toast.alerts().stream().allMatch(a -> a.kind().equals(first.kind()));
        FontIcon icon;
        if (allSame && !first.stuck()) {
            icon = StatusStyle.iconNode(first.status());
        } else {
            icon = StatusStyle.attentionIcon();
            StatusStyle.applyAttentionClass(icon, first.stuck() ? AttentionReason.STUCK : AttentionReason.ERROR);
        }
        icon.getStyleClass().add("alert-toast-icon");
        return icon;
    }

    public void hide() {
        hideLater.stop();
        popup.hide();
    }

    public boolean isShowing() {
        return popup.isShowing();
    }

    /** The notification control shown (for tests). */
    public Notification notification() {
        return notification;
    }
}
