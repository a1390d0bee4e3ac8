package org.herald.tagger.evaluation;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * The commands run without Spring, so Logback has its default configuration: everything
 * at DEBUG on standard output, where it would mix with the table or the JSON. The
 * commands log warnings and errors only, and the model's libraries (DJL, LangChain4j)
 * errors only.
 */
final class CommandLogging {

    private CommandLogging() {
    }

    static void quiet() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            context.getLogger("ai.djl").setLevel(Level.ERROR);
            context.getLogger("dev.langchain4j").setLevel(Level.ERROR);
        }
    }

}
