package io.modeldeploy.server.upgrade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modeldeploy.server.ModelDeployServer;
import io.modeldeploy.server.RunningServer;
import io.modeldeploy.server.ServerOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.zip.GZIPOutputStream;

/**
 * Makes the upgrade fixture of the current release (see {@code upgrade/README.md} in the test
 * resources): {@code h2 OUTDIR} on a new built-in database, or {@code postgresql JDBC_URL OUTDIR} on
 * an empty PostgreSQL database (user and password in the URL), whose dump is then taken with pg_dump.
 */
public final class UpgradeFixtureWriter {

    private UpgradeFixtureWriter() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("h2")) {
            writeH2(Path.of(args[1]));
        } else if (args.length == 3 && args[0].equals("postgresql")) {
            writePostgres(args[1], Path.of(args[2]));
        } else {
            throw new IllegalArgumentException("usage: h2 OUTDIR | postgresql JDBC_URL OUTDIR");
        }
    }

    private static void writeH2(Path out) throws IOException, SQLException {
        Files.createDirectories(out);
        Path dataDir = Files.createTempDirectory("upgrade-fixture");
        ServerOptions options = new ServerOptions(ServerOptions.DEFAULT_BIND, 0, dataDir);
        fillAndSnapshot(options, out);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("modeldeploy"), "sa", "")) {
            UpgradeFixture.writeGzippedJson(UpgradeFixture.rows(connection), out.resolve(UpgradeFixture.ROWS_SNAPSHOT));
        }
        try (InputStream in = Files.newInputStream(dataDir.resolve("modeldeploy.mv.db"));
             OutputStream gz = new GZIPOutputStream(Files.newOutputStream(out.resolve("modeldeploy.mv.db.gz")))) {
            in.transferTo(gz);
        }
    }

    private static void writePostgres(String jdbcUrl, Path out) throws IOException, SQLException {
        Files.createDirectories(out);
        ServerOptions options = new ServerOptions(ServerOptions.DEFAULT_BIND, 0,
                Files.createTempDirectory("upgrade-fixture"), false, false, jdbcUrl);
        fillAndSnapshot(options, out);
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            UpgradeFixture.writeGzippedJson(UpgradeFixture.rows(connection), out.resolve(UpgradeFixture.ROWS_SNAPSHOT));
        }
    }

    private static void fillAndSnapshot(ServerOptions options, Path out) {
        try (RunningServer server = ModelDeployServer.start(options)) {
            UpgradeFixture fixture = new UpgradeFixture(server.baseUrl());
            fixture.writeScenario();
            ObjectNode api = fixture.apiSnapshot();
            UpgradeFixture.writeGzippedJson(api, out.resolve(UpgradeFixture.API_SNAPSHOT));
        }
    }
}
