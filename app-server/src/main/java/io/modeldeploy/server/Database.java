package io.modeldeploy.server;

import io.micronaut.data.model.query.builder.sql.Dialect;

import java.util.Locale;

/** The databases the server runs on: H2 (built in, one process) and PostgreSQL (shared by many instances). */
public enum Database {
    H2("H2", "jdbc:h2:", "org.h2.Driver", Dialect.H2),
    POSTGRESQL("PostgreSQL", "jdbc:postgresql:", "org.postgresql.Driver", Dialect.POSTGRES);

    private final String displayName;

    private final String urlPrefix;
    private final String driverClassName;
    private final Dialect dialect;

    Database(String displayName, String urlPrefix, String driverClassName, Dialect dialect) {
        this.displayName = displayName;
        this.urlPrefix = urlPrefix;
        this.driverClassName = driverClassName;
        this.dialect = dialect;
    }

    /** @throws IllegalArgumentException for a URL of another database */
    public static Database ofJdbcUrl(String url) {
        String lower = url.trim().toLowerCase(Locale.ROOT);
        for (Database database : values()) {
            if (lower.startsWith(database.urlPrefix)) {
                return database;
            }
        }
        throw new IllegalArgumentException("The database URL must start with jdbc:postgresql:// (PostgreSQL 14 or newer)"
                + " or jdbc:h2:, was '" + url + "'");
    }

    public String driverClassName() {
        return driverClassName;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
