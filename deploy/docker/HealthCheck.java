import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's HEALTHCHECK: exits 0 when GET /health on this container answers 200, else 1.
 * A JRE image has no curl or wget to rely on, and this needs nothing but the JRE. The port is
 * TODO_SERVER_PORT (8080 when unset), the same variable the server reads.
 */
public final class HealthCheck {
    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("TODO_SERVER_PORT", "8080").strip();
        if (port.isEmpty()) {
            port = "8080";
        }
        try {
            var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                System.exit(0);
            }
            System.err.println("GET /health answered " + status);
        } catch (Exception e) {
            System.err.println("GET /health failed: " + e);
        }
        System.exit(1);
    }
}
