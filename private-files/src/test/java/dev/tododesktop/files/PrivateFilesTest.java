package dev.tododesktop.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tododesktop.testing.FileModes;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void umaskWouldShowTheProblem() {
        assumeTrue(FileModes.umaskLetsOthersRead(), "umask " + FileModes.umask() + " hides group/other bits anyway");
    }

    @Test
    void directoriesAndFilesItMakesAreOwnerOnlyUnderUmask022() throws Exception {
        Path nested = PrivateFiles.directory(dir.resolve("a/b/c"));
        PrivateFiles.file(nested.resolve("empty"));
        try (OutputStream out = PrivateFiles.newOutputStream(nested.resolve("written"))) {
            out.write(1);
        }
        PrivateFiles.writeAtomically(nested.resolve("replaced"), "x".getBytes(StandardCharsets.UTF_8));
        PrivateFiles.createAtomically(nested.resolve("created"), "y".getBytes(StandardCharsets.UTF_8));

        assertThat(FileModes.openToOthers(dir.resolve("a"))).isEmpty();
        assertThat(mode(nested)).isEqualTo("rwx------");
        assertThat(mode(nested.resolve("written"))).isEqualTo("rw-------");
        assertThat(FileModes.files(nested)).containsExactly("created", "empty", "replaced", "written");
    }

    @Test
    void anOlderInstallationIsTightenedWithoutFollowingLinks() throws Exception {
        Path old = Files.createDirectories(dir.resolve("old/users"));
        Files.setPosixFilePermissions(old.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path db = Files.writeString(old.resolve("u.db"), "tasks");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Path elsewhere = Files.writeString(dir.resolve("not-ours"), "someone else's");
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(old.resolve("link"), elsewhere);

        assertThat(PrivateFiles.restrictTree(dir.resolve("old"))).isEmpty();

        assertThat(FileModes.openToOthers(dir.resolve("old"))).isEmpty();
        assertThat(mode(elsewhere)).as("a link's target is not ours to change").isEqualTo("rw-r--r--");
        assertThat(Files.readString(db)).isEqualTo("tasks");
    }

    @Test
    void anExistingDirectoryIsNotChangedUnlessItIsTheAppsOwn() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        PrivateFiles.directory(shared);
        PrivateFiles.directory(shared.resolve("ours"));
        assertThat(mode(shared)).as("like /tmp: not ours to change").isEqualTo("rwxrwxrwx");
        assertThat(mode(shared.resolve("ours"))).isEqualTo("rwx------");
        Files.setPosixFilePermissions(shared.resolve("ours"), PosixFilePermissions.fromString("rwxr-xr-x"));
        PrivateFiles.ownDirectory(shared.resolve("ours"));
        assertThat(mode(shared.resolve("ours"))).isEqualTo("rwx------");
    }

    @Test
    void openingAnExistingLooseFileTightensIt() throws Exception {
        Path loose = Files.writeString(dir.resolve("settings"), "old");
        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-rw-r--"));
        try (OutputStream out = PrivateFiles.newOutputStream(loose)) {
            out.write('n');
        }
        assertThat(mode(loose)).isEqualTo("rw-------");
        assertThat(Files.readString(loose)).isEqualTo("n");
    }

    @Test
    void racingCreatorsAgreeOnOneWholeFile() throws Exception {
        Path target = dir.resolve("key");
        try (var pool = Executors.newFixedThreadPool(8)) {
            var tasks = new ArrayList<Callable<Boolean>>();
            for (int i = 0; i < 8; i++) {
                byte[] content = ("content-" + i).repeat(1000).getBytes(StandardCharsets.UTF_8);
                tasks.add(() -> PrivateFiles.createAtomically(target, content));
            }
            var won = pool.invokeAll(tasks).stream().filter(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).count();
            assertThat(won).isEqualTo(1);
        }
        String content = Files.readString(target);
        assertThat(content).hasSize("content-0".length() * 1000);
        assertThat(content.replace(content.substring(0, 9), "")).isEmpty();
        assertThat(FileModes.files(dir)).containsExactly("key");
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
