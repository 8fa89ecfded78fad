package dev.tododesktop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What tests of "owner-only files" need: the process umask (a test that another account cannot
 * read a file proves nothing under umask 077, so such tests first check that the umask would
 * have let them fail), and every path in a tree that someone other than its owner can open.
 */
public final class FileModes {

    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private FileModes() {}

    /** This process's umask as Linux reports it, e.g. {@code 022}; empty elsewhere. */
    public static Optional<Integer> umask() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Umask:"))
                    .map(l -> Integer.parseInt(l.substring("Umask:".length()).strip(), 8))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when files made without care would be readable by others here (umask 022, 002 or 000). */
    public static boolean umaskLetsOthersRead() {
        return umask().map(mask -> (mask & 0044) == 0).orElse(false);
    }

    /** Every file and directory under {@code root} (itself included) that group or others may open, with its mode. */
    public static List<String> openToOthers(Path root) {
        var open = new ArrayList<String>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Set<PosixFilePermission> perms;
                try {
                    perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue;
                }
                if (perms.stream().anyMatch(NOT_OWNER::contains)) {
                    open.add(PosixFilePermissions.toString(perms) + " " + root.relativize(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return open;
    }

    /** Every regular file under {@code root}, relative to it. */
    public static List<String> files(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
