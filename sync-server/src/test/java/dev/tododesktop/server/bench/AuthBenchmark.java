package dev.tododesktop.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tododesktop.contract.ApiJson;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.auth.tokens.AccessTokens;
import dev.tododesktop.server.auth.tokens.SigningKeyStore;
import dev.tododesktop.server.config.RateLimitSettings;
import dev.tododesktop.server.config.ServerConfig;
import dev.tododesktop.server.db.DatabaseUrl;
import dev.tododesktop.server.testing.EmbeddedPostgresHolder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accounts-and-tokens benchmark (a main method, not a test): login throughput and latency, the
 * cost of checking an access token, and {@code GET /api/auth/me} against a bare hello route on
 * the same server instance at 64 concurrent connections. Loopback only, bounded in count and time.
 *
 * <pre>
 * ./mvnw -B -q -pl sync-server -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.tododesktop.server.bench.AuthBenchmark -Dexec.cleanupDaemonThreads=false
 * </pre>
 * Arguments: {@code sqlite}, {@code postgres} or both (the default).
 */
public final class AuthBenchmark {

    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final int CONNECTIONS = 64;
    private static final int ROUNDS = 6;
    private static final Duration ROUND_DURATION = Duration.ofSeconds(3);
    private static final Duration WARMUP = Duration.ofSeconds(5);
    private static final int LOGIN_USERS = 4;
    private static final int LOGINS = 120;
    private static final Duration LOGIN_TIME_LIMIT = Duration.ofSeconds(30);

    private AuthBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<String> backends = args.length == 0 ? List.of("sqlite", "postgres") : Arrays.asList(args);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("# AuthBenchmark: %d cores, Java %s, %s%n", cores, Runtime.version(), java.time.Instant.now());
        for (String backend : backends) {
            Path dir = Files.createTempDirectory("auth-bench");
            DatabaseUrl db = backend.equals("postgres")
                    ? EmbeddedPostgresHolder.freshDatabase()
                    : DatabaseUrl.sqliteFile(dir.resolve("bench.db"));
            // Production Argon2 cost; rate limits wide open, since every request comes from one address.
            var limits = new RateLimitSettings(1_000_000, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(1),
                    1_000_000, Duration.ofMinutes(1), 1_000_000, Duration.ofHours(1));
            var config = ServerConfig.embedded(dir).withDatabase(db).withRateLimits(limits);
            var started = new java.util.concurrent.atomic.AtomicReference<TodoServer>();
            var fixedView = new dev.tododesktop.contract.auth.UserView(UUID.randomUUID(), "someone@example.com", null,
                    java.time.Instant.now());
            try (var server = TodoServer.builder(config)
                    .extraRoutes(routes -> {
                        routes.get("/hello", ctx -> ctx.result("hello"));
                        // Breakdown of /me's extra cost: JSON alone, and the access check alone.
                        routes.get("/bench/json", ctx -> ctx.json(fixedView));
                        routes.get("/bench/guard", ctx -> {
                            started.get().components().accessGuard().require(ctx);
                            ctx.result("ok");
                        });
                    })
                    .start()) {
                started.set(server);
                System.out.printf("%n## %s (Argon2: %s)%n", backend, server.config().passwordHashing());
                run(server, cores);
            }
        }
        System.exit(0);
    }

    private static void run(TodoServer server, int cores) throws Exception {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        URI base = server.baseUri();
        var emails = new ArrayList<String>();
        String password = "benchmark passphrase " + UUID.randomUUID();
        JsonNode first = null;
        for (int i = 0; i < LOGIN_USERS; i++) {
            String email = "bench-" + UUID.randomUUID() + "@example.com";
            var registered = post(client, base.resolve("/api/auth/register"), Map.of("email", email, "password", password));
            if (registered.statusCode() != 201) {
                throw new IllegalStateException("register failed: " + registered.body());
            }
            emails.add(email);
            if (first == null) {
                first = JSON.readTree(registered.body());
            }
        }
        String accessToken = first.get("access_token").asText();

        // 1. Logins: `cores` clients in parallel, each a full Argon2id verify + session + token.
        var loginLatencies = new ConcurrentLinkedQueue<Long>();
        var counter = new AtomicLong();
        long loginStart = System.nanoTime();
        long loginDeadline = loginStart + LOGIN_TIME_LIMIT.toNanos();
        try (var pool = Executors.newFixedThreadPool(cores)) {
            for (int t = 0; t < cores; t++) {
                pool.submit(() -> {
                    while (counter.getAndIncrement() < LOGINS && System.nanoTime() < loginDeadline) {
                        String email = emails.get((int) (counter.get() % emails.size()));
                        long s = System.nanoTime();
                        var r = post(client, base.resolve("/api/auth/login"), Map.of("email", email, "password", password));
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
                        }
                        loginLatencies.add(System.nanoTime() - s);
                    }
                    return null;
                });
            }
        }
        double loginSeconds = (System.nanoTime() - loginStart) / 1e9;
        var loginStats = Stats.of(loginLatencies);
        double loginRate = loginStats.count / loginSeconds;
        System.out.printf("logins: %d in %.1f s = %.1f/s total, %.1f/s per core; latency p50 %.1f ms, p99 %.1f ms (%d concurrent)%n",
                loginStats.count, loginSeconds, loginRate, loginRate / cores, loginStats.p50Ms(), loginStats.p99Ms(), cores);

        // 2. Token check cost, without HTTP: first sight (ECDSA verify + session look-up) and repeat.
        var guard = server.components().tokenAccessGuard();
        var claims = com.nimbusds.jwt.SignedJWT.parse(accessToken).getJWTClaimsSet();
        var userId = UUID.fromString(claims.getSubject());
        var sessionId = UUID.fromString(claims.getStringClaim("sid"));
        var keks = server.config().keyEncryptionKeys().isPresent() ? server.config().keyEncryptionKeys().get()
                : dev.tododesktop.server.auth.keys.KeyFile.read(server.config().defaultKeyFile());
        var keys = new SigningKeyStore(server.database(), new dev.tododesktop.server.auth.keys.SealedKeys(keks),
                Clock.systemUTC(), server.config().signingKeyRotation(),
                Duration.ofHours(1));
        var issuer = new AccessTokens(keys, Clock.systemUTC(), server.config().issuer(), server.config().audience(),
                server.config().accessTokenTtl());
        int distinct = 3000;
        var fresh = new ArrayList<String>(distinct);
        for (int i = 0; i < distinct; i++) {
            fresh.add(issuer.issue(userId, sessionId).token());
        }
        for (int i = 0; i < 1000; i++) {
            guard.check(fresh.get(i)); // warm-up
        }
        long s = System.nanoTime();
        for (int i = 1000; i < distinct; i++) {
            guard.check(fresh.get(i));
        }
        double firstSightUs = (System.nanoTime() - s) / 1e3 / (distinct - 1000);
        int repeats = 200_000;
        for (int i = 0; i < repeats; i++) {
            guard.check(accessToken);
        }
        s = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
            guard.check(accessToken);
        }
        double repeatUs = (System.nanoTime() - s) / 1e3 / repeats;
        System.out.printf("token check: %.1f µs first sight (ES256 verify + claims + live-session cache), %.2f µs repeated (verified-token cache)%n",
                firstSightUs, repeatUs);

        // 3. GET /api/auth/me vs GET /hello, 64 connections, same server instance, same run.
        var helloReq = HttpRequest.newBuilder(base.resolve("/hello")).GET().build();
        var meReq = HttpRequest.newBuilder(base.resolve("/api/auth/me")).header("Authorization", "Bearer " + accessToken).GET().build();
        load(client, helloReq, WARMUP);
        load(client, meReq, WARMUP);
        // Other work on the machine changes the load from second to second, so hello and /me run in
        // alternating short rounds (ABBA order) and the ratio is taken per round.
        var helloRounds = new ArrayList<LoadResult>();
        var meRounds = new ArrayList<LoadResult>();
        var ratios = new ArrayList<Double>();
        for (int round = 0; round < ROUNDS; round++) {
            LoadResult h;
            LoadResult m;
            if (round % 2 == 0) {
                h = load(client, helloReq, ROUND_DURATION);
                m = load(client, meReq, ROUND_DURATION);
            } else {
                m = load(client, meReq, ROUND_DURATION);
                h = load(client, helloReq, ROUND_DURATION);
            }
            helloRounds.add(h);
            meRounds.add(m);
            ratios.add(m.rate / h.rate);
        }
        var hello = LoadResult.combine(helloRounds);
        var me = LoadResult.combine(meRounds);
        ratios.sort(null);
        double medianRatio = (ratios.get((ROUNDS - 1) / 2) + ratios.get(ROUNDS / 2)) / 2;
        System.out.printf("hello   (%d conns, %d x %d s): %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d%n",
                CONNECTIONS, ROUNDS, ROUND_DURATION.toSeconds(), hello.rate, hello.stats.p50Ms(), hello.stats.p99Ms(), hello.errors);
        System.out.printf("auth/me (%d conns, %d x %d s): %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d%n",
                CONNECTIONS, ROUNDS, ROUND_DURATION.toSeconds(), me.rate, me.stats.p50Ms(), me.stats.p99Ms(), me.errors);
        System.out.printf("ratio me/hello: %.2f overall, %.2f median of rounds (rounds: %s)%n", me.rate / hello.rate, medianRatio,
                ratios.stream().map(r -> String.format("%.2f", r)).toList());
        var json = load(client, HttpRequest.newBuilder(base.resolve("/bench/json")).GET().build(), Duration.ofSeconds(5));
        var guarded = load(client, HttpRequest.newBuilder(base.resolve("/bench/guard"))
                .header("Authorization", "Bearer " + accessToken).GET().build(), Duration.ofSeconds(5));
        System.out.printf("breakdown: hello as JSON %.0f req/s; access check + text %.0f req/s%n", json.rate, guarded.rate);
        var timer = server.metrics().find("todo.auth.token.validation").timer();
        if (timer != null) {
            System.out.printf("todo.auth.token.validation: %d checks, mean %.1f µs, max %.1f µs%n", timer.count(),
                    timer.mean(java.util.concurrent.TimeUnit.MICROSECONDS), timer.max(java.util.concurrent.TimeUnit.MICROSECONDS));
        }
    }

    private record LoadResult(double rate, Stats stats, long errors, long count, double seconds) {
        static LoadResult combine(List<LoadResult> rounds) {
            long count = rounds.stream().mapToLong(LoadResult::count).sum();
            double seconds = rounds.stream().mapToDouble(LoadResult::seconds).sum();
            long[] all = rounds.stream().flatMapToLong(r -> Arrays.stream(r.stats.sorted)).sorted().toArray();
            return new LoadResult(count / seconds, new Stats(all.length, all), rounds.stream().mapToLong(LoadResult::errors).sum(),
                    count, seconds);
        }
    }

    private static LoadResult load(HttpClient client, HttpRequest request, Duration duration) throws InterruptedException {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var errors = new AtomicLong();
        var done = new CountDownLatch(CONNECTIONS);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CONNECTIONS; c++) {
                pool.submit(() -> {
                    try {
                        while (System.nanoTime() < deadline) {
                            long s = System.nanoTime();
                            try {
                                var r = client.send(request, HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() == 200) {
                                    latencies.add(System.nanoTime() - s);
                                } else {
                                    errors.incrementAndGet();
                                }
                            } catch (IOException e) {
                                errors.incrementAndGet();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var stats = Stats.of(latencies);
        return new LoadResult(stats.count / seconds, stats, errors.get(), stats.count, seconds);
    }

    private static HttpResponse<String> post(HttpClient client, URI uri, Object body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private record Stats(int count, long[] sorted) {
        static Stats of(ConcurrentLinkedQueue<Long> nanos) {
            long[] values = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Stats(values.length, values);
        }

        double p50Ms() {
            return percentile(0.50);
        }

        double p99Ms() {
            return percentile(0.99);
        }

        private double percentile(double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }
}
