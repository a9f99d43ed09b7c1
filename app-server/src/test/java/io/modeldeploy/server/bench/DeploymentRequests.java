package io.modeldeploy.server.bench;

import java.nio.charset.StandardCharsets;

/**
 * The requests of the benchmark as raw HTTP/1.1 bytes, over deployments {@code dep-0000 ..
 * dep-(N-1)} in workspace {@code default}. Request {@code k} of a phase goes to deployment
 * {@code k mod N}; with {@code k = sequence * connections + connection} the connections
 * interleave over the names as wrk's threads do.
 */
final class DeploymentRequests {
    static final String BASE_PATH = "/apis/models/v2/workspaces/default/deployments";
    /** Every status a deployment may go to and leave again (DELETING accepts only DELETED). */
    static final String[] STATUSES = {"UNKNOWN", "CREATED", "PENDING", "READY", "ERROR", "LOST"};
    static final int MIN_MESSAGE_LENGTH = 35;
    static final int MAX_MESSAGE_LENGTH = 160;
    private static final String PAD = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(5);

    private final String host;
    private final int deployments;
    private final int connections;
    private final String runId;
    private final byte[][] gets;

    /**
     * @param host  the Host header value, {@code address:port}
     * @param runId part of every status message, so messages differ from those of earlier runs
     */
    DeploymentRequests(String host, int deployments, int connections, String runId) {
        this.host = host;
        this.deployments = deployments;
        this.connections = connections;
        this.runId = runId;
        this.gets = new byte[deployments][];
        for (int i = 0; i < deployments; i++) {
            gets[i] = get(BASE_PATH + "/" + name(i));
        }
    }

    static String name(int index) {
        return String.format("dep-%04d", index);
    }

    int deployments() {
        return deployments;
    }

    /** {@code GET .../deployments/{name}} of request k. */
    byte[] getDeployment(int connection, long sequence) {
        return gets[index(connection, sequence)];
    }

    /**
     * {@code PATCH .../deployments/{name}/status} of request k: the status rotates (shifted on
     * every pass over the names, so each deployment sees them all), the message is unique to
     * (run, connection, sequence) so every request is a real change that appends one history
     * row, its length varies from 35 to 160 characters, and every third request also sets a
     * model provider.
     */
    byte[] patchStatus(int connection, long sequence) {
        long k = sequence * connections + connection;
        int index = (int) (k % deployments);
        String status = STATUSES[(int) ((k + k / deployments) % STATUSES.length)];
        StringBuilder body = new StringBuilder(256)
                .append("{\"status\":\"").append(status)
                .append("\",\"status_message\":\"").append(statusMessage(k, connection, sequence, status))
                .append('"');
        if (k % 3 == 0) {
            body.append(",\"model_provider_id\":\"default/provider-").append(k % 97).append('"');
        }
        body.append('}');
        return withJsonBody("PATCH", BASE_PATH + "/" + name(index) + "/status", body.toString());
    }

    /** Only letters, digits and spaces: nothing to escape in JSON. */
    private String statusMessage(long k, int connection, long sequence, String status) {
        StringBuilder message = new StringBuilder(MAX_MESSAGE_LENGTH)
                .append("bench ").append(runId).append(" c").append(connection).append(" r").append(sequence)
                .append(' ').append(status).append(' ');
        int target = MIN_MESSAGE_LENGTH + (int) ((k * 37) % (MAX_MESSAGE_LENGTH - MIN_MESSAGE_LENGTH + 1));
        if (message.length() < target) {
            message.append(PAD, 0, target - message.length());
        }
        return message.toString();
    }

    /** {@code POST .../deployments} creating deployment {@code index}. */
    byte[] create(int index) {
        return withJsonBody("POST", BASE_PATH, "{\"name\":\"" + name(index) + "\",\"config\":\"cfg\"}");
    }

    /** One history row per page: the answer's {@code pagination.total_results} is the row count. */
    byte[] historySize(int index) {
        return get(BASE_PATH + "/" + name(index) + "/status-history?page_size=1");
    }

    private int index(int connection, long sequence) {
        return (int) ((sequence * connections + connection) % deployments);
    }

    private byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] withJsonBody(String method, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = (method + " " + path + " HTTP/1.1\r\nHost: " + host
                + "\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }
}
