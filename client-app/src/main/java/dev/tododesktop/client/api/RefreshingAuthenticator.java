package dev.tododesktop.client.api;

import dev.tododesktop.client.auth.RefreshOutcome;
import dev.tododesktop.client.auth.SessionKeeper;
import java.io.IOException;
import java.util.Optional;
import okhttp3.Authenticator;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * OkHttp's answer to a 401: retry once with a fresh access token. A request that already was
 * retried this way gets no second chance (never a loop); a request sent without a token (a
 * wrong password on login) is not ours to retry.
 */
public final class RefreshingAuthenticator implements Authenticator {

    /** The refresh could not be done now; surfaces to the caller as an offline result. */
    public static final class RefreshUnavailableException extends IOException {
        private static final long serialVersionUID = 1L;

        RefreshUnavailableException(String reason) {
            super("token refresh not possible now: " + reason);
        }
    }

    private static final String PREFIX = "Bearer ";

    private final SessionKeeper session;

    public RefreshingAuthenticator(SessionKeeper session) {
        this.session = session;
    }

    @Override
    public Request authenticate(Route route, Response response) throws IOException {
        Optional<String> sent = bearerToken(response.request());
        if (sent.isEmpty() || alreadyRetried(response)) {
            return null;
        }
        return switch (session.refreshAfterRejection(sent.get())) {
            case RefreshOutcome.Refreshed(String token) ->
                    response.request().newBuilder().header("Authorization", PREFIX + token).build();
            case RefreshOutcome.SignedOut signedOut -> null;
            case RefreshOutcome.NotNow(String reason) -> throw new RefreshUnavailableException(reason);
        };
    }

    private static boolean alreadyRetried(Response response) {
        for (Response prior = response.priorResponse(); prior != null; prior = prior.priorResponse()) {
            if (prior.code() == 401) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> bearerToken(Request request) {
        String header = request.header("Authorization");
        return header != null && header.startsWith(PREFIX)
                ? Optional.of(header.substring(PREFIX.length()))
                : Optional.empty();
    }
}
