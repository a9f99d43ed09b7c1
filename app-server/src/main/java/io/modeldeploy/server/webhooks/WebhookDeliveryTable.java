package io.modeldeploy.server.webhooks;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The SQL of the webhook outbox (table {@code webhook_delivery}), the same on H2 and PostgreSQL. */
@Singleton
public class WebhookDeliveryTable {
    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcOperations jdbc;

    public WebhookDeliveryTable(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery owed: to which endpoint, for which event, and the body to send. */
    public record Owed(String endpointName, String eventId, String eventType, String workspace, String name,
                       int entityVersion, String payload) {
    }

    /** A claimed delivery, ready to send. */
    public record Claimed(long id, String endpointName, String eventId, int attempts, String payload) {
    }

    /** Inserts in the caller's transaction (the one of the change they report). */
    @Transactional
    public void insertAll(List<Owed> owed, Instant now) {
        if (owed.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO webhook_delivery (endpoint_name, event_id, event_type, workspace, name,"
                + " entity_version, payload, status, attempts, next_attempt_at, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, '" + PENDING + "', 0, ?, ?, ?)", statement -> {
            for (Owed delivery : owed) {
                bindOwed(statement, delivery, now);
                statement.addBatch();
            }
            statement.executeBatch();
            return null;
        });
    }

    /**
     * Inserts one delivery unless that endpoint already has that event, in a transaction of its own;
     * true if it was inserted. Two instances may race here: the unique key lets only one win.
     */
    public boolean insertIfAbsent(Owed delivery, Instant now) {
        try {
            return insertUnlessPresent(delivery, now);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return false;
                }
            }
            throw e;
        }
    }

    @Transactional
    protected boolean insertUnlessPresent(Owed delivery, Instant now) {
        boolean present = jdbc.prepareStatement("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_name = ?"
                + " AND event_id = ?", statement -> {
                    statement.setString(1, delivery.endpointName());
                    statement.setString(2, delivery.eventId());
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1) > 0;
                    }
                });
        if (present) {
            return false;
        }
        insertAll(List.of(delivery), now);
        return true;
    }

    private static void bindOwed(PreparedStatement statement, Owed delivery, Instant now) throws SQLException {
        statement.setString(1, delivery.endpointName());
        statement.setString(2, delivery.eventId());
        statement.setString(3, delivery.eventType());
        statement.setString(4, delivery.workspace());
        statement.setString(5, delivery.name());
        statement.setInt(6, delivery.entityVersion());
        statement.setString(7, delivery.payload());
        statement.setTimestamp(8, Timestamp.from(now));
        statement.setTimestamp(9, Timestamp.from(now));
        statement.setTimestamp(10, Timestamp.from(now));
    }

    /**
     * Claims up to {@code limit} due deliveries of the given endpoints for {@code claimant} until
     * {@code leaseUntil}, counting an attempt for each. A row is claimed by a conditional update of
     * its own (still pending, still due), so of several instances racing for it exactly one wins.
     */
    public List<Claimed> claimDue(Collection<String> endpointNames, Instant now, Instant leaseUntil, int limit,
                                  String claimant) {
        List<Long> candidates = dueIds(endpointNames, now, limit);
        List<Claimed> claimed = new ArrayList<>();
        for (long id : candidates) {
            claimOne(id, now, leaseUntil, claimant).ifPresent(claimed::add);
        }
        return claimed;
    }

    @ReadOnly
    protected List<Long> dueIds(Collection<String> endpointNames, Instant now, int limit) {
        String marks = String.join(", ", Collections.nCopies(endpointNames.size(), "?"));
        return jdbc.prepareStatement("SELECT id FROM webhook_delivery WHERE status = '" + PENDING + "'"
                + " AND next_attempt_at <= ? AND endpoint_name IN (" + marks + ") ORDER BY next_attempt_at, id LIMIT ?",
                statement -> {
                    int i = 1;
                    statement.setTimestamp(i++, Timestamp.from(now));
                    for (String name : endpointNames) {
                        statement.setString(i++, name);
                    }
                    statement.setInt(i, limit);
                    try (ResultSet rs = statement.executeQuery()) {
                        List<Long> ids = new ArrayList<>();
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                        return ids;
                    }
                });
    }

    @Transactional
    protected Optional<Claimed> claimOne(long id, Instant now, Instant leaseUntil, String claimant) {
        int updated = jdbc.prepareStatement("UPDATE webhook_delivery SET attempts = attempts + 1, claimed_by = ?,"
                + " next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = '" + PENDING + "'"
                + " AND next_attempt_at <= ?", statement -> {
                    statement.setString(1, claimant);
                    statement.setTimestamp(2, Timestamp.from(leaseUntil));
                    statement.setTimestamp(3, Timestamp.from(now));
                    statement.setLong(4, id);
                    statement.setTimestamp(5, Timestamp.from(now));
                    return statement.executeUpdate();
                });
        if (updated != 1) {
            return Optional.empty();
        }
        return jdbc.prepareStatement("SELECT id, endpoint_name, event_id, attempts, payload FROM webhook_delivery"
                + " WHERE id = ?", statement -> {
                    statement.setLong(1, id);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return Optional.of(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getInt(4), rs.getString(5)));
                    }
                });
    }

    /**
     * Records the outcome of an attempt, if the claim is still the caller's (a claim whose lease ran
     * out may have passed to another instance, whose outcome then counts).
     *
     * @param status        delivered, failed, or pending again (then due at {@code nextAttemptAt})
     * @param responseCode  the receiver's HTTP status; null when there was no answer
     */
    @Transactional
    public void recordOutcome(Claimed claim, String claimant, String status, Instant nextAttemptAt, String lastError,
                              Integer responseCode, Instant now) {
        jdbc.prepareStatement("UPDATE webhook_delivery SET status = ?, next_attempt_at = ?, claimed_by = NULL,"
                + " last_error = ?, last_response_code = ?, updated_at = ? WHERE id = ? AND claimed_by = ?"
                + " AND attempts = ?", statement -> {
                    statement.setString(1, status);
                    statement.setTimestamp(2, Timestamp.from(nextAttemptAt));
                    statement.setString(3, lastError == null ? null : truncate(lastError));
                    if (responseCode == null) {
                        statement.setNull(4, Types.INTEGER);
                    } else {
                        statement.setInt(4, responseCode);
                    }
                    statement.setTimestamp(5, Timestamp.from(now));
                    statement.setLong(6, claim.id());
                    statement.setString(7, claimant);
                    statement.setInt(8, claim.attempts());
                    return statement.executeUpdate();
                });
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    /** Recent deliveries, newest first. */
    @ReadOnly
    public List<WebhookDelivery> recent(long offset, int limit) {
        return jdbc.prepareStatement("SELECT id, endpoint_name, event_id, event_type, workspace, name, entity_version,"
                + " status, attempts, next_attempt_at, last_error, last_response_code, created_at, updated_at"
                + " FROM webhook_delivery ORDER BY id DESC LIMIT ? OFFSET ?", statement -> {
                    statement.setInt(1, limit);
                    statement.setLong(2, offset);
                    try (ResultSet rs = statement.executeQuery()) {
                        List<WebhookDelivery> deliveries = new ArrayList<>();
                        while (rs.next()) {
                            deliveries.add(delivery(rs));
                        }
                        return deliveries;
                    }
                });
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        int code = rs.getInt("last_response_code");
        Integer responseCode = rs.wasNull() ? null : code;
        return new WebhookDelivery(rs.getLong("id"), rs.getString("endpoint_name"), rs.getString("event_id"),
                rs.getString("event_type"), rs.getString("workspace"), rs.getString("name"),
                rs.getInt("entity_version"), status, rs.getInt("attempts"),
                PENDING.equals(status) ? rs.getTimestamp("next_attempt_at").toInstant() : null,
                rs.getString("last_error"), responseCode, rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    @ReadOnly
    public long count() {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM webhook_delivery", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Deletes up to {@code limit} deliveries created before {@code cutoff}; returns how many. */
    @Transactional
    public int deleteCreatedBefore(Instant cutoff, int limit) {
        return jdbc.prepareStatement("DELETE FROM webhook_delivery WHERE id IN (SELECT id FROM webhook_delivery"
                + " WHERE created_at < ? ORDER BY id LIMIT ?)", statement -> {
                    statement.setTimestamp(1, Timestamp.from(cutoff));
                    statement.setInt(2, limit);
                    return statement.executeUpdate();
                });
    }
}
