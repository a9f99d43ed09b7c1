package io.modeldeploy.model;

/**
 * Limits of the wire contract, shared by the server and every client. The field limits are applied
 * by {@link FieldRule} and {@link IntegerRule} (which count characters as code points).
 */
public final class ApiLimits {
    public static final int MAX_STATUS_MESSAGE_LENGTH = 1000;
    public static final int MAX_NAME_LENGTH = 255;
    public static final int MAX_CONFIG_LENGTH = 255;
    public static final int MAX_PROJECT_LENGTH = 255;
    public static final int MAX_MODEL_PROVIDER_ID_LENGTH = 255;

    /** Names of workspaces and deployments: letters, digits, underscore, hyphen and dot. */
    public static final String NAME_REGEX = "^[\\w\\-.]+$";
    /** Project URNs additionally allow '/'. */
    public static final String PROJECT_REGEX = "^[\\w\\-./]+$";
    /**
     * The form NeMo's controller gives the model provider references it writes, {@code workspace/name}:
     * a suggestion for people; the API takes any string up to {@link #MAX_MODEL_PROVIDER_ID_LENGTH}.
     */
    public static final String MODEL_PROVIDER_ID_FORM = "workspace/name";

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1000;
    /** How many of the newest history entries a deployment resource embeds (NeMo's cap). */
    public static final int HISTORY_WINDOW = 100;

    /** Most targets one status batch may name ({@code POST /apis/modeldeploy/v1/status-batches}). */
    public static final int MAX_BATCH_TARGETS = 1000;

    /** Workspace path segment meaning "every workspace" when listing. */
    public static final String ALL_WORKSPACES = "-";

    private ApiLimits() {
    }
}
