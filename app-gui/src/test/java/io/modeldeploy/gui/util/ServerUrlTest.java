package io.modeldeploy.gui.util;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Base URLs as people type them: the same rule for --server and File ▸ Connect to server…. */
class ServerUrlTest {

    @Test
    void spacesAndTrailingSlashesAreDroppedAndAPathPrefixIsKept() {
        assertEquals(URI.create("http://127.0.0.1:8080"), ServerUrl.parse(" http://127.0.0.1:8080// "));
        assertEquals(URI.create("https://gw.example.com/modeldeploy"),
                ServerUrl.parse("https://gw.example.com/modeldeploy/"));
        assertEquals(URI.create("HTTP://[::1]:8080"), ServerUrl.parse("HTTP://[::1]:8080"));
        assertNull(ServerUrl.problem("http://models"));
    }

    @Test
    void eachProblemIsOneSentence() {
        assertEquals("Enter the server's address, such as http://127.0.0.1:8080.", ServerUrl.problem(" / "));
        assertEquals("Start with http:// or https://, such as http://127.0.0.1:8080.", ServerUrl.problem("localhost"));
        assertEquals("Start with http:// or https://, such as http://127.0.0.1:8080.", ServerUrl.problem("ws://h:1"));
        assertEquals("Add the server's host name, such as http://127.0.0.1:8080.", ServerUrl.problem("http://:8080"));
        assertEquals("Enter the server's base URL only, without ? or #.", ServerUrl.problem("http://h:1#top"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerUrl.parse("http://a b"));
        assertEquals("Not a valid URL: Illegal character in authority.", e.getMessage());
    }

    @Test
    void anApiUrlPastedWholeGivesItsBaseUrl() {
        assertEquals(Optional.of(URI.create("http://host:8080")),
                ServerUrl.baseOfApiUrl("http://host:8080/apis/models/v2/workspaces/-/deployments"));
        assertEquals(Optional.of(URI.create("https://gw.example.com/modeldeploy")),
                ServerUrl.baseOfApiUrl(" https://gw.example.com/modeldeploy/apis/models/v2/workspaces/a/deployments?page=2 "));
        assertEquals(Optional.of(URI.create("http://host:8080")), ServerUrl.baseOfApiUrl("http://host:8080/apis/"));
        assertEquals(Optional.empty(), ServerUrl.baseOfApiUrl("http://host:8080"));
        assertEquals(Optional.empty(), ServerUrl.baseOfApiUrl("http://host:8080/modeldeploy"));
        assertEquals(Optional.empty(), ServerUrl.baseOfApiUrl("localhost:8080/apis/models"));
    }
}
