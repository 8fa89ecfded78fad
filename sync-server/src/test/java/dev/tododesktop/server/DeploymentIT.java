package dev.tododesktop.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.server.config.EnvironmentConfig;
import dev.tododesktop.server.testing.Accounts;
import dev.tododesktop.server.testing.EmbeddedPostgresHolder;
import dev.tododesktop.server.testing.Http;
import dev.tododesktop.server.testing.SseListener;
import dev.tododesktop.server.testing.TaskApi;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment {@code docs/deploy.md} describes, run for real: two {@code java -jar
 * todo-server.jar} processes on one PostgreSQL (zonky's embedded server), each started with the
 * environment file and the {@code java} command the doc shows. The doc and this test are kept in
 * step by reading the doc: the blocks after {@code <!-- DeploymentIT: ... -->} markers are what
 * this test runs. It overrides only what must differ on a test machine:
 * {@code TODO_DATABASE_URL} (the embedded server, still in the {@code postgresql://} form the
 * doc uses), {@code TODO_SERVER_PORT} and {@code TODO_MANAGEMENT_PORT} (free ports),
 * {@code TODO_BIND_ADDRESS} (loopback), {@code TODO_DATA_DIR} (a temporary directory) and
 * {@code TODO_SIGNING_KEK_FILE} (one key file for both instances, made as the doc says but in a
 * temporary directory); the jar path is the one the build made.
 *
 * <p>Runs in {@code verify} (maven-failsafe-plugin), after {@code package} has built the jar.
 */
class DeploymentIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern MARKER = Pattern.compile("<!-- DeploymentIT: ([a-z-]+) -->");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private final List<Instance> instances = new ArrayList<>();
    private boolean passed;

    /** One child JVM running the jar, with its combined output in a file. */
    private record Instance(String name, Process process, URI base, URI management, Path log) {}

    @AfterEach
    void stopInstances() throws Exception {
        stopAll();
        if (!passed) {
            printLogs();
        }
    }

    @Test
    void twoJarInstancesOnOnePostgresServeOneUserAsTheDocSays() throws Exception {
        var doc = DeployDoc.read();
        var database = EmbeddedPostgresHolder.freshDatabase();

        var a = start("a", doc, database);
        var b = start("b", doc, database);
        awaitReady(a);
        awaitReady(b);

        // Sign up and sign in through A.
        var viaA = new Http(a.base());
        var registered = Accounts.register(viaA);
        var login = Accounts.login(viaA, registered.email(), Accounts.PASSWORD);
        var onA = new TaskApi(viaA, login.userId(), login.accessToken(), login.email());
        // The same token, used against B: both instances sign and verify with the keys in the database.
        var onB = new TaskApi(new Http(b.base()), login.userId(), login.accessToken(), login.email());

        try (var events = SseListener.open(b.base(), onB.events(), onB.token())) {
            assertThat(events.status()).as("event stream on B").isEqualTo(200);
            assertThat(events.next(EVENT_TIMEOUT).name()).isEqualTo("ready");

            // Push a mutation through B with A's token, pull it through A.
            var taskId = UUID.randomUUID();
            var pushed = onB.push(List.of(TaskApi.mutation(UUID.randomUUID(), "create", taskId, null,
                    Map.of("title", "pushed through B"))));
            assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
            assertThat(pushed.json().get("results").get(0).get("status").asText()).isEqualTo("applied");
            var local = events.next(EVENT_TIMEOUT);
            assertThat(local).as("B's stream hears B's own change").isNotNull();
            assertThat(local.name()).isEqualTo("changed");

            var pulled = onA.pull(null, 100);
            assertThat(pulled.status()).as(pulled.body()).isEqualTo(200);
            var changes = pulled.json().get("changes");
            assertThat(changes.size()).isEqualTo(1);
            assertThat(changes.get(0).get("id").asText()).isEqualTo(taskId.toString());
            assertThat(changes.get(0).get("title").asText()).isEqualTo("pushed through B");

            // A change made through A reaches the stream on B (LISTEN/NOTIFY between instances).
            String madeOnA = onA.created("made through A").get("id").asText();
            var crossed = events.next(EVENT_TIMEOUT);
            assertThat(crossed).as("B's stream hears a change made through A").isNotNull();
            assertThat(crossed.name()).isEqualTo("changed");
            var delta = onB.pull(TaskApi.json(local.data()).get("cursor").asText(), 100).json().get("changes");
            assertThat(delta.size()).isEqualTo(1);
            assertThat(delta.get(0).get("id").asText()).isEqualTo(madeOnA);
        }

        // What the doc says a load balancer and Prometheus see.
        for (var instance : instances) {
            assertThat(get(instance.base().resolve("/health")).statusCode()).isEqualTo(200);
            assertThat(get(instance.base().resolve("/ready")).statusCode()).isEqualTo(200);
        }
        assertThat(get(a.base().resolve("/metrics")).statusCode()).as("/metrics on the API port").isEqualTo(404);
        var metrics = get(a.management().resolve("/metrics"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("todo_auth_logins_total").contains("http_server_requests_seconds_count");

        // Emergency key rotation as the doc says: stop every instance, run the SQL, start again.
        // Access tokens signed with the old key stop working; sessions survive, so a refresh
        // (through either instance) gives a working token without signing in again.
        stopAll();
        try (var c = DriverManager.getConnection(jdbcUrl(database), "postgres", "");
                var s = c.createStatement()) {
            for (String statement : doc.block("rotate-sql").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
        instances.clear();
        var a2 = start("a2", doc, database);
        var b2 = start("b2", doc, database);
        awaitReady(a2);
        awaitReady(b2);
        var oldTokenOnB = new TaskApi(new Http(b2.base()), login.userId(), login.accessToken(), login.email());
        assertThat(oldTokenOnB.pull(null, 10).status()).as("a token of the removed key").isEqualTo(401);
        var refreshed = new Http(a2.base()).post("/api/auth/refresh", Map.of("refresh_token", login.refreshToken()));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        var newTokenOnB = new TaskApi(new Http(b2.base()), login.userId(),
                refreshed.json().get("access_token").asText(), login.email());
        assertThat(newTokenOnB.pull(null, 10).json().get("changes").size()).isEqualTo(2);
        passed = true;
    }

    /** Every variable the server reads is in the doc's configuration table, and the doc names no other. */
    @Test
    void theDocListsExactlyTheVariablesTheServerReads() throws Exception {
        var doc = DeployDoc.read();
        var read = new ArrayList<String>();
        for (Field f : EnvironmentConfig.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                read.add((String) f.get(null));
            }
        }
        read.add("TODO_LOG_LEVEL"); // read by the logback configuration of the standalone server
        var table = doc.block("variables");
        for (String name : read) {
            assertThat(table).as("docs/deploy.md's configuration table").contains("`" + name + "`");
        }
        var named = Pattern.compile("`(TODO_[A-Z0-9_]+)`").matcher(table).results().map(m -> m.group(1)).distinct().toList();
        assertThat(read).as("variables the doc's table names").containsAll(named);
        passed = true;
    }

    private Instance start(String name, DeployDoc doc, dev.tododesktop.server.db.DatabaseUrl database) throws IOException {
        var env = new LinkedHashMap<>(doc.environment());
        assertThat(env.get(EnvironmentConfig.DATABASE_URL)).as("the doc's database URL").startsWith("postgresql://");
        int port = freePort();
        int managementPort = freePort();
        assertThat(env.get(EnvironmentConfig.SIGNING_KEK_FILE)).as("the doc's key file").isEqualTo("/etc/todo-server/signing.kek");
        env.put(EnvironmentConfig.DATABASE_URL, libpqUrl(database));
        env.put(EnvironmentConfig.PORT, Integer.toString(port));
        env.put(EnvironmentConfig.MANAGEMENT_PORT, Integer.toString(managementPort));
        env.put(EnvironmentConfig.SIGNING_KEK_FILE, keyFile().toString());
        env.put(EnvironmentConfig.BIND_ADDRESS, "127.0.0.1");
        env.put(EnvironmentConfig.DATA_DIR, Files.createDirectories(dir.resolve(name + "-data")).toString());

        var command = new ArrayList<String>();
        command.add(javaExecutable());
        command.addAll(doc.javaOptions());
        command.add("-jar");
        command.add(serverJar().toString());
        var log = dir.resolve(name + ".log");
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("TODO_") || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        var instance = new Instance(name, builder.start(), URI.create("http://127.0.0.1:" + port),
                URI.create("http://127.0.0.1:" + managementPort), log);
        instances.add(instance);
        return instance;
    }

    /** The one key file every instance is given, as the doc has it made: 32 random bytes in base64, owner-only. */
    private Path keyFile() throws IOException {
        Path file = dir.resolve("signing.kek");
        if (!Files.exists(file)) {
            Files.writeString(Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))),
                    dev.tododesktop.server.auth.keys.KeyEncryptionKeys.generate() + "\n");
        }
        return file;
    }

    private static void awaitReady(Instance instance) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!instance.process().isAlive()) {
                throw new AssertionError(instance.name() + " exited with " + instance.process().exitValue()
                        + " before it was ready");
            }
            try {
                if (get(instance.base().resolve("/ready")).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(instance.name() + " not ready within " + START_TIMEOUT);
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void stopAll() throws InterruptedException {
        for (var instance : instances) {
            instance.process().destroy(); // SIGTERM, as systemd and docker stop do
        }
        for (var instance : instances) {
            var p = instance.process();
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    private void printLogs() throws IOException {
        for (var instance : instances) {
            System.err.println("----- " + instance.name() + " (" + instance.log() + ") -----");
            if (Files.exists(instance.log())) {
                System.err.println(Files.readString(instance.log(), StandardCharsets.UTF_8));
            }
        }
    }

    private static String jdbcUrl(dev.tododesktop.server.db.DatabaseUrl database) {
        return ((dev.tododesktop.server.db.DatabaseUrl.Postgres) database).jdbcUrl();
    }

    /** The embedded database as a {@code postgresql://user@host:port/db} URL, the form Neon hands out. */
    private static String libpqUrl(dev.tododesktop.server.db.DatabaseUrl database) {
        var jdbc = URI.create(jdbcUrl(database).substring("jdbc:".length()));
        return "postgresql://postgres@" + jdbc.getHost() + ":" + jdbc.getPort() + jdbc.getPath();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path serverJar() {
        var jar = Path.of(System.getProperty("todo.server.jar", "target/todo-server.jar"));
        assertThat(jar).as("the shaded jar (built in package; run this test through mvn verify)").isRegularFile();
        return jar;
    }

    /** The parts of docs/deploy.md this test runs: fenced blocks right after a DeploymentIT marker. */
    record DeployDoc(Map<String, String> blocks) {

        static DeployDoc read() throws IOException {
            var path = Path.of(System.getProperty("todo.deploy.doc", "../docs/deploy.md"));
            var lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            var blocks = new LinkedHashMap<String, String>();
            for (int i = 0; i < lines.size(); i++) {
                var m = MARKER.matcher(lines.get(i).strip());
                if (!m.matches()) {
                    continue;
                }
                int open = i + 1;
                while (open < lines.size() && lines.get(open).isBlank()) {
                    open++;
                }
                if (open >= lines.size()) {
                    throw new AssertionError("marker " + m.group(1) + " is followed by nothing");
                }
                var body = new StringBuilder();
                if (lines.get(open).startsWith("```")) {
                    int j = open + 1;
                    for (; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
                        body.append(lines.get(j)).append('\n');
                    }
                    i = j;
                } else { // a table: every line up to the next blank one
                    int j = open;
                    for (; j < lines.size() && !lines.get(j).isBlank(); j++) {
                        body.append(lines.get(j)).append('\n');
                    }
                    i = j;
                }
                blocks.put(m.group(1), body.toString());
            }
            return new DeployDoc(blocks);
        }

        String block(String name) {
            var block = blocks.get(name);
            assertThat(block).as("docs/deploy.md block after <!-- DeploymentIT: " + name + " -->").isNotNull();
            return block;
        }

        /** {@code NAME=value} lines of the environment file (quotes as systemd and sh strip them). */
        Map<String, String> environment() {
            var env = new LinkedHashMap<String, String>();
            for (String line : block("env").split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                assertThat(eq).as("environment line '" + line + "'").isPositive();
                String value = line.substring(eq + 1);
                if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                        || value.startsWith("\"") && value.endsWith("\""))) {
                    value = value.substring(1, value.length() - 1);
                }
                env.put(line.substring(0, eq), value);
            }
            return env;
        }

        /** The options between {@code java} and {@code -jar} in the doc's start command. */
        List<String> javaOptions() {
            for (String line : block("start").split("\n")) {
                var words = Arrays.asList(line.strip().split("\\s+"));
                if (!words.isEmpty() && words.getFirst().equals("java")) {
                    int jar = words.indexOf("-jar");
                    assertThat(jar).as("start command '" + line + "' runs -jar").isPositive();
                    assertThat(words.get(jar + 1)).endsWith("todo-server.jar");
                    return List.copyOf(words.subList(1, jar));
                }
            }
            throw new AssertionError("the doc's start block has no java command");
        }
    }
}
