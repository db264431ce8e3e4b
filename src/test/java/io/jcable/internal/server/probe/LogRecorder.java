package io.jcable.internal.server.probe;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Keeps what JCable logs (INFO and above, or everything while verbose) for the tests to read over HTTP. System.Logger reaches
 * java.util.logging on every runtime: the JDK's, JBoss LogManager on WildFly, Payara's.
 */
final class LogRecorder extends Handler {

    private static final SimpleFormatter FORMATTER = new SimpleFormatter();
    private final Logger logger = Logger.getLogger("io.jcable");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Level configured = logger.getLevel();

    LogRecorder() {
        setLevel(Level.INFO);
        logger.addHandler(this);
    }

    /** Records every level, DEBUG and TRACE included, or INFO and above again with the logger as configured. */
    void verbose(boolean on) {
        logger.setLevel(on ? Level.ALL : configured);
        setLevel(on ? Level.ALL : Level.INFO);
    }

    /** {@code [{"level":"INFO","message":"...","thrown":"java.lang.X" or null,"cause":...}]} */
    JsonArray records() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (LogRecord record : records) {
            Throwable thrown = record.getThrown();
            array.add(Json.createObjectBuilder()
                    .add("level", record.getLevel().getName())
                    .add("logger", String.valueOf(record.getLoggerName()))
                    .add("message", FORMATTER.formatMessage(record))
                    .add("thrown", thrown == null ? "" : thrown.getClass().getName())
                    .add("cause", thrown == null || thrown.getCause() == null ? "" : thrown.getCause().getClass().getName()));
        }
        return array.build();
    }

    void clear() {
        records.clear();
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        verbose(false);
        logger.removeHandler(this);
    }
}
