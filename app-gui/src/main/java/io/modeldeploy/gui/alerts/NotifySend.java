package io.modeldeploy.gui.alerts;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Freedesktop notifications through {@code notify-send} (libnotify), run with its arguments (never
 * through a shell) on a thread of its own, so the FX thread never waits for it. Failures are
 * logged, never shown: a notification is a convenience.
 */
public final class NotifySend implements DesktopNotifier {

    static final String APP_NAME = "ModelDeploy Console";
    private static final System.Logger LOG = System.getLogger(NotifySend.class.getName());

    private final Path command;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "desktop-notifications");
        thread.setDaemon(true);
        return thread;
    });

    NotifySend(Path command) {
        this.command = Objects.requireNonNull(command, "command");
    }

    /** {@code notify-send} if it is on the PATH; otherwise no desktop notifications. */
    public static DesktopNotifier ifInstalled() {
        return find(System.getenv("PATH")).<DesktopNotifier>map(NotifySend::new).orElse(NONE);
    }

    static Optional<Path> find(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            // a relative entry (".") would run whatever notify-send lies in the working directory
            if (dir.isBlank() || !Path.of(dir).isAbsolute()) {
                continue;
            }
            Path candidate = Path.of(dir, "notify-send");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The command line for one notification. */
    List<String> commandLine(String title, String body) {
        // "--": a text starting with "-" is not taken for an option.
        return List.of(command.toString(), "--app-name=" + APP_NAME, "--", title, body);
    }

    @Override
    public void notify(String title, String body) {
        List<String> line = commandLine(title, body);
        runner.execute(() -> {
            try {
                Process process = new ProcessBuilder(line).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroy();
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "notify-send failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
