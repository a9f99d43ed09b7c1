package io.modeldeploy.gui.alerts;

/** The desktop's own notifications (outside the console window), where the desktop offers them. */
@FunctionalInterface
public interface DesktopNotifier {

    /** No desktop notifications (none offered, or tests). */
    DesktopNotifier NONE = (title, body) -> { };

    /** Shows one notification; returns at once and never fails (a desktop without them is skipped). */
    void notify(String title, String body);
}
