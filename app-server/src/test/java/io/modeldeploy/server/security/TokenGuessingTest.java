package io.modeldeploy.server.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

import java.util.List;

import static io.modeldeploy.server.security.Endpoints.assertSecurityHeaders;
import static io.modeldeploy.server.security.Endpoints.assertUnauthorized;
import static io.modeldeploy.server.security.Endpoints.bearer;
import static io.modeldeploy.server.security.TestHttp.deployments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guessing tokens, over real HTTP. The test is its own trusted proxy (loopback), so that each
 * request can come "from" the address its {@code X-Forwarded-For} names.
 */
@MicronautTest(transactional = false)
@Property(name = "modeldeploy.tokens", value = "controller:editor:" + TokenGuessingTest.CONTROLLER
        + ",dashboard:viewer:" + TokenGuessingTest.DASHBOARD)
@Property(name = "modeldeploy.trusted-proxies", value = "127.0.0.0/8, ::1")
@Timeout(60)
class TokenGuessingTest {
    static final String CONTROLLER = "controller-secret-1f6c9a3e77";
    static final String DASHBOARD = "dashboard-secret-0b4d8e2c55";
    private static final String LIST = deployments("-");

    @Inject
    EmbeddedServer server;

    private TestHttp http;
    private ListAppender<ILoggingEvent> log;

    @BeforeEach
    void setUp() {
        http = new TestHttp("127.0.0.1", server.getPort());
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(AuthenticationThrottle.class)).addAppender(log);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(AuthenticationThrottle.class)).detachAppender(log);
    }

    private TestHttp.Reply list(String from, String secret) {
        return http.get(LIST, "X-Forwarded-For", from, "Authorization", bearer(secret));
    }

    @Test
    void afterFiveFailuresAnAddressGets429ButItsWorkingClientAndOtherAddressesGoOn() {
        String guesser = "203.0.113.9";
        String neighbour = "203.0.113.10";
        assertEquals(200, list(guesser, CONTROLLER).status, "a controller that works from the guesser's address");

        for (int i = 1; i <= AuthenticationThrottle.FREE_FAILURES; i++) {
            assertUnauthorized(list(guesser, "guess-" + i), "guess " + i);
        }
        TestHttp.Reply refused = list(guesser, "guess-6");
        assertEquals(429, refused.status, refused.toString());
        assertEquals("1", refused.header("Retry-After"));
        assertTrue(refused.detail().contains(guesser) && refused.detail().contains("Retry-After"), refused.detail());
        assertSecurityHeaders(refused, "429");
        assertEquals(429, list(guesser, DASHBOARD).status,
                "a valid token never used from the locked-out address is not even checked");
        assertEquals(429, http.get(LIST, "X-Forwarded-For", guesser, "Authorization", "Basic Z3Vlc3M6Z3Vlc3M=").status,
                "nor is anything else presented");

        assertEquals(200, list(guesser, CONTROLLER).status, "the working client is not slowed down");
        assertEquals(200, list(neighbour, DASHBOARD).status, "another address is not slowed down");
        assertUnauthorized(list(neighbour, "neighbour-typo"), "another address's own failure");

        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(2, lines.size(), "one line per burst and address: " + lines);
        assertTrue(lines.get(0).contains(guesser) && lines.get(1).contains(neighbour), lines.toString());
        assertFalse(lines.stream().anyMatch(line -> line.contains("guess-") || line.contains("typo")),
                "never what was presented: " + lines);
    }

    @Test
    void theLockoutEndsByItself() throws InterruptedException {
        String guesser = "198.51.100.23";
        for (int i = 1; i <= AuthenticationThrottle.FREE_FAILURES; i++) {
            assertUnauthorized(list(guesser, "wrong-" + i), "wrong " + i);
        }
        TestHttp.Reply refused = list(guesser, CONTROLLER);
        assertEquals(429, refused.status, refused.toString());
        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 100);
        assertEquals(200, list(guesser, CONTROLLER).status, "after Retry-After a valid token is checked again");
    }

    @Test
    void forwardedForIsReadRightToLeftUpToTheFirstUntrustedHop() {
        // The test's own connection is the trusted proxy.
        assertEquals(200, http.get(LIST, "X-Forwarded-For", "127.0.0.1").status,
                "only trusted hops: the client is on loopback and needs no token");
        assertUnauthorized(http.get(LIST, "X-Forwarded-For", "127.0.0.1, 198.51.100.1, 127.0.0.2"),
                "the nearest untrusted hop is the client, whatever it claims before that");
        assertUnauthorized(http.get(LIST, "X-Forwarded-For", "198.51.100.1", "X-Forwarded-For", "127.0.0.1"),
                "several X-Forwarded-For lines are one list");
    }
}
