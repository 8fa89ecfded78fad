package dev.tododesktop.server.auth.passwords;

import dev.tododesktop.contract.auth.AuthValidator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The bundled list of the most common passwords (resource {@value #RESOURCE}, from zxcvbn-ts,
 * MIT). Compared after NFKC and lower-casing, so "PassWord1" and its full-width form count too.
 */
public final class CommonPasswords {

    static final String RESOURCE = "/auth/common-passwords.txt";

    private final Set<String> passwords;

    private CommonPasswords(Set<String> passwords) {
        this.passwords = Set.copyOf(passwords);
    }

    public static CommonPasswords bundled() {
        try (var in = Objects.requireNonNull(CommonPasswords.class.getResourceAsStream(RESOURCE), RESOURCE);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            var set = new HashSet<String>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    set.add(key(line));
                }
            }
            return new CommonPasswords(set);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public boolean contains(String password) {
        return passwords.contains(key(password));
    }

    public int size() {
        return passwords.size();
    }

    private static String key(String password) {
        return AuthValidator.normalizePassword(password).toLowerCase(Locale.ROOT);
    }
}
