package dev.tododesktop.client.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.api.TodoApiClient;
import dev.tododesktop.client.auth.AuthListener;
import dev.tododesktop.client.auth.AuthState;
import dev.tododesktop.contract.ApiJson;
import dev.tododesktop.contract.Problem;
import dev.tododesktop.contract.sync.CursorEvent;
import dev.tododesktop.contract.sync.SyncPullResponse;
import dev.tododesktop.contract.sync.SyncPushRequest;
import dev.tododesktop.contract.sync.SyncPushResponse;
import dev.tododesktop.store.outbox.Mutation;
import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.sync.MutationResult;
import dev.tododesktop.store.sync.ServerTask;
import dev.tododesktop.store.tasks.TaskQuery;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one user's local store in step with the sync server: pushes the outbox in order, pulls
 * changes to the end of the server's log, listens to the event stream so remote changes arrive
 * within a second, and retries with backoff while the server cannot be reached.
 *
 * <h2>Threads</h2>
 * Every sync round runs on one worker thread owned by the engine, so two rounds never overlap;
 * {@link #syncNow()} while a round runs queues exactly one more round after it (more calls share
 * that queued round). The event stream is read on a second thread of its own, which only ever
 * asks the worker for a round. Callers (the UI's io thread) may edit the store at any time: the
 * store serialises its own transactions, and an edit made during a push is simply pushed by the
 * next round. Listeners are called on these engine threads.
 *
 * <h2>Sign-out</h2>
 * When the API client signs out (a refresh token the server rejected, a revoked session, logout)
 * the engine stops: no more requests, no stream, status {@link SyncStatus.Connectivity#SIGNED_OUT}.
 * The outbox is untouched. If the same user signs in again on the same client, it resumes.
 */
public final class SyncEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    private static final ObjectMapper JSON = ApiJson.mapper();

    /**
     * Tunables.
     *
     * @param debounce        how long {@link #requestSync()} waits for more edits before pushing
     * @param minBackoff      the first retry delay after a failed round or a dropped stream
     * @param maxBackoff      the longest retry delay
     * @param pushBatchSize   mutations per push (the server takes at most 500)
     * @param pullPageSize    changes per pull page (the server gives at most 1000)
     * @param listenToEvents  whether to hold the event stream open
     */
    public record Options(Duration debounce, Duration minBackoff, Duration maxBackoff, int pushBatchSize,
                          int pullPageSize, boolean listenToEvents, RandomGenerator random) {
        public Options {
            Objects.requireNonNull(debounce, "debounce");
            Objects.requireNonNull(random, "random");
            if (pushBatchSize < 1 || pushBatchSize > 500) {
                throw new IllegalArgumentException("pushBatchSize must be 1..500: " + pushBatchSize);
            }
            if (pullPageSize < 1 || pullPageSize > 1000) {
                throw new IllegalArgumentException("pullPageSize must be 1..1000: " + pullPageSize);
            }
            new Backoff(minBackoff, maxBackoff, random); // validates
        }

        public static Options defaults() {
            return new Options(Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(60), 500, 1000, true,
                    RandomGenerator.getDefault());
        }

        public Options withDebounce(Duration value) {
            return new Options(value, minBackoff, maxBackoff, pushBatchSize, pullPageSize, listenToEvents, random);
        }

        public Options withBackoff(Duration min, Duration max) {
            return new Options(debounce, min, max, pushBatchSize, pullPageSize, listenToEvents, random);
        }

        public Options withBatchSizes(int push, int pull) {
            return new Options(debounce, minBackoff, maxBackoff, push, pull, listenToEvents, random);
        }

        public Options withEvents(boolean listen) {
            return new Options(debounce, minBackoff, maxBackoff, pushBatchSize, pullPageSize, listen, random);
        }
    }

    private final UserStore store;
    private final TodoApiClient api;
    private final UUID userId;
    private final Clock clock;
    private final Options options;
    private final ScheduledExecutorService worker;
    private final boolean ownsWorker;
    private final Backoff backoff;
    private final Backoff streamBackoff;
    private final AuthListener authListener = this::authStateChanged;
    private final List<Consumer<SyncStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> remoteChangeListeners = new CopyOnWriteArrayList<>();
    private final Object publishLock = new Object();

    // guarded by this
    private boolean started;
    private boolean closed;
    private boolean signedOut;
    private boolean syncing;
    private boolean lastRoundOffline;
    private boolean streamDown;
    private Optional<Instant> lastSyncedAt = Optional.empty();
    private Optional<String> lastError = Optional.empty();
    private CompletableFuture<SyncReport> queued;
    private ScheduledFuture<?> debounced;
    private ScheduledFuture<?> retry;
    private Thread streamThread;
    private Call streamCall;

    // worker thread only
    private Optional<Duration> retryAfter = Optional.empty();

    // publishLock
    private SyncStatus lastPublished;

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
        this.store = Objects.requireNonNull(store, "store");
        this.api = Objects.requireNonNull(api, "api");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
        this.ownsWorker = worker == null;
        this.worker = worker != null ? worker : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync-worker");
            t.setDaemon(true);
            return t;
        });
        this.backoff = new Backoff(options.minBackoff(), options.maxBackoff(), options.random());
        this.streamBackoff = new Backoff(options.minBackoff(), options.maxBackoff(), options.random());
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
        if (!signedInAsUs()) {
            enterSignedOut();
            return;
        }
        syncNow();
        startStream();
    }

    /** A local edit happened: push it soon. Calls within the debounce window share one round. */
    public void requestSync() {
        synchronized (this) {
            if (closed || signedOut) {
                return;
            }
            boolean waitingForRetry = retry != null && !retry.isDone();
            if (!waitingForRetry && (debounced == null || debounced.isDone())) {
                debounced = schedule(() -> {
                    synchronized (this) {
                        debounced = null;
                    }
                    syncNow();
                }, options.debounce());
            }
        }
        execute(this::publishStatus); // the pending count changed
    }

    /**
     * Pushes everything pending, then pulls to the end. Never runs two rounds at once: while a
     * round runs, this queues one more (shared by every caller until it starts). The future
     * always completes normally; its report says whether the round got through.
     */
    public CompletableFuture<SyncReport> syncNow() {
        CompletableFuture<SyncReport> future;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.completedFuture(stopped(SyncReport.Outcome.CLOSED, "closed"));
            }
            if (signedOut) {
                return CompletableFuture.completedFuture(stopped(SyncReport.Outcome.SIGNED_OUT, "signed out"));
            }
            if (queued != null) {
                return queued;
            }
            future = new CompletableFuture<>();
            queued = future;
        }
        if (!execute(this::runQueuedRound)) {
            synchronized (this) {
                queued = null;
            }
            future.complete(stopped(SyncReport.Outcome.CLOSED, "closed"));
        }
        return future;
    }

    /** The current state, read now (pending and conflict counts come from the store). */
    public SyncStatus status() {
        return computeStatus();
    }

    public void addStatusListener(Consumer<SyncStatus> listener) {
        statusListeners.add(Objects.requireNonNull(listener));
    }

    public void removeStatusListener(Consumer<SyncStatus> listener) {
        statusListeners.remove(listener);
    }

    /** Called after a round changed local data (pulled changes or adopted the server's answers). */
    public void addRemoteChangeListener(Runnable listener) {
        remoteChangeListeners.add(Objects.requireNonNull(listener));
    }

    public void removeRemoteChangeListener(Runnable listener) {
        remoteChangeListeners.remove(listener);
    }

    /**
     * Stops the stream and the worker (a round in flight gets a few seconds to finish). Safe to
     * call twice. Call it from the app's own thread, not from a listener (which runs on the worker
     * this waits for). Close the engine before the store.
     */
    @Override
    public void close() {
        Call call;
        Thread stream;
        CompletableFuture<SyncReport> pending;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            cancel(debounced);
            cancel(retry);
            call = streamCall;
            stream = streamThread;
            pending = queued;
            queued = null;
            notifyAll();
        }
        api.removeAuthListener(authListener);
        if (call != null) {
            call.cancel();
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
        if (pending != null) {
            pending.complete(stopped(SyncReport.Outcome.CLOSED, "closed"));
        }
        if (stream != null && stream != Thread.currentThread()) {
            try {
                stream.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // --- rounds ----------------------------------------------------------------------

    private void runQueuedRound() {
        CompletableFuture<SyncReport> future;
        synchronized (this) {
            future = queued;
            queued = null;
            if (future == null) {
                return; // closed meanwhile
            }
            cancel(retry); // this round is the retry
            retry = null;
            syncing = true;
        }
        publishStatus();
        SyncReport report;
        long startNanos = System.nanoTime();
        try {
            report = runRound(startNanos);
        } catch (RuntimeException e) {
            // A store failure (disk full, store closed under us): report it, retry later.
            log.warn("sync round failed: {}", e.toString());
            report = failure(SyncReport.Outcome.FAILED, "local store: " + e.getClass().getSimpleName(), startNanos,
                    new Counts());
        }
        afterRound(report);
        future.complete(report);
    }

    private static final class Counts {
        int pushed;
        int duplicates;
        int conflicts;
        int invalid;
        int pulled;
        int pages;
        boolean fullResync;
    }

    private SyncReport runRound(long startNanos) {
        retryAfter = Optional.empty();
        Counts counts = new Counts();
        if (isSignedOutOrClosed() || !signedInAsUs()) {
            return failure(SyncReport.Outcome.SIGNED_OUT, "signed out", startNanos, counts);
        }
        // Push in batches until the outbox is empty. Each push also acknowledges the answers
        // stored since the last one, so the server can forget them (docs/sync.md, "Answers").
        while (true) {
            List<Mutation> batch = store.sync().nextBatch(options.pushBatchSize());
            if (batch.isEmpty()) {
                break;
            }
            List<UUID> acknowledged = store.sync().answersToAcknowledge(SyncPushRequest.MAX_ACKNOWLEDGED);
            ApiResult<SyncPushResponse> answer = api.sync().push(
                    new SyncPushRequest(batch.stream().map(Wire::toContract).toList(), acknowledged));
            if (!(answer instanceof ApiResult.Ok<SyncPushResponse>(SyncPushResponse response))) {
                return failure(answer, startNanos, counts);
            }
            List<MutationResult> results = response.results().stream().map(Wire::toStore).toList();
            store.sync().acknowledge(results);
            store.sync().answersDelivered(acknowledged);
            Set<UUID> sent = new HashSet<>();
            batch.forEach(m -> sent.add(m.mutationId()));
            int answered = 0;
            for (MutationResult result : results) {
                if (!sent.contains(result.mutationId())) {
                    continue;
                }
                answered++;
                if (result.replayed()) {
                    counts.duplicates++;
                }
                switch (result) {
                    case MutationResult.Duplicate d -> { }
                    case MutationResult.Conflict c -> counts.conflicts++;
                    case MutationResult.Invalid i -> counts.invalid++;
                    case MutationResult.Applied a -> { }
                }
            }
            counts.pushed += answered;
            if (answered == 0) {
                // Without this the loop would resend the same batch forever.
                return failure(SyncReport.Outcome.FAILED, "the server answered none of the pushed changes",
                        startNanos, counts);
            }
            if (isSignedOutOrClosed()) {
                return failure(SyncReport.Outcome.CLOSED, "stopped", startNanos, counts);
            }
        }
        // Pull to the end of the server's log; each page and its cursor are stored in one transaction.
        Optional<String> cursor = store.sync().cursor();
        Set<UUID> seenInFullPull = new HashSet<>();
        while (true) {
            ApiResult<SyncPullResponse> answer = api.sync().pull(cursor, options.pullPageSize());
            if (answer instanceof ApiResult.Ok<SyncPullResponse>(SyncPullResponse page)) {
                store.sync().applyPull(Wire.toServerTasks(page.changes()), page.cursor());
                if (counts.fullResync) {
                    page.changes().forEach(c -> seenInFullPull.add(c.id()));
                }
                counts.pulled += page.changes().size();
                counts.pages++;
                cursor = Optional.ofNullable(page.cursor());
                if (!page.hasMore()) {
                    break;
                }
                if (isSignedOutOrClosed()) {
                    return failure(SyncReport.Outcome.CLOSED, "stopped", startNanos, counts);
                }
            } else if (answer instanceof ApiResult.Rejected<SyncPullResponse> rejected && cursor.isPresent()
                    && !counts.fullResync && (rejected.status() == 410 || rejected.status() == 400)) {
                // 410: the server pruned tombstones past our cursor; 400: a cursor this server never
                // issued (its database was replaced). Either way only a pull from scratch is exact.
                log.info("sync cursor refused ({}), pulling everything again", rejected.status());
                store.sync().resetForFullResync();
                counts.fullResync = true;
                cursor = Optional.empty();
            } else {
                return failure(answer, startNanos, counts);
            }
        }
        if (counts.fullResync) {
            dropTasksTheServerNoLongerHas(seenInFullPull, cursor);
        }
        return report(SyncReport.Outcome.OK, Optional.empty(), startNanos, counts);
    }

    /**
     * After a full pull, a task we hold a server version of that the pull did not mention was
     * deleted while its tombstone was pruned (the reason for the 410): remove it as a tombstone
     * would. Tasks never pushed have no server version and are kept; a pending edit on a removed
     * task is pushed next round and comes back as an error the user sees.
     */
    private void dropTasksTheServerNoLongerHas(Set<UUID> seen, Optional<String> cursor) {
        List<ServerTask> gone = store.tasks().list(TaskQuery.of(clock.instant(), ZoneOffset.UTC)).stream()
                .filter(t -> t.serverVersion().isPresent() && !seen.contains(t.id()))
                .<ServerTask>map(t -> new ServerTask.Tombstone(t.id(), t.serverVersion().getAsLong()))
                .toList();
        if (!gone.isEmpty()) {
            log.info("full resync: {} tasks no longer on the server", gone.size());
            store.sync().applyPull(gone, cursor.orElse(null));
        }
    }

    private SyncReport failure(ApiResult<?> answer, long startNanos, Counts counts) {
        return switch (answer) {
            case ApiResult.Offline<?>(String reason) ->
                    failure(SyncReport.Outcome.OFFLINE, "offline: " + reason, startNanos, counts);
            case ApiResult.ServerError<?>(int status, String detail) ->
                    failure(SyncReport.Outcome.OFFLINE, "server error " + status, startNanos, counts);
            case ApiResult.RateLimited<?>(Duration wait) -> {
                retryAfter = Optional.of(wait);
                yield failure(SyncReport.Outcome.OFFLINE, "rate limited for " + wait.toSeconds() + " s", startNanos,
                        counts);
            }
            case ApiResult.Unauthorized<?> u -> signedInAsUs()
                    ? failure(SyncReport.Outcome.FAILED, "unauthorized", startNanos, counts)
                    : failure(SyncReport.Outcome.SIGNED_OUT, "signed out", startNanos, counts);
            case ApiResult.Rejected<?>(Problem problem) -> failure(SyncReport.Outcome.FAILED,
                    "refused: " + problem.status() + " " + Objects.requireNonNullElse(problem.title(), ""),
                    startNanos, counts);
            case ApiResult.Ok<?> ok -> throw new IllegalArgumentException("not a failure");
        };
    }

    private SyncReport failure(SyncReport.Outcome outcome, String error, long startNanos, Counts counts) {
        return report(outcome, Optional.of(error), startNanos, counts);
    }

    private static SyncReport report(SyncReport.Outcome outcome, Optional<String> error, long startNanos, Counts c) {
        return new SyncReport(outcome, c.pushed, c.duplicates, c.conflicts, c.invalid, c.pulled, c.pages, c.fullResync,
                Duration.ofNanos(System.nanoTime() - startNanos), error);
    }

    private static SyncReport stopped(SyncReport.Outcome outcome, String why) {
        return new SyncReport(outcome, 0, 0, 0, 0, 0, 0, false, Duration.ZERO, Optional.of(why));
    }

    private void afterRound(SyncReport report) {
        boolean signOut = false;
        synchronized (this) {
            syncing = false;
            switch (report.outcome()) {
                case OK -> {
                    lastRoundOffline = false;
                    lastSyncedAt = Optional.of(clock.instant());
                    lastError = Optional.empty();
                    backoff.reset();
                }
                case OFFLINE, FAILED -> {
                    lastRoundOffline = report.outcome() == SyncReport.Outcome.OFFLINE;
                    lastError = report.error();
                    if (!closed && !signedOut) {
                        Duration wait = retryAfter.filter(d -> !d.isNegative()).orElseGet(backoff::nextDelay);
                        log.info("sync round {} ({}), retry in {} ms", report.outcome(), report.error().orElse(""),
                                wait.toMillis());
                        cancel(retry);
                        retry = schedule(this::syncNow, wait);
                    }
                }
                case SIGNED_OUT -> signOut = true;
                case CLOSED -> { }
            }
        }
        if (signOut) {
            enterSignedOut();
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
        publishStatus();
    }

    // --- event stream ----------------------------------------------------------------

    private void startStream() {
        if (!options.listenToEvents()) {
            return;
        }
        synchronized (this) {
            if (closed || signedOut || (streamThread != null && streamThread.isAlive())) {
                return;
            }
            streamThread = new Thread(this::streamLoop, "sync-events");
            streamThread.setDaemon(true);
            streamThread.start();
        }
    }

    private void streamLoop() {
        while (!isSignedOutOrClosed()) {
            Optional<Call> maybeCall = api.sync().events();
            if (maybeCall.isEmpty()) {
                enterSignedOut();
                return;
            }
            Call call = maybeCall.get();
            synchronized (this) {
                if (closed || signedOut) {
                    return;
                }
                streamCall = call;
            }
            String problem;
            try (Response response = call.execute()) {
                if (response.code() == 200) {
                    ResponseBody body = response.body();
                    EventStreamReader.read(body.source(), this::onStreamEvent);
                    problem = "event stream ended";
                } else if (response.code() == 401 && !signedInAsUs()) {
                    enterSignedOut();
                    return;
                } else {
                    problem = "event stream answered " + response.code();
                }
            } catch (IOException e) {
                problem = "event stream: " + e.getClass().getSimpleName();
            } finally {
                synchronized (this) {
                    streamCall = null;
                }
            }
            if (isSignedOutOrClosed()) {
                return;
            }
            Duration wait;
            synchronized (this) {
                streamDown = true;
                if (lastError.isEmpty()) {
                    lastError = Optional.of(problem);
                }
                wait = streamBackoff.nextDelay();
            }
            log.info("{}, reconnecting in {} ms", problem, wait.toMillis());
            publishStatus();
            pause(wait);
        }
    }

    private void onStreamEvent(String type, String data) {
        Optional<String> cursor;
        try {
            cursor = Optional.ofNullable(JSON.readValue(data, CursorEvent.class).cursor());
        } catch (IOException | RuntimeException e) {
            cursor = Optional.empty();
        }
        switch (type) {
            case "ready" -> {
                boolean wasDown;
                synchronized (this) {
                    wasDown = streamDown || lastRoundOffline;
                    streamDown = false;
                    streamBackoff.reset();
                }
                // Connectivity is back, or the server moved on while we were not listening.
                if (wasDown || isNewer(cursor)) {
                    syncNow();
                } else {
                    publishStatus();
                }
            }
            case "changed" -> {
                if (isNewer(cursor)) {
                    syncNow();
                }
            }
            default -> { }
        }
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

    private synchronized void pause(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long left;
        while (!closed && !signedOut && (left = deadline - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // --- auth ------------------------------------------------------------------------

    private void authStateChanged(AuthState state) {
        switch (state) {
            case AuthState.SignedOut s -> enterSignedOut();
            case AuthState.SignedIn(var user) -> {
                boolean resume;
                synchronized (this) {
                    resume = signedOut && started && !closed && userId.equals(user.id());
                    if (resume) {
                        signedOut = false;
                        backoff.reset();
                        streamBackoff.reset();
                    }
                }
                if (resume) {
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
        Call call;
        synchronized (this) {
            if (signedOut) {
                return;
            }
            signedOut = true;
            cancel(debounced);
            cancel(retry);
            call = streamCall;
            lastError = Optional.of("signed out");
            notifyAll();
        }
        log.info("signed out: sync stopped, pending edits kept");
        if (call != null) {
            call.cancel();
        }
        publishStatus();
    }

    private synchronized boolean isSignedOutOrClosed() {
        return signedOut || closed;
    }

    // --- status ----------------------------------------------------------------------

    private SyncStatus computeStatus() {
        SyncStatus.Connectivity connectivity;
        Optional<Instant> synced;
        Optional<String> error;
        synchronized (this) {
            if (signedOut) {
                connectivity = SyncStatus.Connectivity.SIGNED_OUT;
            } else if (syncing) {
                connectivity = SyncStatus.Connectivity.SYNCING;
            } else if (lastRoundOffline || streamDown) {
                connectivity = SyncStatus.Connectivity.OFFLINE;
            } else {
                connectivity = SyncStatus.Connectivity.ONLINE;
            }
            synced = lastSyncedAt;
            error = lastError;
        }
        int pending = -1;
        int conflicts = 0;
        int errors = 0;
        try {
            pending = store.sync().pendingCount();
            conflicts = store.conflicts().open().size();
            errors = store.conflicts().errors().size();
        } catch (RuntimeException storeClosed) {
            // the store was closed (logout) before the engine: report what we know
        }
        return new SyncStatus(connectivity, Math.max(pending, 0), synced, conflicts, errors, error);
    }

    private void publishStatus() {
        synchronized (publishLock) {
            SyncStatus status = computeStatus();
            if (status.equals(lastPublished)) {
                return;
            }
            lastPublished = status;
            for (Consumer<SyncStatus> listener : statusListeners) {
                try {
                    listener.accept(status);
                } catch (RuntimeException e) {
                    log.warn("status listener failed", e);
                }
            }
        }
    }

    // --- plumbing --------------------------------------------------------------------

    private boolean execute(Runnable task) {
        try {
            worker.execute(task);
            return true;
        } catch (RejectedExecutionException shutDown) {
            return false;
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
