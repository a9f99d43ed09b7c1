package io.modeldeploy.gui.alerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** notify-send is found on the PATH or skipped, and gets the texts as arguments (no shell). */
class NotifySendTest {

    @Test
    void foundOnlyAsAnExecutableOnThePath(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        assertEquals(Optional.empty(), NotifySend.find(empty.toString()));
        assertEquals(Optional.empty(), NotifySend.find(""));
        assertEquals(Optional.empty(), NotifySend.find(null));

        Path command = Files.writeString(bin.resolve("notify-send"), "#!/bin/sh\n");
        command.toFile().setExecutable(true);
        assertEquals(Optional.of(command), NotifySend.find(empty + File.pathSeparator + bin));
        Path relativeBin = Path.of("").toAbsolutePath().relativize(bin);
        assertEquals(Optional.empty(), NotifySend.find(relativeBin.toString()),
                "a relative PATH entry would run a notify-send of the working directory");
    }

    @Test
    void theTextsAreArgumentsNeverShellWords() {
        NotifySend notifier = new NotifySend(Path.of("/usr/bin/notify-send"));
        String hostile = "w/a v1: ERROR: $(rm -rf ~); `id` \"quoted\"";

        assertEquals(List.of("/usr/bin/notify-send", "--app-name=ModelDeploy Console", "--", hostile, "by alice"),
                notifier.commandLine(hostile, "by alice"));
    }
}
