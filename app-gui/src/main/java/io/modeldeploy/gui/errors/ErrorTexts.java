package io.modeldeploy.gui.errors;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentEventStream.ResyncReason;
import io.modeldeploy.model.ValidationError;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The console's words for what the API layer reports: failed requests ({@link ApiException}),
 * refused access, why the event stream reloads everything, and where the console's server and
 * token came from. Never a stack trace or an exception class name for the failures the API
 * defines.
 */
public final class ErrorTexts {

    /** The menu item where the console's user enters another server or a token. */
    public static final String CONNECT_MENU = "File \u25B8 Connect to server\u2026";

    private ErrorTexts() {
    }

    // ------------------------------------------------------------------ a failed request

    /**
     * What went wrong, in one or two sentences ready to show: the server's own detail when it
     * gave one, else a text for the kind of failure and its status.
     */
    public static String message(ApiException e) {
        String detail = e.detail();
        return switch (e.kind()) {
            case ACCESS_DENIED -> accessDenied(e.status(), e.tokenSent(), detail);
            case PRECONDITION_FAILED -> detail != null ? detail
                    : "The deployment changed on the server since you started editing it.";
            case UNREADABLE_ANSWER -> detail == null ? "The server sent an empty answer."
                    : "The server's answer could not be read: " + detail;
            case CANNOT_CONNECT -> "Cannot connect to " + theServer(e) + ".";
            case TIMED_OUT -> capitalized(theServer(e)) + " did not answer in time.";
            case CONNECTION_LOST -> "Lost the connection to " + e.server().map(URI::toString).orElse("the server")
                    + (detail == null ? "." : ": " + detail);
            case INTERRUPTED -> "The request was interrupted.";
            case NO_ANSWER -> detail != null ? detail : "The server can't be reached.";
            case ERROR_STATUS -> detail != null ? detail
                    : !e.validationErrors().isEmpty() ? problems(e.validationErrors(), false)
                    : generic(e.status());
        };
    }

    /** A failure in an error dialog: {@link #message}, then what to do about it. */
    public static String alert(ApiException e) {
        String message = message(e);
        if (e.isConnectionFailure()) {
            return message + "\nCheck that the server is running, then try again.";
        }
        if (e.isNotFound()) {
            return message + "\nIt may have been deleted in the meantime; refresh the list (F5).";
        }
        return message;
    }

    /** An inline message for a failed action, e.g. {@code describe("Couldn't apply the status", e)}. */
    public static String describe(String action, Throwable failure) {
        return action + ": " + describe(failure);
    }

    /** An inline message: what kind of failure it was, then {@link #message}; also for unexpected errors. */
    public static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ApiException api) {
            return describeApi(api);
        }
        String message = cause == null ? null : cause.getMessage();
        if (message == null || message.isBlank()) {
            return "an unexpected error occurred in the console.";
        }
        return "an unexpected error occurred in the console (" + message.strip() + ").";
    }

    private static String describeApi(ApiException e) {
        String detail = sentence(message(e));
        return switch (e.status()) {
            case 0 -> "the server can't be reached." + suffix(detail);
            case 400 -> "the server rejected the request." + suffix(detail);
            case 401, 403 -> "the server refused access." + suffix(detail);
            case 404 -> "not found on the server." + suffix(detail);
            case 409 -> "the server refused the change." + suffix(detail);
            case 412 -> "someone else changed it first." + suffix(detail);
            case 422 -> "the server found invalid input."
                    + suffix(e.validationErrors().isEmpty() ? detail : problems(e.validationErrors(), true) + ".");
            default -> e.status() >= 500
                    ? "the server failed (HTTP " + e.status() + ")." + suffix(detail)
                    : "the server answered HTTP " + e.status() + "." + suffix(detail);
        };
    }

    /**
     * What to do about a 401 or 403: enter a token in {@value #CONNECT_MENU} (or start the console
     * with one), use another one, or accept that this token may only read. The server's own words
     * follow in parentheses.
     */
    private static String accessDenied(int status, boolean sentToken, String serverDetail) {
        String said = serverDetail == null || serverDetail.isBlank() ? "" : " (server: " + serverDetail.strip() + ")";
        if (status == 403) {
            return "This token may only read: to change deployments, enter an editor token in " + CONNECT_MENU
                    + said + ".";
        }
        if (!sentToken) {
            return "The server needs a token: enter one in " + CONNECT_MENU + ", or start the console with "
                    + "--token TOKEN or MODELDEPLOY_TOKEN" + said + ".";
        }
        return "The server does not accept this console's token: enter another one in " + CONNECT_MENU
                + ", or start the console with another --token or MODELDEPLOY_TOKEN" + said + ".";
    }

    /** An error status without the server's own words. */
    private static String generic(int status) {
        return switch (status) {
            case 400 -> "The server rejected the request (400 Bad Request).";
            case 404 -> "Not found (404).";
            case 409 -> "The request conflicts with the current state (409).";
            case 412 -> "The deployment changed on the server since you started editing it (412).";
            case 422 -> "The request was rejected as invalid (422).";
            default -> status >= 500
                    ? "The server failed to handle the request (" + status + ")."
                    : "Unexpected answer from the server (" + status + ").";
        };
    }

    /** "field: message; field: message", with the wire names or, {@code readable}, with spaces for '_'. */
    private static String problems(List<ValidationError> errors, boolean readable) {
        return errors.stream().map(error -> {
            String field = readable ? ApiException.fieldOf(error).replace('_', ' ') : ApiException.fieldOf(error);
            String msg = error.msg() == null || error.msg().isBlank() ? "invalid value" : error.msg().strip();
            return field.isEmpty() ? msg : field + ": " + msg;
        }).collect(Collectors.joining("; "));
    }

    private static String theServer(ApiException e) {
        return e.server().map(url -> "the server at " + url).orElse("the server");
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String suffix(String detail) {
        return detail.isEmpty() ? "" : " " + detail;
    }

    private static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String s = text.strip();
        char last = s.charAt(s.length() - 1);
        return last == '.' || last == '!' || last == '?' ? s : s + ".";
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    // ------------------------------------------------------------------ exports

    /** An export that failed reading from the server: what, why, and that no file was written or changed. */
    public static String exportFailed(String what, ApiException failure, Path target) {
        return describe("Could not export " + what, failure) + " " + nothingWritten(target);
    }

    /** An export whose file could not be written (no permission, no such folder, disk full…). */
    public static String exportFileFailed(Path target, IOException failure) {
        String why;
        if (failure instanceof AccessDeniedException) {
            why = "no permission to write there";
        } else if (failure instanceof NoSuchFileException) {
            why = "the folder does not exist";
        } else if (failure instanceof FileSystemException fs && fs.getReason() != null) {
            why = fs.getReason();
        } else {
            why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        }
        return "Could not write " + target + " (" + why.strip() + "). " + nothingWritten(target);
    }

    /** Cancel pressed during an export. */
    public static String exportCancelled(Path target) {
        return "Export cancelled. " + nothingWritten(target);
    }

    private static String nothingWritten(Path target) {
        return "Nothing was written; " + target.getFileName() + " is as it was.";
    }

    // ------------------------------------------------------------------ status batches

    /**
     * Why a status batch failed, naming the target that failed by {@code targetNames} (in request
     * order): the one in the server's {@code target}, or the one a 422 {@code loc} points into.
     * A refusal says that nothing changed; without an answer it is not known.
     */
    public static String batchRefused(ApiException e, List<String> targetNames) {
        if (e.isConnectionFailure()) {
            return sentence(message(e)) + " Whether the statuses changed is not known; the list shows it once "
                    + "the server can be reached again.";
        }
        if (e.isAccessDenied()) {
            return "Nothing changed. " + message(e);
        }
        if (e.isNotFound() && e.batchTarget().isEmpty()) {
            return "Nothing changed: this server does not offer status batches (it may be an older version or a "
                    + "NeMo Platform). Change the statuses one by one in the detail pane.";
        }
        OptionalInt index = e.batchTarget().isPresent() ? e.batchTarget() : targetIndexOf(e.validationErrors());
        String which = index.isPresent() && index.getAsInt() < targetNames.size()
                ? targetNames.get(index.getAsInt()) : null;
        if (e.isPreconditionFailed()) {
            return "Nothing changed: " + (which == null ? "one of the deployments" : which)
                    + " changed on the server after this preview was made. Refresh the preview, check it and "
                    + "apply again.";
        }
        return "Nothing changed: the server refused " + (which == null ? "the change" : which) + ". "
                + sentence(message(e));
    }

    /** The target a validation error's {@code loc} points into ({@code ["body", "targets", 3, "if_match"]}). */
    private static OptionalInt targetIndexOf(List<ValidationError> errors) {
        for (ValidationError error : errors) {
            List<Object> loc = error.loc() == null ? List.of() : error.loc();
            for (int i = 0; i + 1 < loc.size(); i++) {
                if ("targets".equals(String.valueOf(loc.get(i))) && loc.get(i + 1) instanceof Number n) {
                    return OptionalInt.of(n.intValue());
                }
            }
        }
        return OptionalInt.empty();
    }

    // ------------------------------------------------------------------ the event stream

    /** Why the console reloads everything, after "Reloading everything: ". */
    public static String resync(ResyncReason reason) {
        return switch (reason) {
            case UNREADABLE_EVENT -> "an event could not be read";
            case EVENTS_EXPIRED -> "changes were missed for longer than the server keeps them";
            case LOG_RESTARTED -> "the server's change log starts over";
        };
    }

    // ------------------------------------------------------------------ the connection

    /** For the status bar: "Local server http://127.0.0.1:8080" or "Server https://...". */
    public static String server(ConnectionInfo connection) {
        return (connection.embedded() ? "Local server " : "Server ") + connection.baseUrl();
    }

    /** Which token the console sends, in one sentence: "This console uses the token given with --token." */
    public static String tokenSource(ConnectionInfo connection) {
        return switch (connection.tokenSource()) {
            case LOCAL_TOKEN_FILE -> "This console uses the local editor token of "
                    + (connection.embedded() ? "its data directory." : "your default data directory.");
            case OPTION -> "This console uses the token given with --token.";
            case ENVIRONMENT -> "This console uses the token in MODELDEPLOY_TOKEN.";
            case ENTERED -> "This console uses the token entered in " + CONNECT_MENU + ".";
            case NONE -> "This console sends no token.";
        };
    }
}
