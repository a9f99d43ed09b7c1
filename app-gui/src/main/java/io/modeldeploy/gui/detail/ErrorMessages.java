package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.model.ValidationError;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Turns a failed request into one or two sentences for an inline message: what kind of failure it
 * was, then the server's own detail. Never a stack trace or an exception class name for the
 * failures the API defines.
 */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /** A message for a failed action, e.g. {@code describe("Couldn't apply the status", e)}. */
    public static String describe(String action, Throwable failure) {
        return action + ": " + describe(failure);
    }

    /** The failure itself, without the action. */
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
        String detail = sentence(e.detail());
        return switch (e.status()) {
            case 0 -> "the server can't be reached." + (detail.isEmpty() ? "" : " " + detail);
            case 400 -> "the server rejected the request." + suffix(detail);
            case 401, 403 -> "the server refused access." + suffix(detail);
            case 404 -> "not found on the server." + suffix(detail);
            case 409 -> "the server refused the change." + suffix(detail);
            case 412 -> "someone else changed it first." + suffix(detail);
            case 422 -> "the server found invalid input." + suffix(validation(e, detail));
            default -> e.status() >= 500
                    ? "the server failed (HTTP " + e.status() + ")." + suffix(detail)
                    : "the server answered HTTP " + e.status() + "." + suffix(detail);
        };
    }

    private static String validation(ApiException e, String detail) {
        if (e.validationErrors().isEmpty()) {
            return detail;
        }
        return e.validationErrors().stream()
                .map(ErrorMessages::validationItem)
                .collect(Collectors.joining("; ")) + ".";
    }

    private static String validationItem(ValidationError error) {
        String field = ApiException.fieldOf(error).replace('_', ' ');
        String msg = error.msg() == null || error.msg().isBlank() ? "invalid value" : error.msg().strip();
        return field.isEmpty() ? msg : field + ": " + msg;
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
}
