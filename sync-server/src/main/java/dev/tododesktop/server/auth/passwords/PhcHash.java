package dev.tododesktop.server.auth.passwords;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}), which carries its own parameters so
 * they can change later without breaking stored hashes.
 */
record PhcHash(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    static Optional<PhcHash> parse(String text) {
        var m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PhcHash(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), DECODER.decode(m.group(4)), DECODER.decode(m.group(5))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String format() {
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    @Override
    public String toString() {
        return "PhcHash[argon2id m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhcHash other && format().equals(other.format());
    }

    @Override
    public int hashCode() {
        return format().hashCode();
    }
}
