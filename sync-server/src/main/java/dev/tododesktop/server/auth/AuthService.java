package dev.tododesktop.server.auth;

import dev.tododesktop.contract.FieldError;
import dev.tododesktop.contract.auth.AuthValidator;
import dev.tododesktop.contract.auth.DeleteAccountRequest;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.auth.PasswordChangeRequest;
import dev.tododesktop.contract.auth.RefreshRequest;
import dev.tododesktop.contract.auth.RegisterRequest;
import dev.tododesktop.contract.auth.SessionList;
import dev.tododesktop.contract.auth.SessionView;
import dev.tododesktop.contract.auth.TokenResponse;
import dev.tododesktop.contract.auth.UserView;
import dev.tododesktop.server.auth.passwords.CommonPasswords;
import dev.tododesktop.server.auth.passwords.PasswordHasher;
import dev.tododesktop.server.auth.ratelimit.AuthRateLimiter;
import dev.tododesktop.server.auth.ratelimit.RateLimitDecision;
import dev.tododesktop.server.auth.sessions.LiveSessions;
import dev.tododesktop.server.auth.sessions.NewSession;
import dev.tododesktop.server.auth.sessions.RefreshOutcome;
import dev.tododesktop.server.auth.sessions.SessionStore;
import dev.tododesktop.server.auth.tokens.AccessTokens;
import dev.tododesktop.server.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account flows of docs/api.md's Authentication section. Every check that needs the database
 * (common passwords, unique email, the current password, rate limits) lives here; the field
 * rules shared with the desktop app come from {@link AuthValidator}.
 */
public final class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);
    static final int NAME_MAX_LENGTH = 200;
    static final int DEVICE_NAME_MAX_LENGTH = 100;
    private static final int REFRESH_TOKEN_MAX_LENGTH = 512;

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final LiveSessions liveSessions;
    private final AccessTokens accessTokens;
    private final PasswordHasher hasher;
    private final CommonPasswords commonPasswords;
    private final AuthRateLimiter limiter;
    private final AuthMetrics metrics;
    private final Clock clock;
    private final AccountViews views;

    /** @param viewTtl how long {@code /me} may answer from memory: the session-check bound */
    public AuthService(AccountStore accounts, SessionStore sessions, LiveSessions liveSessions, AccessTokens accessTokens,
                       PasswordHasher hasher, CommonPasswords commonPasswords, AuthRateLimiter limiter,
                       AuthMetrics metrics, Clock clock, Duration viewTtl) {
        this.accounts = accounts;
        this.views = new AccountViews(accounts, clock, viewTtl);
        this.sessions = sessions;
        this.liveSessions = liveSessions;
        this.accessTokens = accessTokens;
        this.hasher = hasher;
        this.commonPasswords = commonPasswords;
        this.limiter = limiter;
        this.metrics = metrics;
        this.clock = clock;
    }

    public TokenResponse register(RegisterRequest request, String address) {
        enforce(limiter.admitRegistration(address));
        var errors = new ArrayList<>(AuthValidator.validate(request));
        if (request.email() != null && !storable(request.email())
                && errors.stream().noneMatch(e -> e.field().equals(AuthValidator.EMAIL))) {
            errors.add(new FieldError(AuthValidator.EMAIL, "Enter a valid email address, like name@example.com."));
        }
        if (errors.stream().noneMatch(e -> e.field().equals(AuthValidator.PASSWORD))
                && commonPasswords.contains(request.password())) {
            errors.add(new FieldError(AuthValidator.PASSWORD, "This password is too common; choose one that is harder to guess."));
        }
        Optional<String> name = optionalText(request.name(), "name", NAME_MAX_LENGTH, errors);
        Optional<String> device = optionalText(request.deviceName(), "device_name", DEVICE_NAME_MAX_LENGTH, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String email = AuthValidator.normalizeEmail(request.email());
        String key = AuthValidator.emailKey(request.email());
        // Hash first, then let the unique key say whether the email is taken: a 409 then costs the
        // same Argon2 time as a new account, so timing tells nothing the status does not.
        String hash = hasher.hash(request.password());
        var account = accounts.create(email, key, name, hash, clock.instant()).orElseThrow(AuthService::emailTaken);
        log.info("Registered account {} from {}", account.id(), address);
        return tokens(account, sessions.start(account.id(), device, clock.instant()));
    }

    public TokenResponse login(LoginRequest request, String address) {
        var errors = new ArrayList<>(AuthValidator.validate(request));
        Optional<String> device = optionalText(request.deviceName(), "device_name", DEVICE_NAME_MAX_LENGTH, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String email = AuthValidator.emailKey(request.email());
        // No account can have an email that is too long or unstorable; such a login still costs a
        // hash and counts as a failure, under a key the database can hold.
        boolean possible = email.length() <= AuthValidator.EMAIL_MAX_LENGTH && storable(email);
        String key = possible ? email : "#" + sha256(email);
        enforce(limiter.checkAddressLogins(address));
        enforce(limiter.checkAccount(key));
        var account = possible ? accounts.byEmailKey(key) : Optional.<Account>empty();
        boolean valid;
        if (account.isPresent()) {
            valid = hasher.verify(request.password(), account.get().passwordHash());
        } else {
            hasher.verifyDummy(request.password());
            valid = false;
        }
        if (!valid) {
            limiter.recordAccountFailure(key);
            limiter.recordAddressLoginFailure(address);
            metrics.loginFailed();
            log.info("Failed login for {} from {}", maskedEmail(key), address);
            throw ApiException.unauthenticated("The email or password is not correct.");
        }
        var found = account.get();
        limiter.recordAccountSuccess(key);
        metrics.loginSucceeded();
        if (hasher.needsRehash(found.passwordHash())) {
            // Stored with older parameters: redo it with today's while we have the password.
            accounts.updatePasswordHash(found.id(), hasher.hash(request.password()));
        }
        return tokens(found, sessions.start(found.id(), device, clock.instant()));
    }

    public TokenResponse refresh(RefreshRequest request) {
        String token = request.refreshToken();
        if (token == null || token.isBlank()) {
            throw ApiException.validation("refresh_token", "Refresh token is required.");
        }
        if (token.length() > REFRESH_TOKEN_MAX_LENGTH) {
            throw refreshRefused();
        }
        return switch (sessions.refresh(token, clock.instant())) {
            case RefreshOutcome.Rotated(NewSession session) -> {
                var account = accounts.byId(session.userId()).orElseThrow(AuthService::refreshRefused);
                yield tokens(account, session);
            }
            case RefreshOutcome.Reused(UUID sessionId) -> {
                liveSessions.revoked(sessionId);
                log.warn("A retired refresh token of session {} was presented again; the session is revoked", sessionId);
                throw refreshRefused();
            }
            case RefreshOutcome.Rejected() -> throw refreshRefused();
        };
    }

    public void logout(Principal principal) {
        sessions.revoke(principal.userId(), principal.sessionId(), "logout", clock.instant());
        liveSessions.revoked(principal.sessionId());
    }

    public UserView me(Principal principal) {
        return views.find(principal.userId())
                .orElseThrow(() -> ApiException.invalidToken("The account no longer exists."));
    }

    public SessionList sessions(Principal principal) {
        var items = sessions.live(principal.userId(), clock.instant()).stream()
                .map(s -> new SessionView(s.id(), s.deviceName().orElse(null), s.createdAt(), s.lastUsedAt(),
                        s.id().equals(principal.sessionId())))
                .toList();
        return new SessionList(items);
    }

    /** Another user's session, an ended one and a malformed id are all 404. */
    public void revokeSession(Principal principal, String rawId) {
        UUID id;
        try {
            id = UUID.fromString(rawId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound();
        }
        if (!sessions.revoke(principal.userId(), id, "revoked", clock.instant())) {
            throw ApiException.notFound();
        }
        liveSessions.revoked(id);
    }

    public void changePassword(Principal principal, PasswordChangeRequest request) {
        var account = accounts.byId(principal.userId())
                .orElseThrow(() -> ApiException.invalidToken("The account no longer exists."));
        var errors = new ArrayList<>(AuthValidator.validate(request, account.email()));
        if (errors.stream().noneMatch(e -> e.field().equals(AuthValidator.NEW_PASSWORD))
                && commonPasswords.contains(request.newPassword())) {
            errors.add(new FieldError(AuthValidator.NEW_PASSWORD, "This password is too common; choose one that is harder to guess."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        checkPassword(account, request.currentPassword(), AuthValidator.CURRENT_PASSWORD);
        accounts.updatePasswordHash(account.id(), hasher.hash(request.newPassword()));
        var revoked = sessions.revokeAllExcept(account.id(), principal.sessionId(), "password_change", clock.instant());
        liveSessions.revoked(revoked);
        log.info("Password changed for account {}; {} other sessions revoked", account.id(), revoked.size());
    }

    public void deleteAccount(Principal principal, DeleteAccountRequest request) {
        var account = accounts.byId(principal.userId())
                .orElseThrow(() -> ApiException.invalidToken("The account no longer exists."));
        var errors = AuthValidator.validate(request);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        checkPassword(account, request.password(), AuthValidator.PASSWORD);
        var sessionIds = sessions.sessionIdsOf(account.id());
        liveSessions.revoked(sessionIds);
        accounts.delete(account.id());
        views.forget(account.id());
        limiter.recordAccountSuccess(account.emailKey());
        log.info("Deleted account {}", account.id());
    }

    /** A password re-entered by a signed-in user: wrong is 422 on {@code field} and a failure for the account's limit. */
    private void checkPassword(Account account, String password, String field) {
        enforce(limiter.checkAccount(account.emailKey()));
        if (!hasher.verify(password, account.passwordHash())) {
            limiter.recordAccountFailure(account.emailKey());
            log.info("Wrong {} for account {}", field, account.id());
            throw ApiException.validation(field, "The password is not correct.");
        }
    }

    private TokenResponse tokens(Account account, NewSession session) {
        var access = accessTokens.issue(account.id(), session.sessionId());
        Instant now = clock.instant();
        long expiresIn = secondsUntil(now, access.expiresAt());
        long refreshExpiresIn = secondsUntil(now, session.expiresAt());
        return TokenResponse.bearer(access.token(), expiresIn, session.refreshToken(), refreshExpiresIn, account.view());
    }

    /** Rounded up: a lifetime that started a few milliseconds ago still reads as the full lifetime. */
    private static long secondsUntil(Instant now, Instant then) {
        long millis = Math.max(0, Duration.between(now, then).toMillis());
        return (millis + 999) / 1000;
    }

    private void enforce(RateLimitDecision decision) {
        if (decision instanceof RateLimitDecision.Blocked blocked) {
            metrics.rateLimited(blocked.limit());
            log.info("Rate limit '{}' refused a request; retry after {} s", blocked.limit(), blocked.retryAfterSeconds());
            throw ApiException.tooManyRequests(blocked.retryAfterSeconds(), switch (blocked.limit()) {
                case "account" -> "Too many failed sign-ins for this account; wait before trying again.";
                case "registration" -> "Too many registrations from this address; wait before trying again.";
                default -> "Too many failed sign-ins from this address; wait before trying again.";
            });
        }
    }

    private static Optional<String> optionalText(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String stripped = value.strip();
        if (!storable(stripped) || stripped.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "Must not contain control characters."));
            return Optional.empty();
        }
        if (stripped.codePointCount(0, stripped.length()) > max) {
            errors.add(new FieldError(field, "Must be at most " + max + " characters."));
            return Optional.empty();
        }
        return Optional.of(stripped);
    }

    private static ApiException emailTaken() {
        return ApiException.conflict("email-taken", "This email is already registered.");
    }

    private static ApiException refreshRefused() {
        return ApiException.invalidToken("The refresh token is not valid or has expired; sign in again.");
    }

    /** For logs: a short hash, so failed logins can be correlated without recording the address. */
    static String maskedEmail(String emailKey) {
        return "email#" + sha256(emailKey).substring(0, 12);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text both PostgreSQL and SQLite store unchanged: no NUL, no unpaired surrogate. */
    static boolean storable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
