package dev.tododesktop.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.EnvironmentConfig;
import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.testing.Http;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} tells whoever reads it how the server is used (logins, failures, rate-limit
 * rejections, per-route counts), so the standalone server with its default configuration does
 * not serve it on the API address (which listens on every interface), only on the loopback
 * management address.
 */
class MetricsAddressTest {

    @TempDir
    Path dir;

    /** The standalone defaults, with free ports instead of 8080 and 9464 so parallel runs never collide. */
    private TodoServer startStandalone() {
        var config = EnvironmentConfig.from(Map.of(
                EnvironmentConfig.PORT, "0",
                "TODO_MANAGEMENT_PORT", "0",
                EnvironmentConfig.DATA_DIR, dir.toString()));
        return TodoServer.start(config.withPasswordHashing(PasswordHashing.forTestsOnly()));
    }

    @Test
    void theApiAddressDoesNotServeMetricsByDefault() {
        try (var server = startStandalone()) {
            var api = new Http(server.baseUri());
            assertThat(api.get("/health").status()).isEqualTo(200);
            assertThat(api.get("/ready").status()).isEqualTo(200);
            var metrics = api.get("/metrics");
            assertThat(metrics.status()).as("/metrics on the API address").isEqualTo(404);
            assertThat(metrics.body()).doesNotContain("todo_auth").doesNotContain("jvm_");
        }
    }

    @Test
    void theManagementAddressOnLoopbackServesThem() {
        try (var server = startStandalone()) {
            new Http(server.baseUri()).get("/health");
            var management = server.managementUri().orElseThrow();
            assertThat(management.getHost()).isEqualTo("127.0.0.1");
            assertThat(management.getPort()).isNotEqualTo(server.port());
            var metrics = new Http(management).get("/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
            assertThat(metrics.body()).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"}");
            assertThat(new Http(management).get("/api/auth/jwks").status()).as("no API there").isEqualTo(404);
        }
    }
}
