package dev.tododesktop.server.auth.keys;

import dev.tododesktop.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Key-encryption keys in a file: one an operator made, or the one the server makes in its data directory. */
public final class KeyFile {

    /** The file the server keeps beside its SQLite database when it was given no key. */
    public static final String DEFAULT_NAME = "signing-keys.kek";

    private static final Logger log = LoggerFactory.getLogger(KeyFile.class);

    private KeyFile() {}

    /** Reads an operator's key file; a file others may read still works, with a warning. */
    public static KeyEncryptionKeys read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        warnIfOthersCanRead(file);
        try {
            return KeyEncryptionKeys.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key file in the server's own data directory: read if it is there, otherwise made
     * with one new key, owner-only, in an owner-only directory. Instances racing to make it
     * all end up with the one that was made first.
     */
    public static KeyEncryptionKeys readOrCreate(Path file) {
        try {
            PrivateFiles.directory(file.toAbsolutePath().getParent());
            try {
                PrivateFiles.restrict(file);
                return read(file);
            } catch (NoSuchFileException first) {
                String key = "# Seals this server's signing keys in its database. Keep it apart from database backups;\n"
                        + "# without it the server makes new signing keys (everyone's access token is refreshed once).\n"
                        + KeyEncryptionKeys.generate() + "\n";
                if (PrivateFiles.createAtomically(file, key.getBytes(StandardCharsets.UTF_8))) {
                    log.info("Made a new key-encryption key for the signing keys in {}", file);
                }
                return read(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the key-encryption key file " + file, e);
        }
    }

    private static void warnIfOthersCanRead(Path file) throws IOException {
        var view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        var open = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        open.retainAll(view.readAttributes().permissions());
        if (!open.isEmpty()) {
            log.warn("Key-encryption key file {} can be read by other accounts ({}); make it readable by the server's user only (chmod 600)",
                    file, open);
        }
    }
}
