package io.modeldeploy.server.bench;

import java.util.Locale;

/**
 * Every PATCH answered 2xx changed the status and so must have appended exactly one history
 * row: the growth of the history over the PATCH phase must equal the 2xx count. More rows than
 * answers can be explained only by requests that failed on the client side after the server
 * applied them (a started server has no other writers).
 *
 * @param rowsAdded      growth of the summed history row counts over the PATCH phase
 * @param patchSuccesses PATCH 2xx answers, warm-up and measured run together
 * @param patchErrors    PATCH requests that failed on the client side (no answer read)
 */
record LostWriteCheck(long rowsAdded, long patchSuccesses, long patchErrors) {

    long lost() {
        return patchSuccesses - rowsAdded;
    }

    boolean passed() {
        return lost() == 0 || (lost() < 0 && -lost() <= patchErrors);
    }

    String summary() {
        String figures = String.format(Locale.ROOT, "history rows added = %,d, PATCH 2xx = %,d, lost = %,d",
                rowsAdded, patchSuccesses, lost());
        if (lost() == 0) {
            return figures + " (ok)";
        }
        if (lost() > 0) {
            return figures + " (FAILED: acknowledged writes are missing from the history)";
        }
        if (passed()) {
            return figures + String.format(Locale.ROOT, " (ok: %,d more rows than 2xx answers, and %,d PATCH "
                    + "requests failed on the client side, which the server may have applied)", -lost(), patchErrors);
        }
        return figures + String.format(Locale.ROOT, " (FAILED: %,d more rows than 2xx answers, but only %,d "
                + "requests failed on the client side: duplicated writes, or another client wrote)", -lost(),
                patchErrors);
    }
}
