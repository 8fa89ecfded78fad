import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds JDK 25's ahead-of-time cache for the desktop app from a scripted first run
 * (dev.tododesktop.client.app.training.StartupTraining), in JDK 25's two steps: a training run
 * that records what the app loads and links (-XX:AOTMode=record), then the cache made from that
 * record (-XX:AOTMode=create). Two steps, not -XX:AOTCacheOutput, because that one forks the
 * second JVM with the whole class path in JAVA_TOOL_OPTIONS, which the JVM prints (6 KB).
 *
 * The cache only makes the start faster, so a training run that fails or hangs must not fail a
 * person's build: the app is then left without a cache, and this says so in one line (the
 * training's own output is in the log beside the cache). With --required (release builds) it
 * fails instead. The training is also a test of the build (StartupTrainingTest), so CI sees
 * its failures as a failed test either way.
 *
 * Usage (single-file program, run by the JDK that builds):
 *   java TrainStartupCache.java [--required] [--timeout=SECONDS] --cache=FILE -- JAVA [JVM OPTIONS...]
 *       trains with exactly the JVM and options the launcher uses (class path, module path, jvm.options)
 *   java TrainStartupCache.java [--required] [--timeout=SECONDS] --app-image=DIR
 *       trains a jpackage app image with its own runtime and launcher options (its .cfg file), puts
 *       the cache beside the app's jars and adds it to the launcher's options
 */
public final class TrainStartupCache {

    static final String TRAINING_MAIN = "dev.tododesktop.client.app.training.StartupTraining";
    static final String FINISHED = "Start-up training finished";
    static final String FAILED = "Start-up training failed: ";
    static final String CACHE_NAME = "todo-desktop.aot";

    public static void main(String[] args) throws Exception {
        boolean required = false;
        long timeoutSeconds = 600;
        Path cache = null;
        Path appImage = null;
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                command.addAll(List.of(args).subList(i + 1, args.length));
                break;
            } else if (arg.equals("--required")) {
                required = true;
            } else if (arg.startsWith("--required=")) {
                required = Boolean.parseBoolean(arg.substring("--required=".length()));
            } else if (arg.startsWith("--timeout=")) {
                timeoutSeconds = Long.parseLong(arg.substring("--timeout=".length()));
            } else if (arg.startsWith("--cache=")) {
                cache = Path.of(arg.substring("--cache=".length())).toAbsolutePath();
            } else if (arg.startsWith("--app-image=")) {
                appImage = Path.of(arg.substring("--app-image=".length())).toAbsolutePath();
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        Optional<AppImage> image = Optional.empty();
        if (appImage != null) {
            var found = AppImage.find(appImage);
            image = Optional.of(found);
            cache = found.cfg().resolveSibling(CACHE_NAME);
            command = found.javaCommand();
        }
        if (cache == null || command.isEmpty()) {
            throw new IllegalArgumentException("give --cache=FILE -- JAVA [OPTIONS...], or --app-image=DIR");
        }

        var training = new TrainStartupCache(cache, command, timeoutSeconds);
        Optional<String> failure = training.run();
        if (failure.isPresent()) {
            String line = "Start-up training failed (" + failure.get() + "); the app is built without its start-up cache"
                    + " and starts more slowly. Output: " + training.log;
            if (required) {
                System.err.println("ERROR: " + line);
                System.exit(1);
            }
            System.out.println("WARNING: " + line);
            return;
        }
        if (image.isPresent()) {
            image.get().useCache(cache);
        }
        System.out.printf(Locale.ROOT, "Start-up cache %s: %.0f MB, trained in %.0f s%n", cache,
                Files.size(cache) / 1e6, training.seconds);
    }

    private final Path cache;
    private final Path configuration;
    private final Path log;
    private final List<String> command;
    private final long timeoutSeconds;
    private double seconds;

    private TrainStartupCache(Path cache, List<String> command, long timeoutSeconds) {
        this.cache = cache;
        this.configuration = cache.resolveSibling(cache.getFileName() + "conf");
        this.log = cache.resolveSibling("training.log");
        this.command = command;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Trains and makes the cache; empty when it did, else why not (one line). Never leaves a stale cache. */
    private Optional<String> run() throws IOException, InterruptedException {
        Files.createDirectories(cache.getParent());
        Files.deleteIfExists(cache);
        Files.deleteIfExists(configuration);
        Files.writeString(log, "");
        try {
            long start = System.nanoTime();
            var record = new ArrayList<>(command);
            // The JVM names each class it cannot cache (proxies, JFR events) at warning level.
            record.addAll(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + configuration, "-Xlog:aot=error",
                    "-Dglass.platform=Headless", "-Dprism.order=sw", TRAINING_MAIN));
            Optional<String> failed = launch(record, "training run");
            seconds = (System.nanoTime() - start) / 1e9;
            if (failed.isPresent()) {
                return failed;
            }
            if (!Files.readString(log).contains(FINISHED) || !Files.isRegularFile(configuration)) {
                return Optional.of("the training run recorded nothing; see its output");
            }
            var create = new ArrayList<>(command);
            create.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration,
                    "-XX:AOTCache=" + cache, "-Xlog:aot=error"));
            failed = launch(create, "cache assembly");
            if (failed.isPresent()) {
                return failed;
            }
            return Files.isRegularFile(cache) ? Optional.empty() : Optional.of("the JVM wrote no cache");
        } finally {
            Files.deleteIfExists(configuration);
            if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
                Files.deleteIfExists(cache);
            }
        }
    }

    /** Runs one JVM with its output appended to the log; empty when it exited 0. */
    private Optional<String> launch(List<String> jvm, String what) throws IOException, InterruptedException {
        Files.writeString(log, "$ " + String.join(" ", jvm) + System.lineSeparator(), StandardOpenOption.APPEND);
        Process process;
        try {
            process = new ProcessBuilder(jvm).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            return Optional.of("could not start " + jvm.get(0) + ": " + e.getMessage());
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            return Optional.of(what + " did not end within " + timeoutSeconds + " s");
        }
        if (process.exitValue() == 0) {
            return Optional.empty();
        }
        String reason;
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            reason = lines.filter(l -> l.startsWith(FAILED)).reduce((a, b) -> b)
                    .map(l -> l.substring(FAILED.length()))
                    .orElse(what + " exited with status " + process.exitValue());
        }
        return Optional.of(reason);
    }

    /**
     * A jpackage app image: its launcher's .cfg (class path, JVM options, with $APPDIR for the
     * folder of the app's jars) and its runtime. The cache must be trained with exactly the class
     * path and module options the launcher passes, or the JVM will not use it.
     */
    record AppImage(Path cfg, Path runtimeJava, List<String> options, List<String> classPath) {

        static AppImage find(Path image) throws IOException {
            Path cfg;
            try (Stream<Path> files = Files.walk(image)) {
                cfg = files.filter(p -> p.getFileName().toString().endsWith(".cfg") && p.getParent().getFileName().toString().equals("app"))
                        .findFirst().orElseThrow(() -> new IOException("no launcher .cfg in " + image));
            }
            Path runtimeJava;
            try (Stream<Path> files = Files.walk(image)) {
                runtimeJava = files.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("bin")
                                && (p.getFileName().toString().equals("java") || p.getFileName().toString().equals("java.exe"))
                                && p.toString().contains("runtime"))
                        .findFirst().orElseThrow(() -> new IOException("no runtime java in " + image));
            }
            String appDir = cfg.getParent().toString();
            var options = new ArrayList<String>();
            var classPath = new ArrayList<String>();
            for (String line : Files.readAllLines(cfg)) {
                String value = line.substring(line.indexOf('=') + 1).replace("$APPDIR", appDir);
                if (line.startsWith("java-options=")) {
                    options.add(value);
                } else if (line.startsWith("app.classpath=")) {
                    classPath.add(value);
                }
            }
            return new AppImage(cfg, runtimeJava, options, classPath);
        }

        List<String> javaCommand() {
            var command = new ArrayList<String>();
            command.add(runtimeJava.toString());
            command.addAll(options);
            command.add("-cp");
            command.add(String.join(java.io.File.pathSeparator, classPath));
            return command;
        }

        /** The launcher starts with the cache; a JVM that cannot use it starts without, silently. */
        void useCache(Path cache) throws IOException {
            var lines = new ArrayList<>(Files.readAllLines(cfg));
            int last = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("java-options=")) {
                    last = i;
                }
            }
            if (last < 0) {
                lines.add("[JavaOptions]");
                last = lines.size() - 1;
            }
            lines.addAll(last + 1, List.of("java-options=-XX:AOTCache=$APPDIR/" + cache.getFileName(),
                    "java-options=-Xlog:aot=off", "java-options=-Xlog:cds=off"));
            Files.write(cfg, lines);
        }
    }
}
