package dev.tododesktop.client.bench;

import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.api.TodoApiClient;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.contract.auth.RegisterRequest;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.ServerConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The desktop app's own figures (a main, not a test), all from the real app as built by
 * {@code package} ({@code client-app/target/app}) in child JVMs: cold start to the sign-in
 * screen through the launcher (with and without the build's ahead-of-time cache), idle memory,
 * and signing in to a list of 10,000 tasks — on a new device (which first syncs them all) and on
 * a device that already holds them — with the longest FX-thread stall meanwhile. The simulated
 * person takes {@code -Dbench.typingMs} (default 1,500) to type the password, as the app gets
 * the last account's screen ready meanwhile. {@code -Dbench.display=headless} (default) draws on
 * JavaFX's headless platform, {@code xvfb} in a real GTK window on an Xvfb it starts. The command
 * is in BENCHMARKS.md.
 */
public final class DesktopBenchmark {

    private static final Pattern FIRST_SCREEN = Pattern.compile("First screen \\(([a-z-]+)\\) shown (\\d+) ms after JVM start");
    private static final Pattern RESULT = Pattern.compile(
            "RESULT sign-in-to-list-ms=(\\d+) longest-fx-stall-ms=([\\d.]+) fx-cpu-ms=(\\d+) switch-stall-ms=([\\d.]+) typing-stall-ms=([\\d.]+)");
    private static final String PASSWORD = "benchmark-Password-77";
    private static final int TASKS = 10_000;
    private static final Path APP = Path.of("client-app/target/app");
    /** How long the simulated person takes to type the password before clicking Sign in. */
    private static final long TYPING_MS = Long.getLong("bench.typingMs", 1_500);

    /**
     * Where the child JVMs draw. The headless platform is how CI runs the app; it copies every
     * frame into its own buffer pixel by pixel on the FX thread, which no real display does, so
     * the figures are also taken in a real X window (GTK) on Xvfb, as on a Linux desktop.
     */
    enum Display {
        HEADLESS(List.of("-Dglass.platform=Headless", "-Dprism.order=sw")),
        XVFB(List.of("-Dprism.order=sw"));

        final List<String> jvmOptions;

        Display(List<String> jvmOptions) {
            this.jvmOptions = jvmOptions;
        }
    }

    private static final Display DISPLAY = Display.valueOf(System.getProperty("bench.display", "headless").toUpperCase(java.util.Locale.ROOT));
    private static final String XVFB_DISPLAY = ":77";

    private DesktopBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (!Files.isExecutable(APP.resolve("bin/todo-desktop"))) {
            throw new IllegalStateException("run from the repository root after ./mvnw -DskipTests package: no " + APP.resolve("bin/todo-desktop"));
        }
        // Arguments: runs (default 5), then which part: all (default), cold-start or sign-in.
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf("# DesktopBenchmark: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), Instant.now());
        String part = args.length > 1 ? args[1] : "all";
        System.out.printf("# display: %s (JVM options %s), password typed in %d ms%n", DISPLAY, DISPLAY.jvmOptions, TYPING_MS);
        Process xvfb = DISPLAY == Display.XVFB ? startXvfb() : null;
        try {
            run(runs, part);
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
        System.exit(0);
    }

    private static Process startXvfb() throws Exception {
        var xvfb = new ProcessBuilder("Xvfb", XVFB_DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread.sleep(1_000);
        check(xvfb.isAlive(), "Xvfb did not start (apt-get install xvfb libgtk-3-0)");
        return xvfb;
    }

    private static void childEnvironment(ProcessBuilder child) {
        if (DISPLAY == Display.XVFB) {
            child.environment().put("DISPLAY", XVFB_DISPLAY);
        }
    }

    private static void run(int runs, String part) throws Exception {
        if (!part.equals("sign-in")) {
            coldStartAndIdleMemory(runs, "");
            coldStartAndIdleMemory(runs, "-XX:AOTMode=off");
        }
        if (!part.equals("cold-start")) {
            signInToTasks(runs);
        }
    }

    private static void coldStartAndIdleMemory(int runs, String extraOptions) throws Exception {
        List<Long> starts = new ArrayList<>();
        List<Long> rssKb = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path dir = Files.createTempDirectory("todo-bench-app");
            Path logs = dir.resolve("logs");
            var launcher = new ProcessBuilder(APP.resolve("bin/todo-desktop").toString(),
                    "--data-dir=" + dir.resolve("data"), "--config-dir=" + dir.resolve("config"));
            launcher.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", DISPLAY.jvmOptions));
            childEnvironment(launcher);
            launcher.environment().put("TODO_DESKTOP_JAVA_OPTS", "-Dtodo.log.dir=" + logs + " -Dtodo.keychain=none " + extraOptions);
            var process = launcher.redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                Long ms = null;
                while (ms == null && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                    Path log = logs.resolve("todo-desktop.log");
                    if (Files.exists(log)) {
                        var m = FIRST_SCREEN.matcher(Files.readString(log));
                        if (m.find()) {
                            ms = Long.parseLong(m.group(2));
                        }
                    }
                }
                if (ms == null) {
                    throw new IllegalStateException("the app did not show a screen within 60 s; see " + dir);
                }
                starts.add(ms);
                Thread.sleep(5_000); // idle: the embedded server is up, the sign-in screen waits
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rssKb.add(Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } finally {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        starts.sort(null);
        rssKb.sort(null);
        String how = extraOptions.isEmpty() ? "launcher as built" : "launcher with " + extraOptions;
        System.out.printf("cold start to the sign-in screen (%s; JVM uptime, %d runs): median %d ms, min %d, max %d%n",
                how, runs, starts.get(runs / 2), starts.getFirst(), starts.getLast());
        System.out.printf("idle RSS 5 s after the sign-in screen (%s; embedded server running): median %d MB, max %d MB%n",
                how, rssKb.get(rssKb.size() / 2) / 1024, rssKb.getLast() / 1024);
    }

    private static void signInToTasks(int runs) throws Exception {
        Path dir = Files.createTempDirectory("todo-bench-sign-in");
        System.out.println("sign-in runs keep their logs in " + dir);
        try (TodoServer server = TodoServer.start(ServerConfig.embedded(dir.resolve("server")))) {
            String email = "desktop-bench-" + UUID.randomUUID() + "@example.com";
            try (var seeder = TodoApiClient.builder(server.baseUri(), new SessionOnlyStore("bench"))
                    .readTimeout(Duration.ofSeconds(60)).build()) {
                check(seeder.register(new RegisterRequest(email, PASSWORD, "Bench", "seeder")) instanceof ApiResult.Ok<?>, "register");
                dev.tododesktop.client.sync.bench.SyncEngineBenchmark.seed(seeder, TASKS);
            }
            List<SignIn> fresh = new ArrayList<>();
            List<SignIn> returning = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Path device = dir.resolve("device-" + i);
                fresh.add(signIn(server, email, device));
                returning.add(signIn(server, email, device));
            }
            report("sign-in on a new device (syncs all 10,000 first)", fresh);
            report("sign-in on a device that holds the 10,000 already", returning);
        }
    }

    /** One sign-in, as the child measured it (stalls in ms of waiting work on the FX thread). */
    private record SignIn(long toListMs, double stallAfterSwitchMs, long fxCpuMs, double stallUntilSwitchMs, double stallWhileTypingMs) {}

    private static void report(String what, List<SignIn> results) {
        System.out.printf("%s, to the 10,000-task list laid out (%d runs): %s ms; longest FX-thread stall while the "
                        + "password is typed: %s ms; from the click to the tasks screen: %s ms; from then until the full list "
                        + "is laid out (+1 s): %s ms; FX-thread CPU from the click until the list shows: %s ms%n",
                what, results.size(), spread(results, r -> r.toListMs()), spread(results, SignIn::stallWhileTypingMs),
                spread(results, SignIn::stallUntilSwitchMs), spread(results, SignIn::stallAfterSwitchMs),
                spread(results, r -> r.fxCpuMs()));
    }

    /** "median M (min–max)". */
    private static String spread(List<SignIn> results, java.util.function.ToDoubleFunction<SignIn> figure) {
        double[] sorted = results.stream().mapToDouble(figure).sorted().toArray();
        return String.format(java.util.Locale.ROOT, "median %.0f (%.0f–%.0f)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }

    /** One child JVM that signs in. */
    private static SignIn signIn(TodoServer server, String email, Path device) throws Exception {
        Files.createDirectories(device);
        String aot = APP.resolve("aot/todo-desktop.aot").toString();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "@" + APP.resolve("bin/jvm.options"), "-XX:AOTCache=" + aot, "-Xlog:aot=off", "-Xlog:cds=off",
                // As the launcher runs it (JavaFX from the module path), or the JVM would not use the cache.
                "--module-path", APP.resolve("javafx").toString(), "--add-modules", "javafx.controls,javafx.fxml",
                "-Dbench.typingMs=" + TYPING_MS, "-Dtodo.log.dir=" + device.resolve("logs"),
                "-Xlog:gc:file=" + device.resolve("gc-" + System.nanoTime() + ".log"),
                "-cp", APP.resolve("lib") + File.separator + "*" + File.pathSeparator + "client-app/target/test-classes",
                SignInDriver.class.getName(), server.baseUri().toString(), email, PASSWORD,
                device.resolve("data").toString(), device.resolve("config").toString(), Integer.toString(TASKS)));
        command.addAll(1, DISPLAY.jvmOptions);
        Path out = device.resolve("out-" + System.nanoTime() + ".txt");
        var child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        childEnvironment(child);
        var process = child.start();
        check(process.waitFor(180, TimeUnit.SECONDS), "the sign-in run did not finish in 180 s; see " + out);
        var m = RESULT.matcher(Files.readString(out));
        check(m.find(), "no result from the sign-in run; see " + out);
        return new SignIn(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Long.parseLong(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}
