package io.modeldeploy.server.demo;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Demo mode ({@code modeldeploy.demo.enabled}, set by {@code --demo}, {@code --no-demo} or the
 * environment variable MODELDEPLOY_DEMO_ENABLED): seed a new database with the demo fleet and run
 * the demo controller, which can then be stopped, started and paced over the API.
 */
@Singleton
public class DemoSettings {
    public static final Duration DEFAULT_PACE = Duration.ofSeconds(3);

    private final boolean enabled;
    private volatile boolean running;
    private volatile Duration pace;

    public DemoSettings(@Value("${modeldeploy.demo.enabled:false}") boolean enabled,
                        @Value("${modeldeploy.demo.controller:true}") boolean controllerOnStart,
                        @Value("${modeldeploy.demo.pace:3s}") Duration pace) {
        this.enabled = enabled;
        this.running = enabled && controllerOnStart;
        this.pace = pace;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean running() {
        return running;
    }

    public Duration pace() {
        return pace;
    }

    void setRunning(boolean value) {
        running = value;
    }

    void setPace(Duration value) {
        pace = value;
    }
}
