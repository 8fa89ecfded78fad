package dev.tododesktop.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tododesktop.contract.ApiJson;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.TaskServers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The task/sync benchmark of issue 3 (a main method, not a test). For each backend it starts a
 * real server on loopback with a bare {@code /bench/hello} route beside the API and measures, in
 * the same run: an authenticated list of 50 tasks vs hello at 64 concurrent connections
 * (throughput ratio, p50/p99) and the list's p99 at half that load; 1000 users each holding an
 * event stream and listing; a full pull of 10,000 tasks; a 500-mutation push; an empty delta
 * pull. Every loop is bounded by time or count.
 *
 * <p>Run (see BENCHMARKS.md): {@code java -cp … dev.tododesktop.server.bench.SyncBenchmark [sqlite|postgres]…}
 */
public final class SyncBenchmark {

    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final Duration WARMUP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(8);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;

    private SyncBenchmark(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        var backends = args.length == 0 ? List.of(Backend.SQLITE, Backend.POSTGRES)
                : Arrays.stream(args).map(a -> Backend.valueOf(a.toUpperCase(Locale.ROOT))).toList();
        for (var backend : backends) {
            Path dir = Files.createTempDirectory("sync-bench");
            try (TodoServer server = startWithHello(backend, dir)) {
                System.out.printf("%n=== %s (%s) ===%n", backend, server.baseUri());
                new SyncBenchmark(server.baseUri()).run();
            }
        }
        System.exit(0);
    }

    private static TodoServer startWithHello(Backend backend, Path dir) {
        var config = TaskServers.configure(dev.tododesktop.server.config.ServerConfig.embedded(dir)
                .withDatabase(backend.freshDatabase(dir)));
        return TodoServer.builder(config)
                .extraRoutes(routes -> routes.get("/bench/hello", ctx -> ctx.result("hello")))
                .start();
    }

    /**
     * Which phases to run: {@code -Dbench.phases=list,half,streams,pull,push,empty} (the default is
     * all of them; {@code -Dbench.listOnly=true} is {@code list}). Profiling one phase at a time
     * keeps the others out of the recording.
     */
    private static boolean phase(String name) {
        if (Boolean.getBoolean("bench.listOnly")) {
            return name.equals("list");
        }
        String phases = System.getProperty("bench.phases", "list,half,streams,pull,push,empty");
        return Arrays.asList(phases.split(",")).contains(name);
    }

    private void run() throws Exception {
        if (phase("list") || phase("half")) {
            listPhases();
        }
        if (phase("streams")) {
            thousandStreams();
        }
        if (phase("pull") || phase("push") || phase("empty")) {
            bigUserPhases();
        }
    }

    private void listPhases() throws Exception {
        // A user with 50 tasks for the list comparison.
        var user = register();
        push(user, creates(50));
        String listPath = "/api/" + user.id + "/tasks?limit=50";
        var hello = closedLoop(64, () -> get("/bench/hello", null));
        var list = closedLoop(64, () -> get(listPath, user.token));
        System.out.printf("hello       64 conns: %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  cpu %.0f us/req%n",
                hello.rps(), hello.p(50), hello.p(99), hello.errors, hello.cpuMicrosPerRequest());
        System.out.printf("list of 50  64 conns: %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  (%.2fx hello)  cpu %.0f us/req (hello/list cpu %.2f)%n",
                list.rps(), list.p(50), list.p(99), list.errors, list.rps() / hello.rps(), list.cpuMicrosPerRequest(),
                hello.cpuMicrosPerRequest() / list.cpuMicrosPerRequest());
        if (!phase("half")) {
            return;
        }
        var half = paced(64, list.rps() / 2, () -> get(listPath, user.token));
        System.out.printf("list of 50 at half load (%.0f req/s offered): %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n",
                list.rps() / 2, half.rps(), half.p(50), half.p(99), half.errors);
    }

    private void bigUserPhases() throws Exception {
        // Full pull of 10,000 tasks, a 500-mutation push, an empty delta pull.
        var big = register();
        for (int i = 0; i < 20; i++) {
            push(big, creates(500));
        }
        long[] fullPull = new long[phase("pull") ? 5 : 0];
        String cursor = null;
        for (int r = 0; r < fullPull.length; r++) {
            long t0 = System.nanoTime();
            int n = 0;
            cursor = null;
            boolean more = true;
            while (more) {
                var page = getJson("/api/" + big.id + "/sync?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor), big.token);
                n += page.get("changes").size();
                cursor = page.get("cursor").asText();
                more = page.get("has_more").asBoolean();
            }
            fullPull[r] = System.nanoTime() - t0;
            if (n != 10_000) throw new IllegalStateException("pulled " + n);
        }
        if (fullPull.length > 0) {
            System.out.printf("full pull of 10,000 tasks (10 pages of 1000): best %.1f ms, median %.1f ms%n",
                    ms(min(fullPull)), ms(median(fullPull)));
        }
        int pushRuns = phase("push") ? Integer.getInteger("bench.pushRuns", 5) : 0;
        long[] pushes = new long[pushRuns];
        for (int r = 0; r < pushes.length; r++) {
            var user500 = register();
            var batch = creates(500);
            long t0 = System.nanoTime();
            var results = push(user500, batch);
            pushes[r] = System.nanoTime() - t0;
            if (results.get("results").size() != 500) throw new IllegalStateException("push");
        }
        long[] updates = new long[pushRuns];
        for (int r = 0; r < updates.length; r++) {
            var mutations = new ArrayList<Map<String, Object>>();
            var page = getJson("/api/" + big.id + "/tasks?limit=500&offset=" + (r * 500), big.token).get("items");
            for (var t : page) {
                mutations.add(Map.of("mutation_id", UUID.randomUUID().toString(), "type", "update", "task_id", t.get("id").asText(),
                        "base_version", t.get("version").asLong(), "fields", Map.of("description", "edited " + r)));
            }
            long t0 = System.nanoTime();
            push(big, mutations);
            updates[r] = System.nanoTime() - t0;
        }
        if (pushRuns > 0) {
            System.out.printf("push of 500 mutations (creates): best %.1f ms, median %.1f ms  %s%n",
                    ms(min(pushes)), ms(median(pushes)), all(pushes));
            System.out.printf("push of 500 mutations (updates of existing tasks): best %.1f ms, median %.1f ms  %s%n",
                    ms(min(updates)), ms(median(updates)), all(updates));
        }
        if (!phase("empty")) {
            return;
        }
        var tail = getJson("/api/" + big.id + "/sync?limit=1000&cursor=" + lastCursor(big), big.token);
        String newest = tail.get("cursor").asText();
        long[] empty = new long[2000];
        for (int i = 0; i < empty.length; i++) {
            long t0 = System.nanoTime();
            var r = get("/api/" + big.id + "/sync?cursor=" + newest, big.token);
            empty[i] = System.nanoTime() - t0;
            if (r.statusCode() != 200 || !r.body().contains("\"changes\":[]")) throw new IllegalStateException(r.body());
        }
        Arrays.sort(empty);
        System.out.printf("empty delta pull (2000 sequential): p50 %.2f ms  p99 %.2f ms%n",
                ms(empty[empty.length / 2]), ms(empty[empty.length * 99 / 100]));
    }

    private String lastCursor(User u) throws Exception {
        String cursor = null;
        boolean more = true;
        while (more) {
            var page = getJson("/api/" + u.id + "/sync?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor), u.token);
            cursor = page.get("cursor").asText();
            more = page.get("has_more").asBoolean();
        }
        return cursor;
    }

    /** 1000 users, each with an open event stream, each listing its tasks; then every stream must hear its own change. */
    private void thousandStreams() throws Exception {
        int n = 1000;
        var users = new ArrayList<User>(n);
        long t0 = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(16)) {
            var futures = new ArrayList<java.util.concurrent.Future<User>>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(this::register));
            }
            for (var f : futures) users.add(f.get());
        }
        System.out.printf("registered %d users in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        var errors = new AtomicInteger();
        var ready = new CountDownLatch(n);
        var heard = new CountDownLatch(n);
        var streams = new ArrayList<InputStream>();
        var readers = Executors.newVirtualThreadPerTaskExecutor();
        t0 = System.nanoTime();
        for (var u : users) {
            var request = HttpRequest.newBuilder(base.resolve("/api/" + u.id + "/events"))
                    .header("Authorization", "Bearer " + u.token).header("Accept", "text/event-stream").GET().build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).whenComplete((resp, ex) -> {
                if (ex != null || resp.statusCode() != 200) {
                    errors.incrementAndGet();
                    ready.countDown();
                    heard.countDown();
                    return;
                }
                synchronized (streams) {
                    streams.add(resp.body());
                }
                readers.execute(() -> readEvents(resp.body(), ready, heard, errors));
            });
        }
        if (!ready.await(60, TimeUnit.SECONDS)) errors.incrementAndGet();
        System.out.printf("1000 event streams open and ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        // All 1000 list at once (the requirement) ...
        var listErrors = new AtomicInteger();
        var latencies = new long[n];
        t0 = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                int k = i;
                pool.execute(() -> {
                    try {
                        long s = System.nanoTime();
                        var u = users.get(k);
                        if (get("/api/" + u.id + "/tasks", u.token).statusCode() != 200) listErrors.incrementAndGet();
                        latencies[k] = System.nanoTime() - s;
                    } catch (Exception e) {
                        listErrors.incrementAndGet();
                    }
                });
            }
        }
        Arrays.sort(latencies);
        System.out.printf("1000 users with open streams list at once: all done in %.1f s (p50 %.1f ms, p99 %.1f ms); "
                        + "stream errors %d, list errors %d%n",
                (System.nanoTime() - t0) / 1e9, ms(latencies[n / 2]), ms(latencies[n * 99 / 100]), errors.get(), listErrors.get());
        // ... then each creates a task (16 at a time) and its stream must announce it.
        var pushErrors = new AtomicInteger();
        t0 = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (var u : users) {
                pool.execute(() -> {
                    try {
                        push(u, creates(1));
                    } catch (Exception e) {
                        pushErrors.incrementAndGet();
                    }
                });
            }
        }
        boolean allHeard = heard.await(30, TimeUnit.SECONDS);
        System.out.printf("1000 creates (16 concurrent) in %.1f s, push errors %d, every stream heard its own change: %s%n",
                (System.nanoTime() - t0) / 1e9, pushErrors.get(), allHeard);
        synchronized (streams) {
            for (var s : streams) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
        readers.shutdownNow();
    }

    private static void readEvents(InputStream in, CountDownLatch ready, CountDownLatch heard, AtomicInteger errors) {
        boolean gotReady = false;
        boolean gotChanged = false;
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.equals("event: ready") && !gotReady) {
                    gotReady = true;
                    ready.countDown();
                } else if (line.equals("event: changed") && !gotChanged) {
                    gotChanged = true;
                    heard.countDown();
                }
            }
        } catch (IOException e) {
            // closed at the end of the benchmark
        } finally {
            if (!gotReady) {
                errors.incrementAndGet();
                ready.countDown();
            }
            if (!gotChanged) heard.countDown();
        }
    }

    record User(String id, String token) {}

    private User register() throws Exception {
        var body = Map.of("email", "bench-" + UUID.randomUUID() + "@example.com", "password", "correct horse battery staple");
        var r = client.send(HttpRequest.newBuilder(base.resolve("/api/auth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) throw new IllegalStateException("register: " + r.statusCode() + " " + r.body());
        var json = JSON.readTree(r.body());
        return new User(json.get("user").get("id").asText(), json.get("access_token").asText());
    }

    private static List<Map<String, Object>> creates(int n) {
        var list = new ArrayList<Map<String, Object>>(n);
        for (int i = 0; i < n; i++) {
            list.add(Map.of("mutation_id", UUID.randomUUID().toString(), "type", "create", "task_id", UUID.randomUUID().toString(),
                    "fields", Map.of("title", "Task " + i, "description", "Benchmark task number " + i, "tags", List.of("bench", "t" + (i % 7)),
                            "priority", List.of("none", "low", "medium", "high").get(i % 4))));
        }
        return list;
    }

    private JsonNode push(User u, List<Map<String, Object>> mutations) throws Exception {
        var r = client.send(HttpRequest.newBuilder(base.resolve("/api/" + u.id + "/sync"))
                .header("Authorization", "Bearer " + u.token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("mutations", mutations)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("push: " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var b = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path, String token) throws Exception {
        var r = get(path, token);
        if (r.statusCode() != 200) throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    @FunctionalInterface
    interface Call {
        HttpResponse<String> call() throws Exception;
    }

    /**
     * {@code cpuNanos}: CPU time of this whole process (server, client, GC, JIT) during the
     * measured window. Per request it is robust on a shared machine where wall-clock throughput
     * is not: on 2 saturated cores, the list/hello throughput ratio tends to the inverse ratio
     * of CPU per request.
     */
    record Result(long requests, long errors, double seconds, long[] latencies, long cpuNanos) {
        double rps() {
            return requests / seconds;
        }

        double cpuMicrosPerRequest() {
            return requests == 0 ? Double.NaN : cpuNanos / 1e3 / requests;
        }

        double p(int percentile) {
            if (latencies.length == 0) return Double.NaN;
            return ms(latencies[Math.min(latencies.length - 1, (int) ((long) latencies.length * percentile / 100))]);
        }
    }

    /** {@code connections} workers, each sending its next request when the last one answered. */
    private Result closedLoop(int connections, Call call) throws Exception {
        return run(connections, call, 0);
    }

    /** The same workers, but the whole group offers only {@code rate} requests per second. */
    private Result paced(int connections, double rate, Call call) throws Exception {
        return run(connections, call, rate);
    }

    private Result run(int connections, Call call, double rate) throws Exception {
        long warmEnd = System.nanoTime() + WARMUP.toNanos();
        long end = warmEnd + MEASURE.toNanos();
        var recorded = new AtomicLong();
        var errors = new AtomicLong();
        var perWorker = new ArrayList<long[]>();
        var counts = new int[connections];
        var cpuAtWarmEnd = new AtomicLong(-1);
        var cpuAtEnd = new AtomicLong(-1);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(Duration.ofNanos(Math.max(0, warmEnd - System.nanoTime())));
                cpuAtWarmEnd.set(os.getProcessCpuTime());
                Thread.sleep(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
                cpuAtEnd.set(os.getProcessCpuTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long intervalNanos = rate > 0 ? (long) (1e9 * connections / rate) : 0;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < connections; w++) {
                var lat = new long[2_000_000 / connections];
                perWorker.add(lat);
                int worker = w;
                pool.execute(() -> {
                    long next = System.nanoTime() + (intervalNanos > 0 ? (long) (Math.random() * intervalNanos) : 0);
                    while (true) {
                        if (intervalNanos > 0) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                try {
                                    Thread.sleep(Duration.ofNanos(wait));
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                            next += intervalNanos;
                        }
                        long s = System.nanoTime();
                        if (s >= end) return;
                        boolean ok;
                        try {
                            ok = call.call().statusCode() == 200;
                        } catch (Exception e) {
                            ok = false;
                        }
                        long f = System.nanoTime();
                        if (s >= warmEnd) {
                            if (!ok) errors.incrementAndGet();
                            recorded.incrementAndGet();
                            if (counts[worker] < lat.length) lat[counts[worker]++] = f - s;
                        }
                    }
                });
            }
        }
        int total = 0;
        for (int c : counts) total += c;
        var all = new long[total];
        int k = 0;
        for (int w = 0; w < connections; w++) {
            System.arraycopy(perWorker.get(w), 0, all, k, counts[w]);
            k += counts[w];
        }
        Arrays.sort(all);
        while (cpuAtEnd.get() < 0) {
            Thread.sleep(1);
        }
        return new Result(recorded.get(), errors.get(), MEASURE.toNanos() / 1e9, all, cpuAtEnd.get() - cpuAtWarmEnd.get());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String all(long[] a) {
        var sb = new StringBuilder("[");
        for (long v : a) {
            sb.append(sb.length() > 1 ? " " : "").append(Math.round(ms(v)));
        }
        return sb.append("]").toString();
    }

    private static long min(long[] a) {
        return Arrays.stream(a).min().orElseThrow();
    }

    private static long median(long[] a) {
        var c = a.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
