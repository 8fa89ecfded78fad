package dev.tododesktop.store.dirs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one user's store: the server they sync with and their user id. The file name is
 * a hash of both, so no server string (however hostile) can steer the path, and the same user
 * on two servers gets two files.
 */
public record UserKey(String serverIdentity, UUID userId) {

    public UserKey {
        Objects.requireNonNull(serverIdentity, "serverIdentity");
        Objects.requireNonNull(userId, "userId");
    }

    /** {@code <64 hex chars>.db}: only [0-9a-f], so it is a plain file name on every platform. */
    public String fileName() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((serverIdentity + "\u0000" + userId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + ".db";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    public Path databaseFile(AppDirectories dirs) {
        return dirs.usersDir().resolve(fileName());
    }
}
