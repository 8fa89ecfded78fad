package dev.tododesktop.client.keychain;

import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/**
 * Where one user's refresh token lives: one keychain entry per server and user, so two
 * accounts (or a local and a hosted server) never overwrite each other.
 */
public record CredentialKey(URI server, UUID userId) {

    public static final String APP_NAME = "Todo Desktop";

    public CredentialKey {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(userId, "userId");
    }

    /** The keychain's "service": what a user sees in their password manager, e.g. {@code Todo Desktop (http://127.0.0.1:8080)}. */
    public String serviceName() {
        String url = server.toString();
        return APP_NAME + " (" + (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + ")";
    }

    /** The keychain's "account": the user id, which is stable across email changes. */
    public String account() {
        return userId.toString();
    }
}
