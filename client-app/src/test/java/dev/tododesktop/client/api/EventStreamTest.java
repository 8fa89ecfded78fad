package dev.tododesktop.client.api;

import static dev.tododesktop.client.testing.FakeAuthServer.invalidToken;
import static dev.tododesktop.client.testing.FakeAuthServer.isRefresh;
import static dev.tododesktop.client.testing.FakeAuthServer.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.testing.RecordingSleeper;
import dev.tododesktop.client.testing.Routes;
import dev.tododesktop.contract.auth.LoginRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event stream ({@link SyncApi#events()}) against a scripted server. */
class EventStreamTest {

    private final MockWebServer server = new MockWebServer();
    private TodoApiClient client;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = TodoApiClient.builder(server.url("/").uri(), new SessionOnlyStore("test"))
                .readTimeout(Duration.ofSeconds(2)).sleeper(new RecordingSleeper()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void signIn() {
        server.enqueue(tokens("access-1", "refresh-1", 900));
        client.login(new LoginRequest("ada@example.com", "correct horse", null));
    }

    private static MockResponse stream(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    private EventStream.End read() {
        return client.sync().events().orElseThrow().read((type, data) -> events.add(type + ":" + data));
    }

    @Test
    void reads_every_event_skips_comments_and_reports_the_end() {
        signIn();
        server.enqueue(stream("""
                event: ready
                data: {"cursor":"c1"}

                : keep-alive

                event: changed
                data: {"cursor":"c2"}

                event: something-new
                data: {"whatever":1}

                data: no name

                """));

        assertThat(read()).isEqualTo(new EventStream.End.Ended());
        assertThat(events).containsExactly("ready:{\"cursor\":\"c1\"}", "changed:{\"cursor\":\"c2\"}",
                "something-new:{\"whatever\":1}", "message:no name");
    }

    @Test
    void the_stream_refreshes_an_expired_token_like_any_call() {
        signIn();
        server.setDispatcher(Routes.of(request -> {
            if (isRefresh(request)) {
                return tokens("access-2", "refresh-2", 900);
            }
            return "Bearer access-2".equals(request.getHeaders().get("Authorization"))
                    ? stream("event: ready\ndata: {\"cursor\":\"c1\"}\n\n")
                    : invalidToken();
        }));

        assertThat(read()).isEqualTo(new EventStream.End.Ended());
        assertThat(events).containsExactly("ready:{\"cursor\":\"c1\"}");
    }

    @Test
    void an_answer_that_is_not_a_stream_says_its_status() {
        signIn();
        server.enqueue(new MockResponse.Builder().code(404).build());

        assertThat(read()).isEqualTo(new EventStream.End.Answered(404));
        assertThat(events).isEmpty();
    }

    @Test
    void there_is_no_stream_while_signed_out_and_no_request_is_made() {
        assertThat(client.sync().events()).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void cancelling_ends_a_read_that_is_waiting_for_events() throws Exception {
        signIn();
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
                .body("event: ready\ndata: {\"cursor\":\"c1\"}\n\n").bodyDelay(10, TimeUnit.SECONDS).build());
        EventStream stream = client.sync().events().orElseThrow();
        var end = CompletableFuture.supplyAsync(() -> stream.read((type, data) -> events.add(type)));
        Thread.sleep(300);

        stream.cancel();

        assertThat(end.get(2, TimeUnit.SECONDS)).isInstanceOf(EventStream.End.Broken.class);
        assertThat(events).isEmpty();
    }
}
