package io.jcable.internal.standalone;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * One line per event on the console ({@code 2026-12-03 08:30:00.123 INFO io.jcable...: message}),
 * instead of java.util.logging's default of two. Only when the application left java.util.logging
 * as the JDK configures it: no {@code java.util.logging.config.file} or {@code .config.class}, no
 * {@code java.util.logging.SimpleFormatter.format}, the JDK's own LogManager; then only the root
 * logger's console handlers that still have their plain {@link SimpleFormatter} are changed.
 */
final class OneLineLogging {

    private OneLineLogging() {
    }

    /** True once the console has been given the one-line format: java.util.logging is the JDK's, as it comes. */
    private static volatile boolean installed;

    static void install() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null
                || System.getProperty("java.util.logging.SimpleFormatter.format") != null
                || LogManager.getLogManager().getClass() != LogManager.class) {
            return;
        }
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler instanceof ConsoleHandler && handler.getFormatter().getClass() == SimpleFormatter.class) {
                handler.setFormatter(new Line());
                installed = true;
            }
        }
    }

    /**
     * Logs a line of a stop at INFO. When the JVM exits, java.util.logging's own shutdown hook
     * removes every handler, and shutdown hooks run in any order: the stop's lines were lost. So,
     * where JCable set up the console itself and the handlers are gone, the line goes to
     * {@code System.err} in the same format.
     */
    static void stopLine(System.Logger log, String message) {
        if (installed && Logger.getLogger("").getHandlers().length == 0) {
            LogRecord record = new LogRecord(java.util.logging.Level.INFO, message);
            record.setLoggerName(log.getName());
            System.err.print(new Line().format(record));
            System.err.flush();
        } else {
            log.log(System.Logger.Level.INFO, message);
        }
    }

    /** The record's time, level, logger and message on one line; a stack trace, when there is one, below it. */
    static final class Line extends Formatter {
        @Override
        public String format(LogRecord record) {
            ZonedDateTime time = ZonedDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault());
            String line = String.format("%1$tF %1$tT.%1$tL %2$s %3$s: %4$s%n", time,
                    record.getLevel().getLocalizedName(), record.getLoggerName(), formatMessage(record));
            if (record.getThrown() == null) {
                return line;
            }
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            return line + trace;
        }
    }
}
