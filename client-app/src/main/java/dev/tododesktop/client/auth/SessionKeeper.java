package dev.tododesktop.client.auth;

import dev.tododesktop.client.keychain.CredentialKey;
import dev.tododesktop.client.keychain.CredentialStore;
import dev.tododesktop.client.keychain.KeychainResult;
import dev.tododesktop.client.keychain.KeychainStatus;
import dev.tododesktop.contract.auth.TokenResponse;
import dev.tododesktop.contract.auth.UserView;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the signed-in session: the access token (memory only), the refresh token (only in the
 * {@link CredentialStore}), and every refresh.
 *
 * <p>Single flight: all refreshes run under one lock. A caller whose access token was rejected
 * takes the lock; if the current token is no longer the one it was rejected with, someone
 * refreshed meanwhile and it simply gets the current token; otherwise it refreshes itself while
 * the others wait on the lock. So any number of requests failing together cause one refresh.
 */
public final class SessionKeeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionKeeper.class);

    /** The signed-in session. Not a record: its fields must never reach a log through toString. */
    private static final class Active {
        final UserView user;
        final CredentialKey key;
        final String accessToken;
        final Instant accessExpiresAt;

        Active(UserView user, CredentialKey key, String accessToken, Instant accessExpiresAt) {
            this.user = user;
            this.key = key;
            this.accessToken = accessToken;
            this.accessExpiresAt = accessExpiresAt;
        }

        @Override
        public String toString() {
            return "Active[user=" + user.id() + "]";
        }
    }

    private final URI server;
    private final CredentialStore store;
    private final TokenRefresher endpoint;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final double proactiveRefreshFraction;
    private final ReentrantLock lock = new ReentrantLock();
    private final CopyOnWriteArrayList<AuthListener> listeners = new CopyOnWriteArrayList<>();

    private volatile Optional<Active> active = Optional.empty();
    private volatile AuthState state = new AuthState.SignedOut(SignOutReason.NOT_SIGNED_IN);
    private Optional<ScheduledFuture<?>> proactiveRefresh = Optional.empty();
    /** The last refresh that could not be done, shared with the callers queued behind it. */
    private Optional<FailedRefresh> lastFailure = Optional.empty();

    /** Not a record: the rejected token must not reach a log through toString. */
    private static final class FailedRefresh {
        final String rejectedAccessToken;
        final long atNanos;
        final String reason;

        FailedRefresh(String rejectedAccessToken, long atNanos, String reason) {
            this.rejectedAccessToken = rejectedAccessToken;
            this.atNanos = atNanos;
            this.reason = reason;
        }
    }

    /** How long a failed refresh answers for every caller rejected with the same token. */
    private static final Duration FAILURE_SHARED_FOR = Duration.ofSeconds(2);

    /**
     * @param proactiveRefreshFraction when, as a fraction of {@code expires_in}, to refresh an
     *     access token nobody has needed to refresh yet (e.g. 0.8)
     */
    public SessionKeeper(URI server, CredentialStore store, TokenRefresher endpoint, Clock clock,
                         ScheduledExecutorService scheduler, double proactiveRefreshFraction) {
        this.server = server;
        this.store = store;
        this.endpoint = endpoint;
        this.clock = clock;
        this.scheduler = scheduler;
        this.proactiveRefreshFraction = proactiveRefreshFraction;
    }

    public AuthState state() {
        return state;
    }

    public KeychainStatus keychainStatus() {
        return store.status();
    }

    /** The access token to send, if signed in. */
    public Optional<String> accessToken() {
        return active.map(a -> a.accessToken);
    }

    public Optional<UUID> userId() {
        return active.map(a -> a.user.id());
    }

    public void addListener(AuthListener listener) {
        listeners.add(listener);
    }

    public void removeListener(AuthListener listener) {
        listeners.remove(listener);
    }

    /** Starts a session from a login or registration answer; the refresh token is stored first. */
    public AuthState signIn(TokenResponse tokens) {
        AuthState after;
        lock.lock();
        try {
            after = adoptLocked(new CredentialKey(server, tokens.user().id()), tokens);
        } finally {
            lock.unlock();
        }
        notifyListeners(after);
        return after;
    }

    /** Continues the session saved in the keychain for this user (at app start). */
    public RefreshOutcome resume(UUID userId) {
        AuthState before = state;
        var key = new CredentialKey(server, userId);
        RefreshOutcome outcome;
        lock.lock();
        try {
            outcome = refreshLocked(key);
        } finally {
            lock.unlock();
        }
        notifyIfChanged(before);
        return outcome;
    }

    /**
     * Called when the server rejected {@code rejectedAccessToken}: answers a token to retry with,
     * refreshing only if nobody has since replaced the rejected one.
     */
    public RefreshOutcome refreshAfterRejection(String rejectedAccessToken) {
        AuthState before = state;
        RefreshOutcome outcome;
        lock.lock();
        try {
            Optional<Active> current = active;
            if (current.isEmpty()) {
                return new RefreshOutcome.SignedOut(signedOutReason());
            }
            if (!current.get().accessToken.equals(rejectedAccessToken)) {
                return new RefreshOutcome.Refreshed(current.get().accessToken);
            }
            // Single flight for failures too: callers that queued behind a refresh that just
            // failed get its answer instead of each trying (and timing out) again.
            Optional<FailedRefresh> failure = lastFailure.filter(f -> f.rejectedAccessToken.equals(rejectedAccessToken)
                    && System.nanoTime() - f.atNanos < FAILURE_SHARED_FOR.toNanos());
            if (failure.isPresent()) {
                return new RefreshOutcome.NotNow(failure.get().reason);
            }
            outcome = refreshLocked(current.get().key);
            lastFailure = outcome instanceof RefreshOutcome.NotNow(String reason)
                    ? Optional.of(new FailedRefresh(rejectedAccessToken, System.nanoTime(), reason))
                    : Optional.empty();
        } finally {
            lock.unlock();
        }
        notifyIfChanged(before);
        return outcome;
    }

    /** Ends the session here: forgets the access token, deletes the refresh token, tells listeners. */
    public void signOut(SignOutReason reason) {
        lock.lock();
        try {
            signOutLocked(reason);
        } finally {
            lock.unlock();
        }
        notifyListeners(state);
    }

    private RefreshOutcome refreshLocked(CredentialKey key) {
        Optional<String> refreshToken;
        switch (store.read(key)) {
            case KeychainResult.Ok<Optional<String>>(Optional<String> token) -> refreshToken = token;
            case KeychainResult.Unavailable<Optional<String>>(String reason) -> {
                return new RefreshOutcome.NotNow("keychain unavailable: " + reason);
            }
        }
        if (refreshToken.isEmpty()) {
            signOutLocked(SignOutReason.NOT_SIGNED_IN);
            return new RefreshOutcome.SignedOut(SignOutReason.NOT_SIGNED_IN);
        }
        return switch (endpoint.refresh(refreshToken.get())) {
            case TokenRefresher.Answer.Issued(TokenResponse tokens) -> {
                AuthState after = adoptLocked(key, tokens);
                yield after instanceof AuthState.SignedOut(SignOutReason reason)
                        ? new RefreshOutcome.SignedOut(reason)
                        : new RefreshOutcome.Refreshed(tokens.accessToken());
            }
            case TokenRefresher.Answer.Rejected(int status) -> {
                log.info("Refresh token rejected ({}); signing out", status);
                endSessionLocked(key, SignOutReason.SESSION_ENDED);
                yield new RefreshOutcome.SignedOut(SignOutReason.SESSION_ENDED);
            }
            case TokenRefresher.Answer.Unreachable(String reason) -> new RefreshOutcome.NotNow(reason);
        };
    }

    /** Stores the (rotated) refresh token before anything uses the new tokens. */
    private AuthState adoptLocked(CredentialKey key, TokenResponse tokens) {
        if (store.save(key, tokens.refreshToken()) instanceof KeychainResult.Unavailable<?> u) {
            log.warn("Could not store the refresh token: {}", u.reason());
            signOutLocked(SignOutReason.CREDENTIALS_NOT_STORED);
            return state;
        }
        Duration lifetime = Duration.ofSeconds(Math.max(1, tokens.expiresIn()));
        var session = new Active(tokens.user(), key, tokens.accessToken(), clock.instant().plus(lifetime));
        active = Optional.of(session);
        state = new AuthState.SignedIn(tokens.user());
        scheduleProactiveRefreshLocked(session, lifetime);
        return state;
    }

    private void signOutLocked(SignOutReason reason) {
        active.ifPresentOrElse(a -> endSessionLocked(a.key, reason), () -> {
            cancelProactiveRefreshLocked();
            state = new AuthState.SignedOut(reason);
        });
    }

    /** Forgets {@code key}'s refresh token (also when it was never active here, as on a failed resume). */
    private void endSessionLocked(CredentialKey key, SignOutReason reason) {
        if (store.delete(key) instanceof KeychainResult.Unavailable<?> u) {
            log.warn("Could not delete the refresh token from the keychain: {}", u.reason());
        }
        active = Optional.empty();
        cancelProactiveRefreshLocked();
        state = new AuthState.SignedOut(reason);
    }

    private SignOutReason signedOutReason() {
        return state instanceof AuthState.SignedOut(SignOutReason reason) ? reason : SignOutReason.NOT_SIGNED_IN;
    }

    private void scheduleProactiveRefreshLocked(Active session, Duration lifetime) {
        cancelProactiveRefreshLocked();
        long delayMillis = (long) (lifetime.toMillis() * proactiveRefreshFraction);
        try {
            proactiveRefresh = Optional.of(scheduler.schedule(
                    () -> refreshAhead(session.accessToken), delayMillis, TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException closed) {
            proactiveRefresh = Optional.empty();
        }
    }

    private void cancelProactiveRefreshLocked() {
        proactiveRefresh.ifPresent(f -> f.cancel(false));
        proactiveRefresh = Optional.empty();
    }

    /** Refreshes a token nobody has refreshed since it was scheduled; on a network problem, tries again a little later. */
    private void refreshAhead(String scheduledFor) {
        AuthState before = state;
        lock.lock();
        try {
            Optional<Active> current = active;
            if (current.isEmpty() || !current.get().accessToken.equals(scheduledFor)) {
                return;
            }
            if (refreshLocked(current.get().key) instanceof RefreshOutcome.NotNow(String reason)) {
                Duration left = Duration.between(clock.instant(), current.get().accessExpiresAt);
                if (left.compareTo(Duration.ofSeconds(2)) > 0) {
                    log.info("Early token refresh postponed: {}", reason);
                    proactiveRefresh = Optional.of(scheduler.schedule(
                            () -> refreshAhead(scheduledFor), left.toMillis() / 2, TimeUnit.MILLISECONDS));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Early token refresh failed", e);
        } finally {
            lock.unlock();
        }
        notifyIfChanged(before);
    }

    /** A refresh replaces the state with an equal one: listeners hear only of sign-ins and sign-outs. */
    private void notifyIfChanged(AuthState before) {
        AuthState after = state;
        if (!after.equals(before)) {
            notifyListeners(after);
        }
    }

    private void notifyListeners(AuthState newState) {
        for (AuthListener listener : listeners) {
            try {
                listener.authStateChanged(newState);
            } catch (RuntimeException e) {
                log.warn("An auth listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            cancelProactiveRefreshLocked();
        } finally {
            lock.unlock();
        }
    }
}
