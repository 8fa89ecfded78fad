package dev.tododesktop.contract.auth;

import static dev.tododesktop.contract.JsonAssertions.assertRoundTrips;
import static dev.tododesktop.contract.JsonAssertions.assertWritesAs;
import static dev.tododesktop.contract.JsonAssertions.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthJsonTest {

    @Test
    void tokenResponseUsesTheDocumentedSnakeCaseNames() throws Exception {
        var response = assertRoundTrips("""
                {"access_token": "eyJ.a.b", "token_type": "Bearer", "expires_in": 900,
                 "refresh_token": "r1", "refresh_expires_in": 2592000,
                 "user": {"id": "0192f7a0-0000-7000-8000-000000000001", "email": "ada@example.com",
                          "name": null, "created_at": "2026-11-24T04:10:00.123Z"}}
                """, TokenResponse.class);
        assertThat(response).isEqualTo(TokenResponse.bearer("eyJ.a.b", 900, "r1", 2592000,
                new UserView(UUID.fromString("0192f7a0-0000-7000-8000-000000000001"), "ada@example.com", null,
                        Instant.parse("2026-11-24T04:10:00.123Z"))));
    }

    @Test
    void registerLeavesOutTheOptionalFieldsItDoesNotHave() throws Exception {
        assertWritesAs(new RegisterRequest("ada@example.com", "correct horse", null, null),
                "{\"email\": \"ada@example.com\", \"password\": \"correct horse\"}");
        assertThat(read("{\"email\": \"a@b.co\", \"password\": \"p\", \"device_name\": \"Laptop\", \"extra\": 1}",
                RegisterRequest.class)).isEqualTo(new RegisterRequest("a@b.co", "p", null, "Laptop"));
    }

    @Test
    void sessionListAndPasswordBodiesRoundTrip() throws Exception {
        var sessions = assertRoundTrips("""
                {"items": [{"id": "0192f7a0-0000-7000-8000-000000000002", "device_name": "Laptop",
                            "created_at": "2026-11-24T04:10:00.123Z", "last_used_at": "2026-11-24T05:00:00.000Z",
                            "current": true}]}
                """, SessionList.class);
        assertThat(sessions.items()).singleElement().satisfies(s -> assertThat(s.current()).isTrue());
        assertRoundTrips("{\"current_password\": \"old one!\", \"new_password\": \"new one!\"}", PasswordChangeRequest.class);
        assertRoundTrips("{\"password\": \"pw\"}", DeleteAccountRequest.class);
        assertRoundTrips("{\"refresh_token\": \"r1\"}", RefreshRequest.class);
        assertRoundTrips("{\"email\": \"a@b.co\", \"password\": \"pw\", \"device_name\": \"Desk\"}", LoginRequest.class);
    }
}
