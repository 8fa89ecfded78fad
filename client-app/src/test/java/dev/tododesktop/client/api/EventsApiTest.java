package dev.tododesktop.client.api;

import static dev.tododesktop.client.testing.FakeAuthServer.invalidToken;
import static dev.tododesktop.client.testing.FakeAuthServer.isRefresh;
import static dev.tododesktop.client.testing.FakeAuthServer.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.Done;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.testing.RecordingSleeper;
import dev.tododesktop.client.testing.Routes;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.sync.CursorEvent;
import dev.tododesktop.contract.sync.SyncEventType;
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

/** The event stream against a scripted server. */
class EventsApiTest {

    private final MockWebServer server = new MockWebServer();
    private TodoApiClient client;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ApiResult<Done>> closed = new CompletableFuture<>();
    private final SyncEventListener listener = new SyncEventListener() {
        @Override
        public void onEvent(SyncEventType type, CursorEvent event) {
            events.add(type.wire() + ":" + event.cursor());
        }

        @Override
        public void onClosed(ApiResult<Done> outcome) {
            closed.complete(outcome);
        }
    };

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

    @Test
    void reads_events_skips_comments_and_unknown_events_and_reports_the_end() throws Exception {
        signIn();
        server.enqueue(stream("""
                event: ready
                data: {"cursor":"c1"}

                : keep-alive

                event: changed
                data: {"cursor":"c2"}

                event: something-new
                data: {"whatever":1}

                event: changed
                data: {"cursor":"c3"}

                """));

        client.events().listen(listener);

        assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo(new ApiResult.Ok<>(Done.DONE));
        assertThat(events).containsExactly("ready:c1", "changed:c2", "changed:c3");
    }

    @Test
    void the_stream_refreshes_an_expired_token_like_any_call() throws Exception {
        signIn();
        server.setDispatcher(Routes.of(request -> {
            if (isRefresh(request)) {
                return tokens("access-2", "refresh-2", 900);
            }
            return "Bearer access-2".equals(request.getHeaders().get("Authorization"))
                    ? stream("event: ready\ndata: {\"cursor\":\"c1\"}\n\n")
                    : invalidToken();
        }));

        client.events().listen(listener);

        assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo(new ApiResult.Ok<>(Done.DONE));
        assertThat(events).containsExactly("ready:c1");
    }

    @Test
    void listening_while_signed_out_reports_unauthorized_at_once() throws Exception {
        client.events().listen(listener);

        assertThat(closed.get(1, TimeUnit.SECONDS)).isInstanceOf(ApiResult.Unauthorized.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void closing_the_subscription_ends_the_stream_quietly() throws Exception {
        signIn();
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
                .body("event: ready\ndata: {\"cursor\":\"c1\"}\n\n").bodyDelay(10, TimeUnit.SECONDS).build());

        var subscription = client.events().listen(listener);
        Thread.sleep(300);
        subscription.close();

        Thread.sleep(300);
        assertThat(closed).isNotDone();
    }
}
