package dev.tododesktop.server.auth.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that seal the server's private signing keys in the database (key-encryption keys,
 * KEKs), kept anywhere but that database: the OS keychain for the app's embedded server, a key
 * file or an environment variable for the standalone one. The first key seals; every key
 * unseals, so a new key can be put first while keys sealed with the old one are still read
 * (and re-sealed with the new one at start-up).
 *
 * <p>Text form: each key is 32 random bytes in base64 (standard or URL-safe), one per line or
 * separated by commas; blank lines and {@code #} comments are ignored. {@link #generate()}
 * makes one; so does {@code openssl rand -base64 32}.
 */
public final class KeyEncryptionKeys {

    public static final int KEY_BYTES = 32;

    /** One key: its public id (a digest, which says nothing about the key) and the AES-256 key. */
    public record Kek(String id, SecretKey key) {
        @Override
        public String toString() {
            return "Kek[" + id + "]";
        }
    }

    private final List<Kek> keys;

    private KeyEncryptionKeys(List<Kek> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("holds no key");
        }
        this.keys = List.copyOf(keys);
    }

    /** Reads the text form; the message of a failure names the line and never repeats a key. */
    public static KeyEncryptionKeys parse(String text) {
        var keys = new ArrayList<Kek>();
        int line = 0;
        for (String row : text.split("\\R", -1)) {
            line++;
            String content = row.contains("#") ? row.substring(0, row.indexOf('#')) : row;
            for (String item : content.split(",")) {
                String encoded = item.strip();
                if (encoded.isEmpty()) {
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = encoded.contains("-") || encoded.contains("_")
                            ? Base64.getUrlDecoder().decode(encoded)
                            : Base64.getDecoder().decode(encoded);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + line + " is not base64");
                }
                if (bytes.length != KEY_BYTES) {
                    throw new IllegalArgumentException("line " + line + " holds " + bytes.length
                            + " bytes; a key is " + KEY_BYTES + " random bytes (openssl rand -base64 32)");
                }
                keys.add(of(bytes));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("holds no key (expected 32 random bytes in base64: openssl rand -base64 32)");
        }
        return new KeyEncryptionKeys(keys);
    }

    /** A new key in the text form, for a key file or a keychain entry. */
    public static String generate() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** These keys followed by {@code older} ones (which only unseal), without repeats. */
    public KeyEncryptionKeys then(KeyEncryptionKeys older) {
        var all = new ArrayList<>(keys);
        older.keys.stream().filter(k -> byId(k.id()).isEmpty()).forEach(all::add);
        return new KeyEncryptionKeys(all);
    }

    /** The key new signing keys are sealed with. */
    public Kek sealing() {
        return keys.getFirst();
    }

    public Optional<Kek> byId(String id) {
        return keys.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    public List<String> ids() {
        return keys.stream().map(Kek::id).toList();
    }

    private static Kek of(byte[] bytes) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update("todo-desktop key-encryption key id\0".getBytes(StandardCharsets.UTF_8));
            String id = HexFormat.of().formatHex(sha.digest(bytes), 0, 8);
            return new Kek(id, new SecretKeySpec(bytes, "AES"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "KeyEncryptionKeys" + ids();
    }
}
