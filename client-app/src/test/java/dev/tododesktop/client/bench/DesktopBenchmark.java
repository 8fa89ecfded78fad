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
 * {@code package} ({@code client-app/target/app}) in child JVMs on the headless platform:
 * cold start to the sign-in screen through the launcher (with and without the build's
 * ahead-of-time cache), idle memory, and signing in to a list of 10,000 tasks — on a new
 * device (which first syncs them all) and on a device that already holds them — with the
 * longest FX-thread stall meanwhile. The command is in BENCHMARKS.md.
 */
public final class DesktopBenchmark {

    private static final Pattern FIRST_SCREEN = Pattern.compile("First screen \\(([a-z-]+)\\) shown (\\d+) ms after JVM start");
    private static final Pattern RESULT = Pattern.compile(
            "RESULT sign-in-to-list-ms=(\\d+) longest-fx-stall-ms=([\\d.]+) fx-cpu-ms=(\\d+) switch-stall-ms=([\\d.]+)");
    private static final String PASSWORD = "benchmark-Password-77";
    private static final int TASKS = 10_000;
    private static final Path APP = Path.of("client-app/target/app");

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
        if (!part.equals("sign-in")) {
            coldStartAndIdleMemory(runs, "");
            coldStartAndIdleMemory(runs, "-XX:AOTMode=off");
        }
        if (!part.equals("cold-start")) {
            signInToTasks(runs);
        }
        System.exit(0);
    }

    private static void coldStartAndIdleMemory(int runs, String extraOptions) throws Exception {
        List<Long> starts = new ArrayList<>();
        List<Long> rssKb = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path dir = Files.createTempDirectory("todo-bench-app");
            Path logs = dir.resolve("logs");
            var launcher = new ProcessBuilder(APP.resolve("bin/todo-desktop").toString(),
                    "--data-dir=" + dir.resolve("data"), "--config-dir=" + dir.resolve("config"));
            launcher.environment().put("JAVA_TOOL_OPTIONS", "-Dglass.platform=Headless -Dprism.order=sw");
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
            List<long[]> fresh = new ArrayList<>();
            List<long[]> returning = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Path device = dir.resolve("device-" + i);
                fresh.add(signIn(server, email, device));
                returning.add(signIn(server, email, device));
            }
            report("sign-in on a new device (syncs all 10,000 first)", fresh);
            report("sign-in on a device that holds the 10,000 already", returning);
        }
    }

    private static void report(String what, List<long[]> results) {
        var times = results.stream().mapToLong(r -> r[0]).sorted().toArray();
        var stalls = results.stream().mapToLong(r -> r[1]).sorted().toArray();
        var fxCpu = results.stream().mapToLong(r -> r[2]).sorted().toArray();
        var switchStalls = results.stream().mapToLong(r -> r[3]).sorted().toArray();
        System.out.printf("%s, to the 10,000-task list laid out (%d runs): median %d ms, min %d, max %d; "
                        + "longest FX-thread stall from the click to the tasks screen: median %.1f ms, max %.1f ms; "
                        + "from then until the full list is laid out (+1 s): median %.1f ms, max %.1f ms; "
                        + "FX-thread CPU until the list shows: median %d ms%n",
                what, results.size(), times[times.length / 2], times[0], times[times.length - 1],
                switchStalls[switchStalls.length / 2] / 10.0, switchStalls[switchStalls.length - 1] / 10.0,
                stalls[stalls.length / 2] / 10.0, stalls[stalls.length - 1] / 10.0, fxCpu[fxCpu.length / 2]);
    }

    /** One child JVM that signs in; returns {ms, stall after the screen switch (0.1 ms), FX CPU ms, stall until the switch (0.1 ms)}. */
    private static long[] signIn(TodoServer server, String email, Path device) throws Exception {
        Files.createDirectories(device);
        String aot = APP.resolve("aot/todo-desktop.aot").toString();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "@" + APP.resolve("bin/jvm.options"), "-XX:AOTCache=" + aot, "-Xlog:aot=off", "-Xlog:cds=off",
                "-Dglass.platform=Headless", "-Dprism.order=sw", "-Dtodo.log.dir=" + device.resolve("logs"),
                "-Xlog:gc:file=" + device.resolve("gc-" + System.nanoTime() + ".log"),
                "-cp", APP.resolve("lib") + File.separator + "*" + File.pathSeparator + "client-app/target/test-classes",
                SignInDriver.class.getName(), server.baseUri().toString(), email, PASSWORD,
                device.resolve("data").toString(), device.resolve("config").toString(), Integer.toString(TASKS)));
        Path out = device.resolve("out-" + System.nanoTime() + ".txt");
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        check(process.waitFor(180, TimeUnit.SECONDS), "the sign-in run did not finish in 180 s; see " + out);
        var m = RESULT.matcher(Files.readString(out));
        check(m.find(), "no result from the sign-in run; see " + out);
        return new long[] {Long.parseLong(m.group(1)), Math.round(Double.parseDouble(m.group(2)) * 10), Long.parseLong(m.group(3)),
                Math.round(Double.parseDouble(m.group(4)) * 10)};
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}
