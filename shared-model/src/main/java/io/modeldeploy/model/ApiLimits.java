package io.modeldeploy.model;

import java.util.regex.Pattern;

/** Validation limits of the wire contract, shared by the server and every client. */
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
    /** A model provider reference is {@code workspace/name}. */
    public static final String MODEL_PROVIDER_ID_REGEX = "^[\\w\\-.]+/[\\w\\-.]+$";

    public static final Pattern NAME_PATTERN = Pattern.compile(NAME_REGEX);
    public static final Pattern PROJECT_PATTERN = Pattern.compile(PROJECT_REGEX);
    public static final Pattern MODEL_PROVIDER_ID_PATTERN = Pattern.compile(MODEL_PROVIDER_ID_REGEX);

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1000;
    /** How many of the newest history entries a deployment resource embeds (NeMo's cap). */
    public static final int HISTORY_WINDOW = 100;

    /** Workspace path segment meaning "every workspace" when listing. */
    public static final String ALL_WORKSPACES = "-";

    /** Request header by which a client says where a change came from ({@code api} or {@code gui}). */
    public static final String SOURCE_HEADER = "X-ModelDeploy-Source";

    private ApiLimits() {
    }

    /**
     * Length as the limits count it: characters (code points), like the reference's pydantic
     * models, so an emoji counts once although Java stores it in two chars.
     */
    public static int characterCount(String value) {
        return value == null ? 0 : value.codePointCount(0, value.length());
    }

    public static boolean isValidName(String value) {
        return value != null && characterCount(value) <= MAX_NAME_LENGTH && NAME_PATTERN.matcher(value).matches();
    }

    public static boolean isValidModelProviderId(String value) {
        return value != null && characterCount(value) <= MAX_MODEL_PROVIDER_ID_LENGTH
                && MODEL_PROVIDER_ID_PATTERN.matcher(value).matches();
    }
}
