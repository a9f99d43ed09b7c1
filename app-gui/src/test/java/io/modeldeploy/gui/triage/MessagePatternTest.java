package io.modeldeploy.gui.triage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The shape of a message: what differs between deployments is left out, the words stay. */
class MessagePatternTest {

    @Test
    void readinessProbeFailuresOfSixPodsHaveOneShape() {
        List<String> messages = List.of(
                "Readiness probe failed: pod llama-3-8b-7f9c6d8b5-x2k4q: HTTP 503",
                "Readiness probe failed: pod llama-3-8b-7f9c6d8b5-h8z2n: HTTP 503",
                "Readiness probe failed: pod mistral-7b-5d4c8f9b7-q9w2x: HTTP 503",
                "Readiness probe failed: pod qwen2.5-coder-6b8d9c7f5-zx7vb: HTTP 502",
                "Readiness probe failed: pod e5-mistral-7b-84f6d9c5b-m4k2p: HTTP 503",
                "Readiness probe failed:  pod phi-3-mini-7bc9d5f8d-t5r6w:   HTTP 503");
        assertEquals(1, messages.stream().map(MessagePattern::of).distinct().count(),
                messages.stream().map(MessagePattern::of).toList().toString());
        assertEquals("Readiness probe failed: pod <pod>: HTTP #", MessagePattern.of(messages.get(0)));
    }

    @Test
    void numbersHashesAndUuidsAreLeftOut() {
        assertEquals("OOMKilled after # restarts (limit #Gi)", MessagePattern.of("OOMKilled after 12 restarts (limit 16Gi)"));
        assertEquals("image <hash> not found", MessagePattern.of("image sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 not found"));
        assertEquals("commit <hash> failed", MessagePattern.of("commit 3fa9c1e failed"));
        assertEquals("request <hash> timed out",
                MessagePattern.of("request 123e4567-e89b-12d3-a456-426614174000 timed out"));
        assertEquals("node # unreachable since #", MessagePattern.of("node 10.0.3.17 unreachable since 10:05:12"));
        assertEquals(MessagePattern.of("GPU 0 out of memory"), MessagePattern.of("GPU 3 out of memory"));
    }

    @Test
    void wordsStayAndDifferentWordsMakeDifferentShapes() {
        assertEquals("Pulling image", MessagePattern.of("Pulling image"));
        assertEquals("pod llama-ready", MessagePattern.of("pod llama-ready"), "a word after a dash is not a suffix");
        assertEquals("feed deadbeef", MessagePattern.of("feed deadbeef"), "hex-looking words without a digit stay");
        assertNotEquals(MessagePattern.of("CrashLoopBackOff: pod a-7f9c6d8b5-x2k4q"),
                MessagePattern.of("ImagePullBackOff: pod a-7f9c6d8b5-x2k4q"));
        assertEquals("pod <pod> evicted", MessagePattern.of("pod job-x2k4q evicted"), "a single random suffix (job or daemon set pod)");
    }

    @Test
    void noMessageIsTheEmptyShape() {
        assertEquals("", MessagePattern.of(null));
        assertEquals("", MessagePattern.of("   "));
    }
}
