package dev.tododesktop.server.ops;

import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.OneServerTest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.testing.TestServer;
import dev.tododesktop.server.testing.Http;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class OpsAndProblemsTest extends OneServerTest {

    @Override
    protected TodoServer startServer() {
        return TestServer.start(backend, dir, c -> c.withManagementAddress(Optional.of(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))), Clock.systemUTC());
    }

    @Test
    void healthAndReadinessAnswerWhileTheDatabaseDoes() {
        assertThat(http.get("/health").status()).isEqualTo(200);
        assertThat(http.get("/ready").status()).isEqualTo(200);
        server.database().close();
        var notReady = http.get("/ready");
        assertThat(notReady.status()).isEqualTo(503);
        assertThat(notReady.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void unknownRoutesAndWrongMethodsAreProblems() {
        var missing = http.get("/no/such/route");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(missing.json().get("status").asInt()).isEqualTo(404);
        assertThat(missing.json().get("title").asText()).isNotBlank();

        var wrongMethod = http.send("DELETE", "/health", null, null, Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("status").asInt()).isEqualTo(405);
    }

    @Test
    void metricsAreScrapedAsPrometheusTextWithRouteAndStatus() {
        http.get("/health");
        assertThat(http.get("/metrics").status()).as("not on the API address").isEqualTo(404);
        var metrics = new Http(server.managementUri().orElseThrow()).get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(metrics.body()).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"}");
    }
}
