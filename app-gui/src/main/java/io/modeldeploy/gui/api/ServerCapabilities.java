package io.modeldeploy.gui.api;

/**
 * What a server offers beyond the ModelDeployment API of a plain NeMo Platform, found out once when
 * the console connects by trying each endpoint ({@link DeploymentApiClient#capabilities()}): our
 * server offers all of it, a NeMo Platform's models service none.
 *
 * @param eventStream   {@code GET .../deployment-events}: changes as they happen (else the console polls)
 * @param statusHistory {@code GET .../status-history}: a version's whole history (else only the newest
 *                      entries the resource embeds)
 * @param entityTags    {@code ETag} on a version and {@code If-Match} honoured on a status change (else the
 *                      console re-reads the version before it changes it)
 * @param statusBatches {@code POST /apis/modeldeploy/v1/status-batches}: many status changes, all or none
 * @param demo          the demo API
 * @param attention     the stuck limits of {@code /apis/modeldeploy/v1/attention}
 * @param whoami        the caller's name and role
 * @param historyExport {@code GET /apis/modeldeploy/v1/history-export}: the fleet's history for a time range,
 *                      streamed, and {@code .../status-history} as NDJSON: a version's whole history with the
 *                      model provider of each entry (else the console reads each version's history pages)
 */
public record ServerCapabilities(boolean eventStream, boolean statusHistory, boolean entityTags,
                                 boolean statusBatches, boolean demo, boolean attention, boolean whoami,
                                 boolean historyExport) {

    /** Everything: what our server offers, and what the console assumes until it knows better. */
    public static final ServerCapabilities ALL = new ServerCapabilities(true, true, true, true, true, true, true,
            true);

    /** Only NeMo's ModelDeployment API. */
    public static final ServerCapabilities NONE = new ServerCapabilities(false, false, false, false, false, false,
            false, false);
}
