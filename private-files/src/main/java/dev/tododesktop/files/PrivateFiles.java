package dev.tododesktop.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Files and directories only their owner can open: 0700 directories and 0600 files on POSIX
 * file systems, whatever the process umask. Java cannot set the umask, so a file made here has
 * its mode from the moment it exists (never readable by others for an instant), and one that
 * existed (an older installation, a file SQLite made) is tightened by removing every group and
 * other bit. Where the file system has no POSIX permissions (Windows) nothing is changed: the
 * app's files live in the user's profile, whose access list already admits only that user.
 *
 * <p>Every file or directory the app or the server writes goes through here, so there is one
 * place that decides what "private" means.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {}

    /**
     * Creates the directory and any missing parents owner-only. A directory that exists is left
     * as it is: it may be shared ({@code /tmp}, a home directory) and is not ours to change.
     * For a directory that is the app's own, use {@link #ownDirectory}.
     */
    public static Path directory(Path dir) throws IOException {
        if (posix(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
        } else {
            Files.createDirectories(dir);
        }
        return dir;
    }

    /** {@link #directory}, and tightened if it existed: only for a directory that belongs to the app alone. */
    public static Path ownDirectory(Path dir) throws IOException {
        directory(dir);
        restrict(dir);
        return dir;
    }

    /** {@link #directory}, for callers that cannot go on without it. */
    public static Path directoryOrFail(Path dir) {
        try {
            return directory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the private directory " + dir, e);
        }
    }

    /** Creates an empty owner-only file if there is none, and tightens it if there is. */
    public static Path file(Path file) throws IOException {
        try {
            Files.createFile(file, fileAttributes(file));
        } catch (FileAlreadyExistsException exists) {
            restrict(file);
        }
        return file;
    }

    /** Removes every group and other permission of an existing file or directory; a missing one is left missing. */
    public static void restrict(Path path) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            Set<PosixFilePermission> current = view.readAttributes().permissions();
            Set<PosixFilePermission> tightened = new HashSet<>(current);
            tightened.removeAll(NOT_OWNER);
            if (!tightened.equals(current)) {
                view.setPermissions(tightened);
            }
        } catch (NoSuchFileException gone) {
            // Nothing to protect (SQLite removes its -journal when a transaction ends).
        }
    }

    /** {@link #restrict} for each of {@code paths}, e.g. a database file with its {@code -wal} and {@code -shm}. */
    public static void restrictAll(List<Path> paths) throws IOException {
        for (Path path : paths) {
            restrict(path);
        }
    }

    /**
     * Tightens {@code dir} and everything below it, for installations made before files were
     * private. Symbolic links are neither followed nor changed. Returns what could not be
     * tightened (another user's file, a file system that refuses), so the caller can say so;
     * a missing {@code dir} is nothing to do.
     */
    public static List<Path> restrictTree(Path dir) {
        var failed = new ArrayList<Path>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !posix(dir)) {
            return failed;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    tighten(d, attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    tighten(f, attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    if (!(e instanceof NoSuchFileException)) {
                        failed.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                private void tighten(Path p, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink()) {
                        return;
                    }
                    try {
                        restrict(p);
                    } catch (IOException e) {
                        failed.add(p);
                    }
                }
            });
        } catch (IOException e) {
            failed.add(dir);
        }
        return failed;
    }

    /**
     * Opens {@code file} for writing (creating it owner-only if missing, tightening it if not).
     * With no options it is created or truncated, as {@link Files#newOutputStream} does.
     */
    public static OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> opts = new HashSet<>(List.of(options));
        if (opts.isEmpty()) {
            opts.add(StandardOpenOption.CREATE);
            opts.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        opts.add(StandardOpenOption.WRITE);
        var channel = Files.newByteChannel(file, opts, fileAttributes(file));
        try {
            restrict(file);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return Channels.newOutputStream(channel);
    }

    /**
     * Replaces {@code file} with {@code content} all at once: written to an owner-only temporary
     * file beside it, flushed to disk, then renamed over it, so a crash leaves the old file or
     * the new one, never half of one.
     */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Path tmp = writeTemporary(file, content);
        try {
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Creates {@code file} with {@code content} unless it exists: whole or not at all, and when
     * two processes race, exactly one wins and the other sees the winner's complete file.
     *
     * @return true if this call created it
     */
    public static boolean createAtomically(Path file, byte[] content) throws IOException {
        Path tmp = writeTemporary(file, content);
        try {
            Files.createLink(file, tmp); // link(2) never replaces: the loser gets FileAlreadyExistsException
            return true;
        } catch (FileAlreadyExistsException lost) {
            return false;
        } catch (UnsupportedOperationException noHardLinks) {
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (FileAlreadyExistsException lost) {
                return false;
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path writeTemporary(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (var channel = Files.newByteChannel(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                fileAttributes(tmp))) {
            var buffer = java.nio.ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (channel instanceof java.nio.channels.FileChannel fc) {
                fc.force(true);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    private static FileAttribute<?>[] fileAttributes(Path file) {
        return posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)} : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
