package io.modeldeploy.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.Map;

/**
 * The server's logging set-up in code instead of a logback.xml: reading the XML loads about 400 classes
 * (Joran, its model and an XML parser), a fifth of a second of the server's start. Text lines by default;
 * {@code MODELDEPLOY_LOG_FORMAT=json} writes one JSON object per line. A {@code -Dlogback.configurationFile}
 * still wins: then this set-up steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ServerLogConfigurator extends ContextAwareBase implements Configurator {
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, System.getenv());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static void configure(LoggerContext context, Map<String, String> environment) {
        boolean json = "json".equals(environment.get("MODELDEPLOY_LOG_FORMAT"));
        Encoder<ILoggingEvent> encoder = json ? jsonEncoder() : textEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(json ? "json" : "text");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        for (String chatty : new String[] {"io.micronaut", "org.flywaydb", "com.zaxxer.hikari"}) {
            context.getLogger(chatty).setLevel(Level.WARN);
        }
    }

    private static Encoder<ILoggingEvent> textEncoder() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setPattern(TEXT_PATTERN);
        return encoder;
    }

    private static Encoder<ILoggingEvent> jsonEncoder() {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        return encoder;
    }
}
