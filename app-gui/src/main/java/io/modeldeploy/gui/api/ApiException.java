package io.modeldeploy.gui.api;

import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.ValidationError;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A request to the ModelDeploy server failed. What happened is told in neutral terms: the
 * {@link #kind()}, the HTTP {@link #status()} (0 when there was no answer), the server's own
 * {@link #detail()}, its {@link #validationErrors()}, whether a token was sent, which server it was.
 * The console words it for its user ({@code io.modeldeploy.gui.errors.ErrorTexts});
 * {@link #getMessage()} is a summary for logs.
 */
public class ApiException extends Exception {

    /** HTTP 412: an {@code If-Match} did not match the current state. */
    public static final int PRECONDITION_FAILED = 412;

    /** What happened. */
    public enum Kind {
        /** The server answered with an error status; {@link ApiException#detail()} is its own words, if any. */
        ERROR_STATUS(true),
        /** 401 or 403: the server refused access; {@link ApiException#tokenSent()} says whether a token went. */
        ACCESS_DENIED(true),
        /** 412 to a conditional update: the version changed; see {@link ApiException#currentDeployment()}. */
        PRECONDITION_FAILED(true),
        /** A success answer that could not be read; {@link ApiException#detail()} says why, null if it was empty. */
        UNREADABLE_ANSWER(true),
        /** No connection could be opened to {@link ApiException#server()}. */
        CANNOT_CONNECT(false),
        /** {@link ApiException#server()} did not answer in time. */
        TIMED_OUT(false),
        /** The exchange with the server broke off; {@link ApiException#detail()} is the I/O failure's words. */
        CONNECTION_LOST(false),
        /** The thread waiting for the answer was interrupted. */
        INTERRUPTED(false),
        /** No answer for another reason, which {@link ApiException#detail()} tells in full (the console's own). */
        NO_ANSWER(false);

        private final boolean answered;

        Kind(boolean answered) {
            this.answered = answered;
        }

        /** True when the server answered (with a status). */
        public boolean answered() {
            return answered;
        }
    }

    private final Kind kind;
    private final int status;
    private final String detail;
    private final List<ValidationError> validationErrors;
    private final boolean tokenSent;
    private final URI server;
    private final transient ModelDeployment currentDeployment;
    /** The index of the status batch target that failed; -1 when the failure names none. */
    private final int batchTarget;

    /**
     * An error answer with {@code status} and the server's {@code detail} (may be null);
     * status 0 is a failure without answer that {@code detail} tells ({@link Kind#NO_ANSWER}).
     */
    public ApiException(int status, String detail, List<ValidationError> validationErrors) {
        this(status, detail, validationErrors, null);
    }

    public ApiException(int status, String detail, List<ValidationError> validationErrors, Throwable cause) {
        this(kindOf(status), status, detail, validationErrors, false, null, null, cause);
    }

    private ApiException(Kind kind, int status, String detail, List<ValidationError> validationErrors,
                         boolean tokenSent, URI server, ModelDeployment currentDeployment, Throwable cause) {
        this(kind, status, detail, validationErrors, tokenSent, server, currentDeployment, -1, cause);
    }

    private ApiException(Kind kind, int status, String detail, List<ValidationError> validationErrors,
                         boolean tokenSent, URI server, ModelDeployment currentDeployment, int batchTarget,
                         Throwable cause) {
        super(summary(kind, status, server, detail, validationErrors), cause);
        this.kind = kind;
        this.status = status;
        this.detail = detail == null || detail.isBlank() ? null : detail;
        this.validationErrors = validationErrors == null ? List.of() : List.copyOf(validationErrors);
        this.tokenSent = tokenSent;
        this.server = server;
        this.currentDeployment = currentDeployment;
        this.batchTarget = batchTarget;
    }

    private static Kind kindOf(int status) {
        if (status == 0) {
            return Kind.NO_ANSWER;
        }
        return status == 401 || status == 403 ? Kind.ACCESS_DENIED : Kind.ERROR_STATUS;
    }

    /**
     * A 412 answer to a conditional update: the version changed since the state the request was
     * based on. {@code current} is the version as the server now has it (the answer's body), or
     * null when the body could not be read.
     */
    public static ApiException preconditionFailed(ModelDeployment current) {
        return new ApiException(Kind.PRECONDITION_FAILED, PRECONDITION_FAILED, null, List.of(), false, null, current,
                null);
    }

    /** A 401 or 403; {@code serverDetail} is the server's own words, if any. */
    public static ApiException accessDenied(int status, boolean tokenSent, String serverDetail) {
        return new ApiException(Kind.ACCESS_DENIED, status, serverDetail, List.of(), tokenSent, null, null, null);
    }

    /** A 422 (or other) answer listing the invalid fields. */
    public static ApiException validation(int status, List<ValidationError> errors) {
        return new ApiException(Kind.ERROR_STATUS, status, null, errors, false, null, null, null);
    }

    /**
     * A status batch that changed nothing because its target number {@code target} (from 0) failed:
     * 404, 409 or 412 with the server's {@code detail} ({@code {"detail", "target"}}).
     */
    public static ApiException batchRefusal(int status, String detail, int target) {
        if (target < 0) {
            throw new IllegalArgumentException("target index must be 0 or more");
        }
        return new ApiException(kindOf(status), status, detail, List.of(), false, null, null, target, null);
    }

    /** A success answer that could not be read: {@code why} (null: it was empty). */
    public static ApiException unreadableAnswer(int status, String why, Throwable cause) {
        return new ApiException(Kind.UNREADABLE_ANSWER, status, why, List.of(), false, null, null, cause);
    }

    /**
     * No answer from {@code server}: {@link Kind#CANNOT_CONNECT}, {@link Kind#TIMED_OUT},
     * {@link Kind#CONNECTION_LOST} (with the I/O failure's words) or {@link Kind#INTERRUPTED}.
     */
    public static ApiException noAnswer(Kind kind, URI server, String detail, Throwable cause) {
        if (kind.answered()) {
            throw new IllegalArgumentException(kind + " is an answer");
        }
        return new ApiException(kind, 0, detail, List.of(), false, server, null, cause);
    }

    /** A failure without answer that {@code detail} tells in full, e.g. the built-in server could not start. */
    public static ApiException connectionFailure(String detail, Throwable cause) {
        return noAnswer(Kind.NO_ANSWER, null, detail, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of the answer, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /**
     * The words that came with the failure: the server's {@code detail} text, the reason an answer
     * could not be read or a connection broke, or the full text of a {@link Kind#NO_ANSWER};
     * null when there were none.
     */
    public String detail() {
        return detail;
    }

    /** The individual problems of a 422 answer; empty for every other failure. */
    public List<ValidationError> validationErrors() {
        return validationErrors;
    }

    /** For {@link Kind#ACCESS_DENIED}: whether the request carried a token. */
    public boolean tokenSent() {
        return tokenSent;
    }

    /** The server that did not answer, when known. */
    public Optional<URI> server() {
        return Optional.ofNullable(server);
    }

    /** True when there was no answer at all (status 0). */
    public boolean isConnectionFailure() {
        return !kind.answered();
    }

    public boolean isAccessDenied() {
        return kind == Kind.ACCESS_DENIED;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isConflict() {
        return status == 409;
    }

    /** True for a 412: a conditional update was based on a state the version no longer has. */
    public boolean isPreconditionFailed() {
        return status == PRECONDITION_FAILED;
    }

    /**
     * For a refused status batch: the index (from 0) of the target that failed, as the server named
     * it. Empty for other failures; a 422 names its fields in {@link #validationErrors()} instead.
     */
    public OptionalInt batchTarget() {
        return batchTarget < 0 ? OptionalInt.empty() : OptionalInt.of(batchTarget);
    }

    /** For a 412: the version as the server has it now, if the answer carried it. Empty otherwise. */
    public Optional<ModelDeployment> currentDeployment() {
        return Optional.ofNullable(currentDeployment);
    }

    /** The field a validation error is about: the last element of its {@code loc}, or "" when it has none. */
    public static String fieldOf(ValidationError error) {
        List<Object> loc = error.loc();
        if (loc == null || loc.isEmpty()) {
            return "";
        }
        Object last = loc.get(loc.size() - 1);
        return last == null ? "" : String.valueOf(last);
    }

    /** For logs: {@code ERROR_STATUS 404: Deployment 'a/b' not found}, {@code CANNOT_CONNECT http://h:1}. */
    private static String summary(Kind kind, int status, URI server, String detail, List<ValidationError> errors) {
        StringBuilder text = new StringBuilder(kind.name());
        if (status != 0) {
            text.append(' ').append(status);
        }
        if (server != null) {
            text.append(' ').append(server);
        }
        if (detail != null && !detail.isBlank()) {
            text.append(": ").append(detail);
        }
        if (errors != null && !errors.isEmpty()) {
            text.append(" ").append(errors.stream().map(ApiException::fieldOf).toList());
        }
        return text.toString();
    }
}
