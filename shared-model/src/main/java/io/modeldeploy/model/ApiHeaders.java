package io.modeldeploy.model;

/** Request headers of the contract that are ours, not NeMo's. */
public final class ApiHeaders {

    /** By which a client says where a change came from ({@code api} or {@code gui}). */
    public static final String SOURCE = "X-ModelDeploy-Source";

    private ApiHeaders() {
    }
}
