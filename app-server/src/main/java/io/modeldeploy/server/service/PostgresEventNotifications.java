package io.modeldeploy.server.service;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tells every server instance sharing one PostgreSQL database about each other's commits. A
 * transaction that records events also sends a NOTIFY, which PostgreSQL delivers to every
 * listening connection only once that transaction commits (never for a rollback). Each instance
 * keeps one connection, outside the pool, that LISTENs and wakes its event broadcaster, which then
 * reads the event table. Notifications carry nothing: the table is the source of truth, so a lost
 * notification (say while reconnecting) costs latency, never an event.
 */
@Context
@Requires(property = "datasources.default.dialect", value = "POSTGRES")
public class PostgresEventNotifications {
    static final String CHANNEL = "modeldeploy_events";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresEventNotifications.class);
    private static final int WAIT_MILLIS = 1_000;
    private static final long RECONNECT_MILLIS = 1_000;

    private final HikariDataSource pool;
    private final JdbcOperations jdbc;
    private final ApplicationEventPublisher<EventsReadable> publisher;
    private final Thread listener;
    private volatile boolean running = true;

    public PostgresEventNotifications(DataSource dataSource, JdbcOperations jdbc,
                                      ApplicationEventPublisher<EventsReadable> publisher) {
        this.pool = (HikariDataSource) DelegatingDataSource.unwrapDataSource(dataSource);
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.listener = new Thread(this::listen, "modeldeploy-pg-listen");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    /** Inside the recording transaction: queues the NOTIFY that the commit sends. */
    @EventListener
    void onEventsRecorded(DeploymentEventLog.EventsCommitted recorded) {
        jdbc.prepareStatement("SELECT pg_notify('" + CHANNEL + "', '')", statement -> statement.execute());
    }

    /** This instance's own commits need no round trip through the database. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onCommit(DeploymentEventLog.EventsCommitted committed) {
        publisher.publishEvent(EventsReadable.INSTANCE);
    }

    private void listen() {
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
                    pool.getPassword())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (reconnecting) {
                    LOG.info("Listening for other instances' changes again");
                    // Whatever was committed while we were not listening.
                    publisher.publishEvent(EventsReadable.INSTANCE);
                    reconnecting = false;
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        publisher.publishEvent(EventsReadable.INSTANCE);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!reconnecting) {
                    LOG.warn("Lost the connection that listens for other instances' changes ({}); reconnecting",
                            e.getMessage());
                    reconnecting = true;
                }
                try {
                    Thread.sleep(RECONNECT_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        listener.interrupt();
        listener.join(WAIT_MILLIS * 3L);
    }
}
