package io.modeldeploy.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ServerLogConfiguratorTest {

    @Test
    void textLinesByDefaultWithQuietFrameworks() {
        LoggerContext context = new LoggerContext();
        ServerLogConfigurator.configure(context, Map.of());

        ConsoleAppender<ILoggingEvent> appender = rootAppender(context, "text");
        PatternLayoutEncoder encoder = assertInstanceOf(PatternLayoutEncoder.class, appender.getEncoder());
        assertEquals(ServerLogConfigurator.TEXT_PATTERN, encoder.getPattern());
        assertEquals(Level.INFO, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
        assertEquals(Level.WARN, context.getLogger("io.micronaut.context").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("org.flywaydb.core").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("com.zaxxer.hikari.pool").getEffectiveLevel());
        assertEquals(Level.INFO, context.getLogger("io.modeldeploy.server").getEffectiveLevel());
    }

    @Test
    void jsonObjectsWhenAsked() {
        LoggerContext context = new LoggerContext();
        ServerLogConfigurator.configure(context, Map.of("MODELDEPLOY_LOG_FORMAT", "json"));

        assertInstanceOf(JsonEncoder.class, rootAppender(context, "json").getEncoder());
    }

    @Test
    void theServersLoggingIsSetUpByIt() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        assertInstanceOf(PatternLayoutEncoder.class, rootAppender(context, "text").getEncoder());
    }

    private static ConsoleAppender<ILoggingEvent> rootAppender(LoggerContext context, String name) {
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> appender = (ConsoleAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(name);
        assertEquals(name, appender.getName());
        return appender;
    }
}
