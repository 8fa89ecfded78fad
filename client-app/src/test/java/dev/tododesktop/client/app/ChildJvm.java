package dev.tododesktop.client.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM started the way the launcher starts the app: JavaFX's jars on the module path,
 * everything else on the class path (this test's), so what it prints is what a person sees.
 */
final class ChildJvm {

    /** What the child printed (stdout and stderr together) and how it ended. */
    record Outcome(boolean exited, int status, String output, Path outputFile) {}

    private ChildJvm() {}

    static ProcessBuilder command(List<String> jvmOptions, String mainClass, String... args) {
        var javafx = new ArrayList<String>();
        var classPath = new ArrayList<String>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            (Path.of(entry).getFileName().toString().startsWith("javafx-") ? javafx : classPath).add(entry);
        }
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED,javafx.graphics");
        command.addAll(List.of("--module-path", String.join(File.pathSeparator, javafx), "--add-modules", "javafx.controls,javafx.fxml"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), mainClass));
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    static Outcome run(ProcessBuilder child, Path outputFile, long timeoutSeconds) throws Exception {
        var process = child.redirectOutput(outputFile.toFile()).start();
        boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!exited) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return new Outcome(exited, exited ? process.exitValue() : -1, Files.readString(outputFile), outputFile);
    }
}
