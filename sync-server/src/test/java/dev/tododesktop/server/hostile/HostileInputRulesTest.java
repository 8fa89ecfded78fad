package dev.tododesktop.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tododesktop.contract.ApiJson;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.Http;
import dev.tododesktop.server.testing.OneServerTest;
import dev.tododesktop.server.testing.TaskApi;
import dev.tododesktop.server.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules issue 12 decided, one example each, as docs/api.md states them; the fuzz test
 * ({@link HostileInputFuzzTest}) checks the same rules over many generated variants.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class HostileInputRulesTest extends OneServerTest {

    private static final String ORIGIN = "https://app.example.test";
    private TaskApi alice;
    private String task;

    @Override
    protected TodoServer startServer() {
        return TestServer.start(backend, dir, c -> c.withPasswordHashing(PasswordHashing.forTestsOnly()).withCorsOrigins(List.of(ORIGIN)),
                Clock.systemUTC());
    }

    @BeforeEach
    void signIn() {
        alice = TaskApi.register(http);
        task = alice.created("first").get("id").asText();
    }

    private RawHttp.Reply raw(RawHttp.Builder request) {
        return RawHttp.send(server.port(), request.build(server.port()), Duration.ofSeconds(10));
    }

    private RawHttp.Builder withToken(String method, String path) {
        return new RawHttp.Builder(method, path).header("Authorization", "Bearer " + alice.token());
    }

    private RawHttp.Builder jsonBody(String method, String path, byte[] body) {
        return withToken(method, path).header("Content-Type", "application/json").body(body);
    }

    private static JsonNode json(RawHttp.Reply r) {
        try {
            return ApiJson.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertProblem(RawHttp.Reply r, int status, String field) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        if (field != null) {
            assertThat(json(r).path("errors").findValuesAsText("field")).as(r.text()).contains(field);
        }
    }

    private static void assertProblem(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        if (field != null) {
            assertThat(r.json().path("errors").findValuesAsText("field")).as(r.body()).contains(field);
        }
    }

    private String title() {
        return alice.get(task).json().get("title").asText();
    }

    @Test
    void aJsonBodyNeedsApplicationJsonInUtf8() {
        byte[] body = "{\"title\": \"typed\"}".getBytes(StandardCharsets.UTF_8);
        assertProblem(raw(withToken("POST", alice.tasks()).body(body)), 415, null);
        assertProblem(raw(withToken("POST", alice.tasks()).header("Content-Type", "text/plain").body(body)), 415, null);
        assertProblem(raw(withToken("POST", alice.tasks()).header("Content-Type", "application/json; charset=utf-16").body(body)), 415, null);
        assertThat(raw(withToken("POST", alice.tasks()).header("Content-Type", "Application/JSON; charset=\"UTF-8\"").body(body)).status())
                .isEqualTo(201);

        assertProblem(raw(jsonBody("POST", alice.tasks(), "{\"title\": \"utf-16\"}".getBytes(StandardCharsets.UTF_16LE))), 400, null);
        byte[] overlong = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', 'a', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertProblem(raw(jsonBody("POST", alice.tasks(), overlong)), 400, null);
        byte[] withBom = ("\uFEFF{\"title\": \"after a byte order mark\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(raw(jsonBody("POST", alice.tasks(), withBom)).status()).as("one leading BOM is skipped").isEqualTo(201);
    }

    @Test
    void aFieldTwiceAnUnknownFieldOrTheWrongTypeIs400NamingIt() {
        assertProblem(alice.http().put(alice.task(task), "{\"title\": \"a\", \"title\": \"b\"}", alice.token()), 400, "title");
        assertProblem(alice.http().put(alice.task(task), "{\"title\": \"a\", \"list_id\": \"inbox\"}", alice.token()), 400, "list_id");
        assertProblem(alice.http().put(alice.task(task), "{\"due_at\": 1.5}", alice.token()), 400, "due_at");
        assertProblem(alice.http().put(alice.task(task), "{\"due_at\": \"12345\"}", alice.token()), 400, "due_at");
        assertProblem(alice.http().put(alice.task(task), "{\"due_at\": \"2027-01-01\"}", alice.token()), 400, "due_at");
        assertProblem(alice.http().put(alice.task(task), "{\"completed\": 1}", alice.token()), 400, "completed");
        assertProblem(alice.http().put(alice.task(task), "{\"priority\": \"HIGH\"}", alice.token()), 400, "priority");
        assertThat(title()).isEqualTo("first");
        var withOffset = alice.http().put(alice.task(task), "{\"due_at\": \"2027-01-01T10:00:00.5+02:00\"}", alice.token());
        assertThat(withOffset.json().get("due_at").asText()).isEqualTo("2027-01-01T08:00:00.500Z");
    }

    @Test
    void textTheDatabasesCannotKeepIs422InEveryField() {
        assertProblem(alice.http().put(alice.task(task), "{\"title\": \"a\\ud800b\"}", alice.token()), 422, "title");
        assertProblem(alice.http().put(alice.task(task), "{\"tags\": [\"ok\", \"\\udfff\"]}", alice.token()), 422, "tags");
        assertProblem(alice.http().post("/api/auth/login", "{\"email\": \"x@example.com\", \"password\": \"pass\\ud83dword\"}"), 422, "password");
        assertProblem(alice.list("q=%00"), 422, "q");
        assertProblem(alice.list("q=%C0%AF"), 400, "q");
        assertProblem(raw(withToken("GET", alice.tasks() + "?q=100%")), 400, "q");
        assertThat(title()).isEqualTo("first");
    }

    @Test
    void aTitleOfOnlyInvisibleCharactersIsEmptyAndTrimmingRemovesThem() {
        for (String invisible : List.of("\u00A0", "\u200B", "\u2007\u202F", "\u3000", "\uFEFF\u2060")) {
            assertProblem(alice.create(Map.of("title", invisible)), 422, "title");
        }
        var created = alice.create(Map.of("title", "\u00A0 Buy milk \u200B", "tags", List.of(" home\u00A0")));
        assertThat(created.json().get("title").asText()).isEqualTo("Buy milk");
        assertThat(created.json().get("tags").get(0).asText()).isEqualTo("home");
        String title200 = "\r" + "x".repeat(200);
        assertThat(alice.create(Map.of("title", title200)).status()).as("the length counts after trimming").isEqualTo(201);
    }

    @Test
    void farTimestampsAre422AndInAPushOnlyThatMutationIsInvalid() {
        assertProblem(alice.http().put(alice.task(task), "{\"due_at\": \"+999999999-12-31T23:59:59.999Z\"}", alice.token()), 422, "due_at");
        assertProblem(alice.http().put(alice.task(task), "{\"due_at\": \"0000-12-31T23:59:59.999Z\"}", alice.token()), 422, "due_at");
        assertThat(alice.http().put(alice.task(task), "{\"due_at\": \"9999-12-31T23:59:59.999Z\"}", alice.token()).status()).isEqualTo(200);

        UUID good = UUID.randomUUID();
        String push = "{\"mutations\": ["
                + "{\"mutation_id\": \"" + UUID.randomUUID() + "\", \"type\": \"create\", \"task_id\": \"" + UUID.randomUUID()
                + "\", \"fields\": {\"title\": \"far\", \"due_at\": \"+999999999-12-31T23:59:59.999Z\"}},"
                + "{\"mutation_id\": \"" + UUID.randomUUID() + "\", \"type\": \"update\", \"task_id\": \"" + task
                + "\", \"base_version\": 1.5, \"fields\": {\"title\": \"x\"}},"
                + "{\"mutation_id\": \"" + UUID.randomUUID() + "\", \"type\": \"create\", \"task_id\": \"" + good
                + "\", \"fields\": {\"title\": \"kept\"}},"
                + "\"not a mutation\"]}";
        var r = alice.http().post(alice.sync(), push, alice.token());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var results = r.json().get("results");
        assertThat(java.util.stream.StreamSupport.stream(results.spliterator(), false).map(m -> m.get("status").asText()))
                .containsExactly("invalid", "invalid", "applied", "invalid");
        assertThat(results.get(0).at("/error/errors/0/field").asText()).isEqualTo("due_at");
        assertThat(results.get(1).at("/error/errors/0/field").asText()).isEqualTo("base_version");
        assertThat(results.get(1).get("mutation_id").isTextual()).as("a readable mutation_id is echoed").isTrue();
        assertThat(results.get(3).get("mutation_id").isNull()).as("an entry with no readable id answers null").isTrue();
        assertThat(alice.get(good).status()).isEqualTo(200);

        assertProblem(alice.http().post(alice.sync(), "{\"mutations\": {}}", alice.token()), 400, "mutations");
        assertProblem(alice.http().post(alice.sync(), "{\"mutations\": [], \"device\": \"x\"}", alice.token()), 400, "device");
    }

    @Test
    void headRunsAuthenticationAndAnswersWhatGetWould() {
        var noToken = raw(new RawHttp.Builder("HEAD", "/api/auth/me"));
        assertProblem(noToken, 401, null);
        assertThat(noToken.body()).isEmpty();
        assertProblem(raw(new RawHttp.Builder("HEAD", alice.tasks()).header("Authorization", "Bearer nonsense")), 401, null);
        var own = raw(withToken("HEAD", alice.tasks()));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.header("Content-Type")).contains("application/json");
        assertThat(own.body()).isEmpty();
        var stream = raw(withToken("HEAD", alice.events()));
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    }

    @Test
    void whatJettyRefusesIsAProblemToo() {
        assertProblem(raw(new RawHttp.Builder("GET", "/health?q=" + "a".repeat(100_000)).header("Accept", "text/html")), 414, null);
        assertProblem(raw(new RawHttp.Builder("GET", "/health").header("X-Junk", "z".repeat(100_000))), 431, null);
        var nul = raw(new RawHttp.Builder("GET", "/api/%00/tasks").header("Accept", "text/html"));
        assertProblem(nul, 400, null);
        assertThat(nul.text()).doesNotContainIgnoringCase("jetty").doesNotContain("<html");
        assertProblem(raw(new RawHttp.Builder("GET", "/health").version("HTTP/9.9")), 400, null);
    }

    @Test
    void aCrossOriginRequestFromAnUnlistedOriginChangesNothing() {
        var foreign = raw(jsonBody("PUT", alice.task(task), "{\"title\": \"from a foreign page\"}".getBytes(StandardCharsets.UTF_8))
                .header("Origin", "https://evil.example"));
        assertProblem(foreign, 403, null);
        assertThat(title()).isEqualTo("first");
        var preflight = raw(new RawHttp.Builder("OPTIONS", alice.task(task)).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "PUT"));
        assertProblem(preflight, 403, null);

        var listed = raw(jsonBody("PUT", alice.task(task), "{\"title\": \"from our page\"}".getBytes(StandardCharsets.UTF_8))
                .header("Origin", ORIGIN));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.header("Access-Control-Allow-Origin")).contains(ORIGIN);
        assertThat(title()).isEqualTo("from our page");
    }

    @Test
    void twoAuthorizationHeadersAreRefusedWhateverTheyHold() {
        var twice = raw(jsonBody("PUT", alice.task(task), "{\"title\": \"twice\"}".getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + alice.token()));
        assertProblem(twice, 400, "Authorization");
        assertThat(title()).isEqualTo("first");
    }

    @Test
    void unknownDuplicateAndUnissuedQueryParametersAreRefused() {
        assertProblem(alice.list("x-unknown=42"), 400, "x-unknown");
        assertProblem(alice.list("limit=1&limit=2"), 400, "limit");
        assertProblem(alice.http().get("/api/auth/me?verbose=1", alice.token()), 400, "verbose");
        String ahead = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("c1:999999:0".getBytes(StandardCharsets.US_ASCII));
        assertProblem(alice.http().get(alice.sync() + "?cursor=" + ahead, alice.token()), 400, "cursor");
    }
}
