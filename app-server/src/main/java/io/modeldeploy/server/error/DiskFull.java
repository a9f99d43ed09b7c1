package io.modeldeploy.server.error;

import java.util.Locale;

/** The file system of the data directory is full. */
public final class DiskFull {
    /** Seconds a client is asked to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private DiskFull() {
    }

    /** Whether {@code failure} or one of its causes says the device has no space left (ENOSPC, or a quota). */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("no space left on device") || message.contains("disk quota exceeded")) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isCause(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A 503 with {@code detail} and Retry-After. */
    public static HttpErrorException unavailable(String detail) {
        return HttpErrorException.serviceUnavailable(detail, RETRY_AFTER_SECONDS);
    }
}
