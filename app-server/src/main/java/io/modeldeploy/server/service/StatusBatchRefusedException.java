package io.modeldeploy.server.service;

/**
 * A status batch that changed nothing because one of its targets was refused: {@code target} is
 * that target's index in the request, {@code refusal} why (an {@link io.modeldeploy.server.error.HttpErrorException}
 * 404 or 409, or a {@link PreconditionFailedException}).
 */
public final class StatusBatchRefusedException extends RuntimeException {
    private final int target;
    private final RuntimeException refusal;

    public StatusBatchRefusedException(int target, RuntimeException refusal) {
        super("Target " + target + " of the status batch was refused: " + refusal.getMessage(), refusal, false, false);
        this.target = target;
        this.refusal = refusal;
    }

    public int target() {
        return target;
    }

    public RuntimeException refusal() {
        return refusal;
    }
}
