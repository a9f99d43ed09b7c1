package io.modeldeploy.server.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpResponseReaderTest {

    private static HttpResponseReader reader(String bytes) {
        return new HttpResponseReader(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsContentLengthBodiesBackToBackOnOneConnection() throws IOException {
        HttpResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Length: 5\r\ncontent-type: text/plain\r\n\r\nhello"
                + "HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\n\r\n{}");
        HttpResponseReader.Response first = reader.read();
        assertEquals(200, first.status());
        assertEquals("hello", first.bodyText());
        assertFalse(first.close());
        HttpResponseReader.Response second = reader.read();
        assertEquals(404, second.status());
        assertEquals("{}", second.bodyText());
        assertThrows(EOFException.class, reader::read);
    }

    @Test
    void readsChunkedBodiesWithExtensionsAndTrailers() throws IOException {
        HttpResponseReader reader = reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4\r\nWiki\r\n6;name=value\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nX-Trailer: yes\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 1\r\n\r\nx");
        assertEquals("Wikipedia in \r\n\r\nchunks.", reader.read().bodyText());
        assertEquals(201, reader.read().status());
    }

    @Test
    void chunkedBodyLargerThanTheReadBuffer() throws IOException {
        String big = "x".repeat(200_000);
        HttpResponseReader reader = reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(big.length()) + "\r\n" + big + "\r\n1\r\ny\r\n0\r\n\r\n");
        assertEquals(big + "y", reader.read().bodyText());
    }

    @Test
    void bodyArrivingOneByteAtATime() throws IOException {
        byte[] bytes = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII);
        InputStream trickle = new InputStream() {
            private int next;

            @Override
            public int read() {
                return next < bytes.length ? bytes[next++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (next >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[next++];
                return 1;
            }
        };
        assertEquals("abc", new HttpResponseReader(trickle).read().bodyText());
    }

    @Test
    void connectionCloseAndHttp10AndBodyToEndOfStream() throws IOException {
        assertTrue(reader("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").read().close());
        assertTrue(reader("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").read().close());
        assertFalse(reader("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n").read().close());
        HttpResponseReader.Response unframed = reader("HTTP/1.1 200 OK\r\n\r\nto the end").read();
        assertEquals("to the end", unframed.bodyText());
        assertTrue(unframed.close());
    }

    @Test
    void skipsInterimResponsesAndReadsNoBodyFor204() throws IOException {
        HttpResponseReader reader = reader("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nContent-Length: 9\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        HttpResponseReader.Response noContent = reader.read();
        assertEquals(204, noContent.status());
        assertEquals(0, noContent.body().length);
        assertEquals("ok", reader.read().bodyText());
    }

    @Test
    void malformedOrTruncatedResponsesAreErrors() {
        assertThrows(IOException.class, () -> reader("SPDY/3 200 OK\r\n\r\n").read());
        assertThrows(IOException.class, () -> reader("HTTP/1.1 2000 OK\r\n\r\n").read());
        assertThrows(IOException.class, () -> reader("HTTP/1.1 200 OK\r\nno colon\r\n\r\n").read());
        assertThrows(IOException.class, () -> reader("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n").read());
        assertThrows(IOException.class, () -> reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n").read());
        assertThrows(IOException.class, () -> reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n").read());
        assertThrows(EOFException.class, () -> reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort").read());
        assertThrows(EOFException.class, () -> reader("HTTP/1.1 200 OK\r\nContent-Le").read());
    }
}
