package dev.tododesktop.client.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When rounds run: on one worker thread, so two never overlap. {@link #now()} while a round runs
 * queues exactly one more (shared by every caller until it starts); {@link #soon()} waits out a
 * debounce window first; a round that failed is retried after a backoff (or the server's
 * {@code Retry-After}), and any round that starts meanwhile is that retry.
 */
final class RoundScheduler {

    private static final Logger log = LoggerFactory.getLogger(RoundScheduler.class);

    /** The engine's side of a round. */
    interface Hooks {
        /** Whether failed rounds may still be retried (not closed, not signed out). */
        boolean mayRetry();

        void roundStarting();

        /** After the retry (if any) is scheduled, before the round's future completes. */
        void roundEnded(SyncRound.Result result);
    }

    private final ScheduledExecutorService worker;
    private final boolean ownsWorker;
    private final Duration debounce;
    private final Backoff backoff;
    private final Supplier<SyncRound.Result> round;
    private final Hooks hooks;

    // guarded by this
    private CompletableFuture<SyncReport> queued;
    private ScheduledFuture<?> debounced;
    private ScheduledFuture<?> retry;
    private boolean closed;

    /** @param worker a single-threaded scheduler, or null for one owned here and shut down by {@link #close()} */
    RoundScheduler(ScheduledExecutorService worker, Duration debounce, Backoff backoff,
                   Supplier<SyncRound.Result> round, Hooks hooks) {
        this.ownsWorker = worker == null;
        this.worker = worker != null ? worker : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync-worker");
            t.setDaemon(true);
            return t;
        });
        this.debounce = debounce;
        this.backoff = backoff;
        this.round = round;
        this.hooks = hooks;
    }

    /**
     * A round as soon as the worker is free; empty when this scheduler is closed. The future
     * always completes normally.
     */
    Optional<CompletableFuture<SyncReport>> now() {
        CompletableFuture<SyncReport> future;
        synchronized (this) {
            if (closed) {
                return Optional.empty();
            }
            if (queued != null) {
                return Optional.of(queued);
            }
            future = new CompletableFuture<>();
            queued = future;
        }
        if (!execute(this::runQueued)) {
            synchronized (this) {
                queued = null;
            }
            return Optional.empty();
        }
        return Optional.of(future);
    }

    /** A round after the debounce window; calls within it share the round. Waits for a pending retry instead. */
    synchronized void soon() {
        if (closed) {
            return;
        }
        boolean waitingForRetry = retry != null && !retry.isDone();
        if (!waitingForRetry && (debounced == null || debounced.isDone())) {
            debounced = schedule(() -> {
                synchronized (this) {
                    debounced = null;
                }
                now();
            }, debounce);
        }
    }

    /** The server is back: the next failure starts the backoff from its shortest delay. */
    void resetBackoff() {
        synchronized (this) {
            backoff.reset();
        }
    }

    /** Drops the debounced round and the retry (sign-out); a round already queued still runs. */
    synchronized void cancelTimers() {
        cancel(debounced);
        cancel(retry);
    }

    /** Runs {@code task} on the worker, if it still takes work. */
    boolean execute(Runnable task) {
        try {
            worker.execute(task);
            return true;
        } catch (RejectedExecutionException shutDown) {
            return false;
        }
    }

    /**
     * Stops the timers and the worker (a round in flight gets a few seconds to finish); answers
     * the round that was queued and will not run, for the caller to complete.
     */
    Optional<CompletableFuture<SyncReport>> close() {
        CompletableFuture<SyncReport> pending;
        synchronized (this) {
            closed = true;
            cancel(debounced);
            cancel(retry);
            pending = queued;
            queued = null;
        }
        if (ownsWorker) {
            worker.shutdown();
            try {
                if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                    worker.shutdownNow();
                    worker.awaitTermination(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                worker.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        return Optional.ofNullable(pending);
    }

    private void runQueued() {
        CompletableFuture<SyncReport> future;
        synchronized (this) {
            future = queued;
            queued = null;
            if (future == null) {
                return; // closed meanwhile
            }
            cancel(retry); // this round is the retry
            retry = null;
        }
        hooks.roundStarting();
        SyncRound.Result result = round.get();
        scheduleRetry(result);
        hooks.roundEnded(result);
        future.complete(result.report());
    }

    private void scheduleRetry(SyncRound.Result result) {
        SyncReport report = result.report();
        switch (report.outcome()) {
            case OK -> resetBackoff();
            case OFFLINE, FAILED -> {
                if (!hooks.mayRetry()) {
                    return;
                }
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    Duration wait = result.retryAfter().filter(d -> !d.isNegative()).orElseGet(backoff::nextDelay);
                    log.info("sync round {} ({}), retry in {} ms", report.outcome(), report.error().orElse(""),
                            wait.toMillis());
                    cancel(retry);
                    retry = schedule(this::now, wait);
                }
            }
            case SIGNED_OUT, CLOSED -> { }
        }
    }

    private ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        try {
            return worker.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shutDown) {
            return null;
        }
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}
