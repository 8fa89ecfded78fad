package dev.tododesktop.client.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tododesktop.client.api.EventStream;
import dev.tododesktop.client.api.SyncApi;
import dev.tododesktop.contract.ApiJson;
import dev.tododesktop.contract.sync.CursorEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the server's event stream open on a thread of its own ({@code sync-events}), so remote
 * changes are pulled within a second; reconnects with backoff when it drops. It only reports
 * what it hears: the engine decides what to do about it.
 */
final class ChangeStream {

    private static final Logger log = LoggerFactory.getLogger(ChangeStream.class);
    private static final ObjectMapper JSON = ApiJson.mapper();

    /** What the stream tells the engine, on the stream's thread. */
    interface Events {
        /** Connected; {@code cursor} is the server's newest. */
        void ready(Optional<String> cursor);

        /** This user's data changed on the server. */
        void changed(Optional<String> cursor);

        /** The stream dropped or was refused; it reconnects after a backoff. */
        void down(String problem, boolean unreachable);

        /** The session is over (no user, or a 401 after sign-out): the stream stops. */
        void signedOut();
    }

    private final SyncApi api;
    private final Backoff backoff;
    private final BooleanSupplier stopped;
    private final BooleanSupplier signedInAsUs;
    private final Events events;

    // guarded by this
    private Thread thread;
    private EventStream current;
    private boolean wakeUp;

    ChangeStream(SyncApi api, Backoff backoff, BooleanSupplier stopped, BooleanSupplier signedInAsUs, Events events) {
        this.api = api;
        this.backoff = backoff;
        this.stopped = stopped;
        this.signedInAsUs = signedInAsUs;
        this.events = events;
    }

    /** Starts the stream's thread unless it runs already. */
    synchronized void start() {
        if (stopped.getAsBoolean() || (thread != null && thread.isAlive())) {
            return;
        }
        thread = new Thread(this::loop, "sync-events");
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends a wait between attempts now and forgets the backoff: the server answers again. */
    synchronized void reconnectNow() {
        backoff.reset();
        wakeUp = true;
        notifyAll();
    }

    /**
     * Drops the connection (it may be dead without knowing: the network changed) and
     * reconnects at once.
     */
    void restart() {
        reconnectNow();
        cancelCurrent();
    }

    /** Ends the connection and any wait; the thread ends once {@code stopped} says so. */
    void stop() {
        cancelCurrent();
    }

    private void cancelCurrent() {
        EventStream stream;
        synchronized (this) {
            stream = current;
            notifyAll();
        }
        if (stream != null) {
            stream.cancel();
        }
    }

    /** Waits up to 2 s for the thread to end (after {@link #stop()}). */
    void join() {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (!stopped.getAsBoolean()) {
            Optional<EventStream> maybeStream = api.events();
            if (maybeStream.isEmpty()) {
                events.signedOut();
                return;
            }
            EventStream stream = maybeStream.get();
            synchronized (this) {
                if (stopped.getAsBoolean()) {
                    return;
                }
                current = stream;
            }
            String problem;
            boolean unreachable = false;
            try {
                switch (stream.read(this::onEvent)) {
                    case EventStream.End.Ended ended -> problem = "event stream ended";
                    case EventStream.End.Answered(int status) -> {
                        if (status == 401 && !signedInAsUs.getAsBoolean()) {
                            events.signedOut();
                            return;
                        }
                        problem = "event stream answered " + status;
                    }
                    case EventStream.End.Broken(String why) -> {
                        problem = "event stream: " + why;
                        unreachable = true;
                    }
                }
            } finally {
                synchronized (this) {
                    current = null;
                }
            }
            if (stopped.getAsBoolean()) {
                return;
            }
            Duration wait;
            synchronized (this) {
                wait = backoff.nextDelay();
            }
            events.down(problem, unreachable);
            log.info("{}, reconnecting in {} ms", problem, wait.toMillis());
            pause(wait);
        }
    }

    private void onEvent(String type, String data) {
        Optional<String> cursor;
        try {
            cursor = Optional.ofNullable(JSON.readValue(data, CursorEvent.class).cursor());
        } catch (IOException | RuntimeException e) {
            cursor = Optional.empty();
        }
        switch (type) {
            case "ready" -> {
                synchronized (this) {
                    backoff.reset();
                    wakeUp = false;
                }
                events.ready(cursor);
            }
            case "changed" -> events.changed(cursor);
            default -> { }
        }
    }

    private synchronized void pause(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long left;
        while (!wakeUp && !stopped.getAsBoolean() && (left = deadline - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        wakeUp = false;
    }
}
