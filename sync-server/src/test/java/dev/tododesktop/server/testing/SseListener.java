package dev.tododesktop.server.testing;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** Reads a server-sent event stream on a background thread into a queue of events and comments. */
public final class SseListener implements AutoCloseable {

    /** An event ({@code name} + {@code data}), or a comment line (name {@code ":"}), or the end of the stream (name {@code "EOF"}). */
    public record Event(String name, String data) {}

    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .readTimeout(Duration.ZERO)
            .retryOnConnectionFailure(false)
            .build();

    private final Call call;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile int status;

    private SseListener(Call call) {
        this.call = call;
    }

    public static SseListener open(URI base, String path, String token) {
        var request = new Request.Builder().url(base.resolve(path).toString()).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var listener = new SseListener(CLIENT.newCall(request.build()));
        var started = new java.util.concurrent.CountDownLatch(1);
        Thread.ofVirtual().start(() -> listener.read(started));
        try {
            started.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return listener;
    }

    private void read(java.util.concurrent.CountDownLatch started) {
        try (var response = call.execute()) {
            status = response.code();
            started.countDown();
            var source = response.body().source();
            String name = "message";
            var data = new StringBuilder();
            String line;
            while ((line = source.readUtf8Line()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    events.add(new Event(":", line.substring(1).strip()));
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) data.append('\n');
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // closed by us or by the server: reported as EOF below
        } finally {
            started.countDown();
            events.add(new Event("EOF", ""));
        }
    }

    public int status() {
        return status;
    }

    /** The next event that is not a comment, or null after {@code timeout}. */
    public Event next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return null;
            var e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) return null;
            if (!e.name().equals(":")) return e;
        }
    }

    /** The next line of any kind, comments included. */
    public Event nextAny(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        call.cancel();
    }
}
