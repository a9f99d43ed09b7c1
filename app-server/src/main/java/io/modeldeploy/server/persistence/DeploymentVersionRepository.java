package io.modeldeploy.server.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.modeldeploy.model.DeploymentStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.H2)
public interface DeploymentVersionRepository extends CrudRepository<DeploymentVersionRow, String> {

    Optional<DeploymentVersionRow> findByWorkspaceAndNameAndEntityVersion(String workspace, String name, int entityVersion);

    @Query("""
            SELECT * FROM deployment_version
            WHERE workspace = :workspace AND name = :name AND entity_version = :entityVersion
            FOR UPDATE""")
    Optional<DeploymentVersionRow> lockVersion(String workspace, String name, int entityVersion);

    @Query("SELECT MAX(entity_version) FROM deployment_version WHERE workspace = :workspace AND name = :name")
    Optional<Integer> findLatestVersionNumber(String workspace, String name);

    List<DeploymentVersionRow> findByWorkspaceAndNameOrderByEntityVersionDesc(String workspace, String name);

    boolean existsByWorkspaceAndName(String workspace, String name);

    @Query("SELECT * FROM deployment_version ORDER BY workspace, name, entity_version FOR UPDATE")
    List<DeploymentVersionRow> lockAll();

    @Query("""
            UPDATE deployment_version
            SET status = :status, status_message = :statusMessage, model_provider_id = :modelProviderId,
                updated_at = :updatedAt, status_since = :statusSince
            WHERE id = :id""")
    void updateStatus(String id, DeploymentStatus status, String statusMessage,
                      @Nullable String modelProviderId, Instant updatedAt, Instant statusSince);
}
