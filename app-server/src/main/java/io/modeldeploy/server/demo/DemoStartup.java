package io.modeldeploy.server.demo;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** In demo mode, a new database gets the demo fleet before the server takes its first request. */
@Singleton
public class DemoStartup implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoStartup.class);

    private final DemoSettings settings;
    private final DemoDataService demoData;

    public DemoStartup(DemoSettings settings, DemoDataService demoData) {
        this.settings = settings;
        this.demoData = demoData;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (settings.enabled() && demoData.seedIfNew()) {
            LOG.info("Demo mode: seeded a new database with the demo fleet");
        }
    }
}
