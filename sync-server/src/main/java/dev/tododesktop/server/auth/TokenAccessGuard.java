package dev.tododesktop.server.auth;

import dev.tododesktop.server.auth.sessions.LiveSessions;
import dev.tododesktop.server.auth.tokens.AccessTokens;
import dev.tododesktop.server.http.ApiException;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AccessGuard} of every protected route: a bearer access token that
 * {@link AccessTokens} accepts, whose session {@link LiveSessions} says is still live.
 * No token is 401 with {@code WWW-Authenticate: Bearer}; a token that fails any check is 401
 * with {@code error="invalid_token"}. The client is told only that, never which check failed.
 */
public final class TokenAccessGuard implements AccessGuard {

    private static final Logger log = LoggerFactory.getLogger(TokenAccessGuard.class);
    private static final String ATTRIBUTE = TokenAccessGuard.class.getName();
    private static final int MAX_TOKEN_LENGTH = 4096;

    private final AccessTokens tokens;
    private final LiveSessions sessions;
    private final Timer timer;

    public TokenAccessGuard(AccessTokens tokens, LiveSessions sessions, AuthMetrics metrics) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.timer = metrics.tokenValidation();
    }

    @Override
    public Principal require(Context ctx) {
        Principal known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        String token = bearerToken(ctx.header("Authorization")).orElseThrow(() ->
                ApiException.unauthenticated("This request needs an access token (Authorization: Bearer …)."));
        Principal principal = timer.record(() -> check(token));
        ctx.attribute(ATTRIBUTE, principal);
        return principal;
    }

    /**
     * Whether a long-lived request's {@code Authorization} header is still good: a bearer token
     * that is unexpired and whose session is not revoked.
     */
    public boolean stillValid(String authorization) {
        Optional<String> token = bearerToken(authorization);
        if (token.isEmpty()) {
            return false;
        }
        try {
            check(token.get());
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    /** The token of an {@code Authorization: Bearer …} header (scheme case-insensitive), if any. */
    static Optional<String> bearerToken(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** The principal of a token, or a 401; also usable without an HTTP request (the benchmark). */
    public Principal check(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw invalid("too long");
        }
        return switch (tokens.verify(token)) {
            case AccessTokens.Verification.Invalid(String reason) -> throw invalid(reason);
            case AccessTokens.Verification.Valid(var claims) -> {
                if (!sessions.isLive(claims.sessionId(), claims.userId())) {
                    throw invalid("session ended");
                }
                yield new Principal(claims.userId(), claims.sessionId());
            }
        };
    }

    private static ApiException invalid(String reason) {
        log.debug("Refused an access token: {}", reason);
        return ApiException.invalidToken("The access token is not valid or has expired.");
    }
}
