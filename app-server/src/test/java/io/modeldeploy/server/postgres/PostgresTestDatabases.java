package io.modeldeploy.server.postgres;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * When the tests run against PostgreSQL ({@code -Dmodeldeploy.test.database=postgres}, the
 * {@code postgres} surefire execution), every application context gets a new, empty database on
 * the shared test server, as it gets a new in-memory H2 database otherwise.
 */
@Singleton
@Requires(property = "modeldeploy.test.database", value = "postgres")
class PostgresTestDatabases implements BeanCreatedEventListener<DatasourceConfiguration> {

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        TestPostgres postgres = TestPostgres.shared();
        configuration.setUrl(postgres.createDatabase());
        configuration.setUsername(postgres.user());
        configuration.setPassword(postgres.password());
        configuration.setDriverClassName("org.postgresql.Driver");
        return configuration;
    }
}
