package io.modeldeploy.server.bench;

/**
 * A failure the benchmark explains in its message (a bad option, a server that does not start,
 * lost writes). It has no stack trace: Maven prints it, and a trace would only bury the message.
 */
final class BenchFailure extends RuntimeException {
    BenchFailure(String message) {
        super(message, null, false, false);
    }
}
