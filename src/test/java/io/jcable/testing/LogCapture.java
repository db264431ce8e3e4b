package io.jcable.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what JCable logs (System.Logger goes to java.util.logging here), to assert on log lines. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("io.jcable");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** Records at INFO or above, as formatted lines. */
    public List<LogRecord> records() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue()).toList();
    }

    public List<String> lines() {
        return records().stream().map(LogCapture::format).toList();
    }

    public void clear() {
        records.clear();
    }

    public static String format(LogRecord record) {
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        if (parameters != null && parameters.length > 0) {
            message = java.text.MessageFormat.format(message, parameters);
        }
        return record.getLevel() + " " + message;
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
