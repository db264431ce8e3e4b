package io.jcable.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client that reads the stream line by line, as an {@code EventSource} would
 * (the JDK's HTTP client; Chromium's own EventSource is driven by the browser tests).
 */
public final class EventStreamClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One event: its id and its data lines joined with line breaks. */
    public record Event(String id, String data) {
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventStreamClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code uri}, with a {@code Last-Event-ID} when not null. */
    public static EventStreamClient open(URI uri, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStreamClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new AssertionError("cannot open " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private void read() {
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[8192];
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines.add(bytes.toString(StandardCharsets.UTF_8));
                        bytes.reset();
                    } else {
                        bytes.write(buffer[i]);
                    }
                }
            }
        } catch (IOException e) {
            // closed
        }
        lines.add("\u0000closed");
    }

    /** The next line, waiting up to {@code wait}; fails when none comes. */
    public String nextLine(Duration wait) {
        try {
            String line = lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new AssertionError("no line within " + wait);
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next event, skipping comments and fields other than id and data. */
    public Event nextEvent() {
        String id = null;
        List<String> data = new ArrayList<>();
        while (true) {
            String line = nextLine(CableClient.WAIT);
            if (line.equals("\u0000closed")) {
                throw new AssertionError("the stream closed");
            }
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    return new Event(id, String.join("\n", data));
                }
            } else if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("data: ")) {
                data.add(line.substring(6));
            }
        }
    }

    /** Fails when an event comes within {@code quiet} (comments are fine). */
    public void expectNoEvent(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            try {
                String line = lines.poll(left, TimeUnit.NANOSECONDS);
                if (line != null && (line.startsWith("data:") || line.startsWith("id:"))) {
                    throw new AssertionError("expected no event, got " + line);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            response.body().close();
        } catch (IOException e) {
            // gone already
        }
    }
}
