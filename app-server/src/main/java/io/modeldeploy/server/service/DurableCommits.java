package io.modeldeploy.server.service;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes every committed change durable before it is acknowledged. H2 writes committed data to its
 * file from a background thread within WRITE_DELAY (that thread also compacts the file, which
 * WRITE_DELAY=0 would switch off: the file then grows by every commit). So after each writing
 * transaction commits, a CHECKPOINT writes everything committed so far to the file before the
 * request is answered; concurrent commits share one write. The file write reaches the operating
 * system, so an acknowledged change survives a crash of the process (kill -9).
 * Only then are the new events announced to subscribers. (PostgreSQL makes a commit durable
 * itself; see {@link PostgresEventNotifications}.)
 *
 * <p>The checkpoint runs on a connection of its own, outside the pool and kept for the life of the
 * server: a committing transaction still holds its pooled connection here, and asking the pool for
 * a second one exhausts it under load (every connection held by a transaction waiting for one).
 */
@Singleton
@Requires(property = "datasources.default.dialect", value = "H2")
public class DurableCommits {
    private final HikariDataSource pool;
    private final ApplicationEventPublisher<EventsReadable> publisher;
    private Connection connection;

    public DurableCommits(DataSource dataSource, ApplicationEventPublisher<EventsReadable> publisher) {
        this.pool = (HikariDataSource) DelegatingDataSource.unwrapDataSource(dataSource);
        this.publisher = publisher;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onCommit(DeploymentEventLog.EventsCommitted committed) {
        checkpoint();
        publisher.publishEvent(EventsReadable.INSTANCE);
    }

    /** Writes everything committed so far to the database file. */
    public synchronized void checkpoint() {
        try {
            execute();
        } catch (SQLException first) {
            closeConnection();
            try {
                execute();
            } catch (SQLException e) {
                e.addSuppressed(first);
                throw new IllegalStateException("Could not write committed changes to the database file", e);
            }
        }
    }

    private void execute() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    @PreDestroy
    synchronized void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool is closing anyway
            }
            connection = null;
        }
    }
}
