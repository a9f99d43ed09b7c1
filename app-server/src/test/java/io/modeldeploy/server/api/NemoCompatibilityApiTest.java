package io.modeldeploy.server.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.modeldeploy.server.api.Api.DEFAULT;
import static io.modeldeploy.server.api.Api.deployments;
import static io.modeldeploy.server.api.Api.query;
import static io.modeldeploy.server.api.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where NeMo's models service is right, we answer as it does: what NeMo's own ModelDeployment
 * tests and a contract run against its published spec found (free-form provider references,
 * version query values, {@code $like}, pydantic's lax types, {@code .} and {@code ..} names,
 * long request lines, {@code Accept} and {@code Content-Type}).
 */
@MicronautTest
class NemoCompatibilityApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client, jsonMapper);
    }

    // ---- 1. model_provider_id is any string up to 255 characters ----

    @Test
    void modelProviderIdIsAnyStringUpTo255Characters() {
        String name = unique("provider");
        api.create(DEFAULT, name);
        for (String provider : List.of("provider-123", "no slash at all", "a/b/c", "x".repeat(255))) {
            ModelDeployment updated = api.patchStatus(DEFAULT, name,
                    "{\"status\":\"READY\",\"model_provider_id\":\"" + provider + "\"}").expect(200).deployment();
            assertEquals(provider, updated.modelProviderId());
        }
        Map<String, Object> tooLong = api.patchStatus(DEFAULT, name,
                "{\"status\":\"READY\",\"model_provider_id\":\"" + "x".repeat(256) + "\"}")
                .validationErrorAt("body", "model_provider_id");
        assertEquals("string_too_long", tooLong.get("type"));
    }

    @Test
    void aStatusBatchTakesAFreeFormModelProviderIdToo() {
        String name = unique("batch-provider");
        api.create(DEFAULT, name);
        api.postJson(StatusBatches.PATH, "{\"status\":\"READY\",\"model_provider_id\":\"provider-123\","
                + "\"targets\":[{\"workspace\":\"default\",\"name\":\"" + name + "\"}]}").expect(200);
        assertEquals("provider-123", api.getLatest(DEFAULT, name).modelProviderId());
    }

    // ---- 2. a version in a query value ----

    @Test
    void aStatusUpdateWithANonIntegerVersionIs400AsNemoAnswers() {
        String name = unique("version-abc");
        api.create(DEFAULT, name);
        for (Api.Reply reply : List.of(
                api.patchStatus(DEFAULT, name, "{\"status\":\"READY\"}", "version", "abc"),
                api.postStatus(DEFAULT, name, "{\"status\":\"READY\"}", "version", "abc"),
                api.get(query(deployments(DEFAULT, name, "status-history"), "version", "abc")))) {
            assertEquals(400, reply.status, reply.body);
            assertEquals("Invalid version 'abc': must be a positive integer", reply.detail());
        }
        assertEquals(1, api.getLatest(DEFAULT, name).statusHistory().size(), "nothing changed");
    }

    @Test
    void aBodyIsCheckedBeforeTheVersionQueryValueAsFastApiDoes() {
        String name = unique("version-abc-bad-body");
        api.create(DEFAULT, name);
        Api.Reply reply = api.patchStatus(DEFAULT, name, "{\"status\":\"RUNNING\"}", "version", "abc");
        assertEquals("enum", reply.validationErrorAt("body", "status").get("type"));
    }

    @Test
    void aHugeVersionNumberIsAVersionThatDoesNotExist() {
        String name = unique("version-huge");
        api.create(DEFAULT, name);
        String huge = "99999999999999999999";
        String notFound = "Deployment 'default/" + name + "' version '" + huge + "' not found";
        for (Api.Reply reply : List.of(
                api.patchStatus(DEFAULT, name, "{\"status\":\"READY\"}", "version", huge),
                api.postStatus(DEFAULT, name, "{\"status\":\"READY\"}", "version", huge),
                api.get(query(deployments(DEFAULT, name, "status-history"), "version", huge)),
                api.get(deployments(DEFAULT, name, "versions", huge)),
                api.delete(deployments(DEFAULT, name, "versions", huge)))) {
            assertEquals(404, reply.status, reply.body);
            assertEquals(notFound, reply.detail());
        }
        api.getLatest(DEFAULT, name);
    }

    // ---- 3. $like as NeMo's store matches ----

    @Test
    void likeWithoutWildcardsIsACaseInsensitiveSubstring() {
        String token = unique("like").toLowerCase(Locale.ROOT);
        String name = "x-" + token.toUpperCase(Locale.ROOT) + "-1";
        api.create(DEFAULT, name);
        api.create(DEFAULT, unique("other"));
        assertEquals(List.of(name), names(api.list("-", "filter[name][$like]", token)));
        assertEquals(List.of(name), names(api.list("-", "filter[name][$like]", token.toUpperCase(Locale.ROOT))));
    }

    @Test
    void likeWithWildcardsIsSqlLikeIgnoringCase() {
        String token = unique("wild").toLowerCase(Locale.ROOT);
        String name = "x-" + token.toUpperCase(Locale.ROOT) + "-1";
        api.create(DEFAULT, name);
        assertEquals(List.of(), names(api.list("-", "filter[name][$like]", token + "%")), "anchored at the start");
        assertEquals(List.of(name), names(api.list("-", "filter[name][$like]", "x-" + token + "%")));
        assertEquals(List.of(name), names(api.list("-", "filter[name][$like]", "%" + token + "-_")));
        assertEquals(List.of(), names(api.list("-", "filter[name][$like]", "%" + token + "-__")));
        assertEquals(List.of(name), names(api.list("-", "filter[name][$like]", "_-" + token + "-1")));
    }

    @Test
    void likeOnOtherTextFieldsMatchesTheSameWay() {
        String name = unique("like-message");
        String token = unique("msg").toLowerCase(Locale.ROOT);
        api.create(DEFAULT, name);
        api.setStatus(DEFAULT, name, "ERROR", "Pull FAILED for " + token.toUpperCase(Locale.ROOT) + " image");
        assertEquals(List.of(name), names(api.list("-", "filter[status_message][$like]", "failed for " + token)));
    }

    @Test
    void onPostgresqlANameLikeIsServedByATrigramIndex() throws Exception {
        Assumptions.assumeTrue("postgres".equals(System.getProperty("modeldeploy.test.database")), "PostgreSQL only");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN SELECT d.id FROM deployment_version d"
                     + " WHERE LOWER(d.name) LIKE LOWER(?) ESCAPE '\\'")) {
            connection.createStatement().execute("SET enable_seqscan = off");
            explain.setString(1, "%abc-pg%");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            connection.createStatement().execute("RESET enable_seqscan");
            assertTrue(plan.toString().contains("deployment_version_name_trigrams"), plan.toString());
        }
    }

    private static List<String> names(ListPage<ModelDeployment> page) {
        return page.data().stream().map(ModelDeployment::name).toList();
    }

    // ---- 4. pydantic v2's lax types in bodies ----

    @Test
    void aStringThatIsNotANumberForAnIntegerIsIntParsing() {
        String name = unique("int-parsing");
        Map<String, Object> error = api.createRaw(DEFAULT,
                        "{\"name\":\"" + name + "\",\"config\":\"c\",\"config_version\":\"abc\"}")
                .validationErrorAt("body", "config_version");
        assertEquals("int_parsing", error.get("type"));
        assertEquals("Input should be a valid integer, unable to parse string as an integer", error.get("msg"));
        assertEquals("abc", error.get("input"));
        assertEquals("int_parsing", api.createRaw(DEFAULT,
                        "{\"name\":\"" + name + "\",\"config\":\"c\",\"config_version\":\"2.5\"}")
                .validationErrorAt("body", "config_version").get("type"));
    }

    @Test
    void integersAcceptWhatPydanticsLaxModeConverts() {
        Object[][] accepted = {{"\"3\"", 3}, {"\" 4 \"", 4}, {"\"5.0\"", 5}, {"6.0", 6}, {"true", 1}};
        for (Object[] value : accepted) {
            String name = unique("lax-int");
            ModelDeployment created = api.createRaw(DEFAULT,
                            "{\"name\":\"" + name + "\",\"config\":\"c\",\"config_version\":" + value[0] + "}")
                    .expect(201).deployment();
            assertEquals(value[1], created.configVersion(), String.valueOf(value[0]));
        }
    }

    @Test
    void otherWrongTypesForAnIntegerAreIntTypeOrIntFromFloat() {
        String name = unique("int-type");
        Object[][] refused = {{"[1]", "int_type"}, {"{}", "int_type"}, {"2.5", "int_from_float"},
                {"\"-1\"", "greater_than_equal"}};
        for (Object[] value : refused) {
            assertEquals(value[1], api.createRaw(DEFAULT,
                            "{\"name\":\"" + name + "\",\"config\":\"c\",\"config_version\":" + value[0] + "}")
                    .validationErrorAt("body", "config_version").get("type"), String.valueOf(value[0]));
        }
    }

    @Test
    void aBatchTargetVersionIsReadTheSameWay() {
        String name = unique("batch-version");
        api.create(DEFAULT, name);
        String target = "{\"workspace\":\"default\",\"name\":\"" + name + "\",\"version\":";
        assertEquals("int_parsing", api.postJson(StatusBatches.PATH,
                        "{\"status\":\"READY\",\"targets\":[" + target + "\"one\"}]}")
                .validationErrorAt("body", "targets", 0, "version").get("type"));
        api.postJson(StatusBatches.PATH, "{\"status\":\"READY\",\"targets\":[" + target + "\"1\"}]}").expect(200);
    }

    // ---- 5. names . and .. ----

    @Test
    void dotAndDotDotAreRefusedAsDeploymentNames() {
        for (String name : List.of(".", "..")) {
            Map<String, Object> error = api.createRaw(DEFAULT, "{\"name\":\"" + name + "\",\"config\":\"c\"}")
                    .validationErrorAt("body", "name");
            assertEquals("value_error", error.get("type"));
            assertEquals(name, error.get("input"));
        }
        api.create(DEFAULT, "..." + unique("dots"));
    }

    @Test
    void dotAndDotDotAreRefusedAsWorkspaceNames() {
        for (String workspace : List.of("%2E", "%2E%2E")) {
            Api.Reply reply = api.postJson(Api.BASE + workspace + "/deployments",
                    "{\"name\":\"" + unique("in-dot") + "\",\"config\":\"c\"}");
            assertEquals(422, reply.status, workspace + ": " + reply.body);
        }
    }

    // ---- 6. request lines ----

    @Test
    void aRequestLineOfSixteenKilobytesIsServed() {
        String name = unique("long-line");
        api.create(DEFAULT, name);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            names.add("deployment-name-" + i);
        }
        names.add(name);
        String uri = query(deployments("-"), "filter[name][$in]", String.join(",", names));
        assertTrue(uri.length() > 16 * 1024, "the line is over 16 KB: " + uri.length());
        ListPage<ModelDeployment> page = api.get(uri).expect(200).as(Api.DEPLOYMENT_PAGE);
        assertEquals(List.of(name), names(page));
    }

    @Test
    void aLongerRequestLineIs414WithADetail() throws Exception {
        String uri = query(deployments("-"), "filter[name][$in]", "n,".repeat(40_000));
        HttpResponse<String> response = http().send(java.net.http.HttpRequest.newBuilder(url(uri)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(414, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        Object detail = jsonMapper.readValue(response.body(), Map.class).get("detail");
        assertTrue(detail instanceof String text && text.contains("request line"), response.body());
    }

    @Test
    void tooLargeHeadersAre431WithADetail() throws Exception {
        HttpResponse<String> response = http().send(java.net.http.HttpRequest.newBuilder(url(deployments(DEFAULT)))
                .header("X-Padding", "p".repeat(40_000)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(431, response.statusCode(), response.body());
        Object detail = jsonMapper.readValue(response.body(), Map.class).get("detail");
        assertTrue(detail instanceof String text && text.contains("headers"), response.body());
    }

    // ---- 7. Accept and Content-Type ----

    @Test
    void acceptIsIgnored() {
        String name = unique("accept");
        api.create(DEFAULT, name);
        for (String accept : List.of("text/html", "application/xml", "text/plain;q=1, image/png")) {
            Api.Reply list = api.send(HttpRequest.GET(deployments(DEFAULT)).header(HttpHeaders.ACCEPT, accept));
            assertEquals(200, list.status, accept + ": " + list.body);
            assertTrue(list.header(HttpHeaders.CONTENT_TYPE).startsWith(MediaType.APPLICATION_JSON), accept);
            Api.Reply update = api.send(HttpRequest.PATCH(deployments(DEFAULT, name, "status"), "{\"status\":\"READY\"}")
                    .contentType(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ACCEPT, accept));
            assertEquals(200, update.status, accept + ": " + update.body);
            Api.Reply missing = api.send(HttpRequest.GET(deployments(DEFAULT, unique("none")))
                    .header(HttpHeaders.ACCEPT, accept));
            assertEquals(404, missing.status, accept + ": " + missing.body);
            assertTrue(missing.detail().contains("not found"), missing.body);
        }
    }

    @Test
    void aBodyWithANonJsonContentTypeIs422AsFastApiAnswers() {
        String name = unique("plain");
        api.create(DEFAULT, name);
        String body = "{\"status\":\"READY\"}";
        for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded", "text/json")) {
            Api.Reply reply = api.send(HttpRequest.PATCH(deployments(DEFAULT, name, "status"), body)
                    .header(HttpHeaders.CONTENT_TYPE, contentType));
            Map<String, Object> error = reply.validationErrorAt("body");
            assertEquals("model_attributes_type", error.get("type"), contentType);
            assertEquals("Input should be a valid dictionary or object to extract fields from", error.get("msg"));
            assertEquals(body, error.get("input"));
        }
        assertEquals(1, api.getLatest(DEFAULT, name).statusHistory().size(), "nothing changed");
    }

    @Test
    void aBodyWithAJsonSuffixOrNoContentTypeIsReadAsJson() throws Exception {
        String name = unique("json-types");
        api.create(DEFAULT, name);
        api.send(HttpRequest.PATCH(deployments(DEFAULT, name, "status"), "{\"status\":\"PENDING\"}")
                .header(HttpHeaders.CONTENT_TYPE, "application/merge-patch+json")).expect(200);
        api.send(HttpRequest.POST(deployments(DEFAULT, name, "status"), "{\"status\":\"READY\"}")
                .header(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")).expect(200);
        HttpResponse<String> untyped = http().send(java.net.http.HttpRequest.newBuilder(url(deployments(DEFAULT)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + unique("no-type") + "\",\"config\":\"c\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, untyped.statusCode(), untyped.body());
    }

    private static java.net.http.HttpClient http() {
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }
}
