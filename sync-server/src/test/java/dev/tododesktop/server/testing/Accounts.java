package dev.tododesktop.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Registers and signs in test users over HTTP. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger counter = new AtomicInteger();

    private Accounts() {}

    /** A signed-in user: its id, email, and the tokens of its first session. */
    public record Login(UUID userId, String email, String accessToken, String refreshToken, JsonNode body) {}

    public static String uniqueEmail() {
        return "user" + counter.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    public static Login register(Http http) {
        return register(http, uniqueEmail());
    }

    public static Login register(Http http, String email) {
        var response = http.post("/api/auth/register", Map.of("email", email, "password", PASSWORD, "device_name", "laptop"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return login(response.json(), email);
    }

    public static Login login(Http http, String email, String password) {
        var response = http.post("/api/auth/login", Map.of("email", email, "password", password, "device_name", "desktop"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return login(response.json(), email);
    }

    private static Login login(JsonNode body, String email) {
        return new Login(UUID.fromString(body.get("user").get("id").asText()), email,
                body.get("access_token").asText(), body.get("refresh_token").asText(), body);
    }
}
