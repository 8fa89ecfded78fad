package dev.tododesktop.client.sync;

import dev.tododesktop.client.api.TodoApiClient;
import dev.tododesktop.client.auth.AuthListener;
import dev.tododesktop.client.auth.AuthState;
import dev.tododesktop.store.session.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one user's local store in step with the sync server, from parts with one job each:
 * {@link SyncRound} pushes the outbox ({@link OutboxPush}) and pulls the server's log
 * ({@link ChangePull}); {@link RoundScheduler} decides when rounds run (debounce, single flight,
 * backoff); {@link ChangeStream} listens to the event stream so remote changes arrive within a
 * second; {@link ReconnectWatch} notices the server answering again; {@link StatusBoard} says
 * where things stand. This class wires them and follows the session.
 *
 * <h2>Threads</h2>
 * Rounds run on the scheduler's one worker thread, so two never overlap. The event stream is
 * read on a thread of its own, which only ever asks for a round; the reconnect watch has one too.
 * Callers (the UI's io thread) may edit the store at any time: the store serialises its own
 * transactions, and an edit made during a push is simply pushed by the next round. Listeners
 * are called on these engine threads.
 *
 * <h2>Sign-out</h2>
 * When the API client signs out (a refresh token the server rejected, a revoked session, logout)
 * the engine stops: no more requests, no stream, status {@link SyncStatus.Connectivity#SIGNED_OUT}.
 * The outbox is untouched. If the same user signs in again on the same client, it resumes.
 */
public final class SyncEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

    /**
     * Tunables.
     *
     * @param debounce        how long {@link #requestSync()} waits for more edits before pushing
     * @param minBackoff      the first retry delay after a failed round or a dropped stream
     * @param maxBackoff      the longest retry delay
     * @param pushBatchSize   mutations per push (the server takes at most 500)
     * @param pullPageSize    changes per pull page (the server gives at most 1000)
     * @param listenToEvents  whether to hold the event stream open
     * @param probeInterval   how often to ask the server's {@code /health} while it is unreachable
     * @param watchNetwork    whether to reconnect when the machine's network interfaces change
     */
    public record Options(Duration debounce, Duration minBackoff, Duration maxBackoff, int pushBatchSize,
                          int pullPageSize, boolean listenToEvents, RandomGenerator random, Duration probeInterval,
                          boolean watchNetwork) {
        public Options {
            Objects.requireNonNull(debounce, "debounce");
            Objects.requireNonNull(random, "random");
            if (pushBatchSize < 1 || pushBatchSize > 500) {
                throw new IllegalArgumentException("pushBatchSize must be 1..500: " + pushBatchSize);
            }
            if (pullPageSize < 1 || pullPageSize > 1000) {
                throw new IllegalArgumentException("pullPageSize must be 1..1000: " + pullPageSize);
            }
            if (probeInterval.isNegative() || probeInterval.isZero()) {
                throw new IllegalArgumentException("probeInterval must be positive: " + probeInterval);
            }
            new Backoff(minBackoff, maxBackoff, random); // validates
        }

        /**
         * A probe a second reconnects within about a second of the server answering again, so
         * the backoff only spaces out rounds the server answered badly: 30 s at most.
         */
        public static Options defaults() {
            return new Options(Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(30), 500, 1000, true,
                    RandomGenerator.getDefault(), Duration.ofSeconds(1), true);
        }

        public Options withDebounce(Duration value) {
            return new Options(value, minBackoff, maxBackoff, pushBatchSize, pullPageSize, listenToEvents, random,
                    probeInterval, watchNetwork);
        }

        public Options withBackoff(Duration min, Duration max) {
            return new Options(debounce, min, max, pushBatchSize, pullPageSize, listenToEvents, random,
                    probeInterval, watchNetwork);
        }

        public Options withBatchSizes(int push, int pull) {
            return new Options(debounce, minBackoff, maxBackoff, push, pull, listenToEvents, random,
                    probeInterval, watchNetwork);
        }

        public Options withEvents(boolean listen) {
            return new Options(debounce, minBackoff, maxBackoff, pushBatchSize, pullPageSize, listen, random,
                    probeInterval, watchNetwork);
        }

        public Options withProbeInterval(Duration interval) {
            return new Options(debounce, minBackoff, maxBackoff, pushBatchSize, pullPageSize, listenToEvents, random,
                    interval, watchNetwork);
        }

        public Options withNetworkWatch(boolean watch) {
            return new Options(debounce, minBackoff, maxBackoff, pushBatchSize, pullPageSize, listenToEvents, random,
                    probeInterval, watch);
        }
    }

    private final TodoApiClient api;
    private final UUID userId;
    private final Clock clock;
    private final Options options;
    private final StatusBoard board;
    private final RoundScheduler rounds;
    private final ChangeStream stream;
    private final ReconnectWatch reconnect;
    private final AuthListener authListener = this::authStateChanged;
    private final List<Runnable> remoteChangeListeners = new CopyOnWriteArrayList<>();

    // guarded by this
    private boolean started;
    private boolean closed;

    public SyncEngine(UserStore store, TodoApiClient api, UUID userId, Clock clock) {
        this(store, api, userId, clock, Options.defaults());
    }

    public SyncEngine(UserStore store, TodoApiClient api, UUID userId, Clock clock, Options options) {
        this(store, api, userId, clock, options, null);
    }

    /**
     * @param worker a single-threaded scheduler to run rounds on (rounds must not overlap), or
     *               null for one owned by the engine and shut down by {@link #close()}
     */
    public SyncEngine(UserStore store, TodoApiClient api, UUID userId, Clock clock, Options options,
                      ScheduledExecutorService worker) {
        Objects.requireNonNull(store, "store");
        this.api = Objects.requireNonNull(api, "api");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
        this.board = new StatusBoard(store);
        var round = new SyncRound(
                new OutboxPush(store, api.sync(), options.pushBatchSize(), this::isSignedOutOrClosed),
                new ChangePull(store, api.sync(), clock, options.pullPageSize(), this::isSignedOutOrClosed),
                this::signedInAsUs, this::isSignedOutOrClosed);
        this.rounds = new RoundScheduler(worker, options.debounce(),
                new Backoff(options.minBackoff(), options.maxBackoff(), options.random()), round::run, new RoundHooks());
        this.stream = new ChangeStream(api.sync(), new Backoff(options.minBackoff(), options.maxBackoff(), options.random()),
                this::isSignedOutOrClosed, this::signedInAsUs, new StreamEvents(store));
        this.reconnect = new ReconnectWatch(() -> api.probe().isOk(), new Reconnects());
    }

    // --- public API ------------------------------------------------------------------

    /** Syncs once, then keeps listening to the event stream; retries with backoff while offline. Idempotent. */
    public void start() {
        synchronized (this) {
            if (started || closed) {
                return;
            }
            started = true;
        }
        api.addAuthListener(authListener);
        reconnect.start(options.probeInterval(), options.watchNetwork());
        if (!signedInAsUs()) {
            enterSignedOut();
            return;
        }
        syncNow();
        startStream();
    }

    /** A local edit happened: push it soon. Calls within the debounce window share one round. */
    public void requestSync() {
        if (isSignedOutOrClosed()) {
            return;
        }
        rounds.soon();
        rounds.execute(board::publish); // the pending count changed
    }

    /**
     * Pushes everything pending, then pulls to the end, now: a retry waiting out its backoff
     * runs at once, and a dropped event stream reconnects with it. Never runs two rounds at once:
     * while a round runs, this queues one more (shared by every caller until it starts). The
     * future always completes normally; its report says whether the round got through.
     */
    public CompletableFuture<SyncReport> syncNow() {
        synchronized (this) {
            if (closed) {
                return CompletableFuture.completedFuture(stopped(SyncReport.Outcome.CLOSED, "closed"));
            }
        }
        if (board.signedOut()) {
            return CompletableFuture.completedFuture(stopped(SyncReport.Outcome.SIGNED_OUT, "signed out"));
        }
        return rounds.now().orElseGet(() -> CompletableFuture.completedFuture(stopped(SyncReport.Outcome.CLOSED, "closed")));
    }

    /** The current state, read now (pending and conflict counts come from the store). */
    public SyncStatus status() {
        return board.status();
    }

    public void addStatusListener(Consumer<SyncStatus> listener) {
        board.addListener(listener);
    }

    public void removeStatusListener(Consumer<SyncStatus> listener) {
        board.removeListener(listener);
    }

    /** Called after a round changed local data (pulled changes or adopted the server's answers). */
    public void addRemoteChangeListener(Runnable listener) {
        remoteChangeListeners.add(Objects.requireNonNull(listener));
    }

    public void removeRemoteChangeListener(Runnable listener) {
        remoteChangeListeners.remove(listener);
    }

    /**
     * Stops the stream, the reconnect watch and the worker (a round in flight gets a few seconds
     * to finish). Safe to call twice. Call it from the app's own thread, not from a listener
     * (which runs on the worker this waits for). Close the engine before the store.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        api.removeAuthListener(authListener);
        reconnect.close();
        stream.stop();
        rounds.close().ifPresent(pending -> pending.complete(stopped(SyncReport.Outcome.CLOSED, "closed")));
        stream.join();
    }

    // --- the parts' hooks ------------------------------------------------------------

    private final class RoundHooks implements RoundScheduler.Hooks {
        @Override
        public boolean mayRetry() {
            return !isSignedOutOrClosed();
        }

        @Override
        public void roundStarting() {
            board.roundStarted();
            board.publish();
        }

        @Override
        public void roundEnded(SyncRound.Result result) {
            SyncReport report = result.report();
            board.roundEnded(result, clock.instant());
            if (report.outcome() == SyncReport.Outcome.SIGNED_OUT) {
                enterSignedOut();
            }
            if (report.ok() && board.streamIsDown()) {
                stream.reconnectNow(); // the server answers: do not wait out the stream's backoff
            }
            if (report.changedLocalData()) {
                for (Runnable listener : remoteChangeListeners) {
                    try {
                        listener.run();
                    } catch (RuntimeException e) {
                        log.warn("remote change listener failed", e);
                    }
                }
            }
            board.publish();
        }
    }

    private final class StreamEvents implements ChangeStream.Events {
        private final UserStore store;

        StreamEvents(UserStore store) {
            this.store = store;
        }

        @Override
        public void ready(Optional<String> cursor) {
            // Connectivity is back, or the server moved on while we were not listening.
            if (board.streamUp() || isNewer(cursor)) {
                syncNow();
            } else {
                board.publish();
            }
        }

        @Override
        public void changed(Optional<String> cursor) {
            if (isNewer(cursor)) {
                syncNow();
            }
        }

        @Override
        public void down(String problem, boolean unreachable) {
            board.streamDown(problem, unreachable);
            board.publish();
        }

        @Override
        public void signedOut() {
            enterSignedOut();
        }

        /** Cursors are opaque: any cursor other than ours means there is something to pull. */
        private boolean isNewer(Optional<String> cursor) {
            if (cursor.isEmpty()) {
                return true;
            }
            try {
                return !cursor.equals(store.sync().cursor());
            } catch (RuntimeException storeClosed) {
                return false;
            }
        }
    }

    private final class Reconnects implements ReconnectWatch.Hints {
        @Override
        public boolean unreachable() {
            return !isSignedOutOrClosed() && board.unreachable();
        }

        @Override
        public void serverAnswers() {
            board.serverAnswered();
            rounds.resetBackoff();
            syncNow();
            stream.reconnectNow();
        }

        @Override
        public void networkChanged() {
            if (isSignedOutOrClosed()) {
                return;
            }
            rounds.resetBackoff();
            stream.restart();
            syncNow();
        }
    }

    // --- session ---------------------------------------------------------------------

    private void startStream() {
        if (options.listenToEvents() && !isSignedOutOrClosed()) {
            stream.start();
        }
    }

    private void authStateChanged(AuthState state) {
        switch (state) {
            case AuthState.SignedOut s -> enterSignedOut();
            case AuthState.SignedIn(var user) -> {
                boolean resume;
                synchronized (this) {
                    resume = started && !closed && userId.equals(user.id()) && board.resume();
                }
                if (resume) {
                    rounds.resetBackoff();
                    stream.reconnectNow();
                    syncNow();
                    startStream();
                }
            }
        }
    }

    private boolean signedInAsUs() {
        return api.authState() instanceof AuthState.SignedIn(var user) && userId.equals(user.id());
    }

    private void enterSignedOut() {
        if (!board.markSignedOut()) {
            return;
        }
        rounds.cancelTimers();
        log.info("signed out: sync stopped, pending edits kept");
        stream.stop();
        board.publish();
    }

    private boolean isSignedOutOrClosed() {
        synchronized (this) {
            if (closed) {
                return true;
            }
        }
        return board.signedOut();
    }

    private static SyncReport stopped(SyncReport.Outcome outcome, String why) {
        return new SyncReport(outcome, 0, 0, 0, 0, 0, 0, false, Duration.ZERO, Optional.of(why));
    }
}
