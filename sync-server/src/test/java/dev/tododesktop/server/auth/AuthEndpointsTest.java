package dev.tododesktop.server.auth;

import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.OneServerTest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.server.testing.Accounts;
import dev.tododesktop.server.testing.TestServer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Every status code of docs/api.md's Authentication section, through real HTTP. */
@ParameterizedClass
@EnumSource(Backend.class)
class AuthEndpointsTest extends OneServerTest {

    @Test
    void registerAnswers201WithATokenResponseAndMeShowsTheUser() {
        String email = Accounts.uniqueEmail();
        var response = http.post("/api/auth/register",
                Map.of("email", "  " + email.toUpperCase() + " ", "password", Accounts.PASSWORD, "name", "Ada", "device_name", "laptop"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var body = response.json();
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(900);
        assertThat(body.get("refresh_expires_in").asLong()).isEqualTo(30L * 24 * 3600);
        assertThat(body.get("refresh_token").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(body.get("user").get("email").asText()).isEqualTo(email.toUpperCase());
        assertThat(body.get("user").get("name").asText()).isEqualTo("Ada");
        assertThat(body.get("user").get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        var me = http.get("/api/auth/me", body.get("access_token").asText());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asText()).isEqualTo(body.get("user").get("id").asText());
        assertThat(me.json().get("email").asText()).isEqualTo(email.toUpperCase());
        assertThat(me.json().get("name").asText()).isEqualTo("Ada");
        assertThat(me.json().has("created_at")).isTrue();
        assertThat(me.body()).doesNotContain("password");
    }

    @Test
    void registrationListsEveryFailingFieldWith422() {
        var both = http.post("/api/auth/register", Map.of("email", "not-an-email", "password", "short"));
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(both.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("email", "password");

        var common = http.post("/api/auth/register", Map.of("email", Accounts.uniqueEmail(), "password", "Password123"));
        assertThat(common.status()).isEqualTo(422);
        assertThat(common.json().get("errors").findValuesAsText("field")).containsExactly("password");

        var fullWidthCommon = http.post("/api/auth/register", Map.of("email", Accounts.uniqueEmail(), "password", "ｐａｓｓｗｏｒｄ１"));
        assertThat(fullWidthCommon.status()).isEqualTo(422);

        String email = Accounts.uniqueEmail();
        var sameAsEmail = http.post("/api/auth/register", Map.of("email", email, "password", email));
        assertThat(sameAsEmail.status()).isEqualTo(422);
        assertThat(sameAsEmail.json().get("errors").findValuesAsText("field")).containsExactly("password");

        var tooLong = http.post("/api/auth/register", Map.of("email", Accounts.uniqueEmail(), "password", "x".repeat(129)));
        assertThat(tooLong.status()).isEqualTo(422);

        var missing = http.post("/api/auth/register", Map.of());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("email", "password");
    }

    @Test
    void aDuplicateEmailIs409WhateverItsCaseAndMalformedJsonIs400() {
        var first = Accounts.register(http);
        var again = http.post("/api/auth/register", Map.of("email", " " + first.email().toUpperCase(), "password", "another good passphrase"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("status").asInt()).isEqualTo(409);

        assertThat(http.post("/api/auth/register", "{\"email\": ").status()).isEqualTo(400);
        assertThat(http.post("/api/auth/login", "[1,2]").status()).isEqualTo(400);
        assertThat(http.post("/api/auth/refresh", "").status()).isEqualTo(400);
        assertThat(http.post("/api/auth/login", Map.of("email", 5, "password", true)).status()).isEqualTo(400);
    }

    @Test
    void textTheDatabaseCannotStoreIsRefusedNever500() {
        var nulName = http.post("/api/auth/register",
                Map.of("email", Accounts.uniqueEmail(), "password", Accounts.PASSWORD, "name", "Ada\u0000", "device_name", "x\u0000"));
        assertThat(nulName.status()).isEqualTo(422);
        assertThat(nulName.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "device_name");
        var loneSurrogate = http.post("/api/auth/register", "{\"email\": \"a\\ud800@example.com\", \"password\": \"" + Accounts.PASSWORD + "\"}");
        assertThat(loneSurrogate.status()).isEqualTo(422);

        // NUL is refused in every text field alike (422 naming it), before any sign-in logic runs.
        var nulEmail = http.post("/api/auth/login", Map.of("email", "a\u0000@example.com", "password", Accounts.PASSWORD));
        assertThat(nulEmail.status()).isEqualTo(422);
        assertThat(nulEmail.json().get("errors").findValuesAsText("field")).containsExactly("email");
        var longEmail = http.post("/api/auth/login", Map.of("email", "a".repeat(300) + "@example.com", "password", Accounts.PASSWORD));
        assertThat(longEmail.status()).isEqualTo(401);
        var longDevice = http.post("/api/auth/login",
                Map.of("email", Accounts.uniqueEmail(), "password", Accounts.PASSWORD, "device_name", "d".repeat(101)));
        assertThat(longDevice.status()).isEqualTo(422);
        var hugePassword = http.post("/api/auth/login", Map.of("email", Accounts.uniqueEmail(), "password", "p".repeat(100_000)));
        assertThat(hugePassword.status()).isEqualTo(401);
        var nulRefresh = http.post("/api/auth/refresh", Map.of("refresh_token", "abc\u0000"));
        assertThat(nulRefresh.status()).isEqualTo(422);
    }

    @Test
    void loginGivesTheSame401ForAWrongPasswordAndAnUnknownEmail() {
        var user = Accounts.register(http);
        var ok = Accounts.login(http, "  " + user.email().toUpperCase(), Accounts.PASSWORD);
        assertThat(ok.userId()).isEqualTo(user.userId());

        var wrong = http.post("/api/auth/login", Map.of("email", user.email(), "password", "wrong password here"));
        var unknown = http.post("/api/auth/login", Map.of("email", Accounts.uniqueEmail(), "password", "wrong password here"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo(unknown.header("WWW-Authenticate"));

        var missing = http.post("/api/auth/login", Map.of("email", " "));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("email", "password");
    }

    @Test
    void refreshRotatesAndAReplayedTokenRevokesTheWholeSession() {
        var user = Accounts.register(http);
        var refreshed = http.post("/api/auth/refresh", Map.of("refresh_token", user.refreshToken()));
        assertThat(refreshed.status()).isEqualTo(200);
        String newRefresh = refreshed.json().get("refresh_token").asText();
        String newAccess = refreshed.json().get("access_token").asText();
        assertThat(newRefresh).isNotEqualTo(user.refreshToken());
        assertThat(refreshed.json().get("user").get("id").asText()).isEqualTo(user.userId().toString());
        assertThat(http.get("/api/auth/me", newAccess).status()).isEqualTo(200);

        var replay = http.post("/api/auth/refresh", Map.of("refresh_token", user.refreshToken()));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.header("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        // Theft: the thief's and the owner's tokens of that session all stop working.
        assertThat(http.post("/api/auth/refresh", Map.of("refresh_token", newRefresh)).status()).isEqualTo(401);
        assertThat(http.get("/api/auth/me", newAccess).status()).isEqualTo(401);
        assertThat(http.get("/api/auth/me", user.accessToken()).status()).isEqualTo(401);

        assertThat(http.post("/api/auth/refresh", Map.of("refresh_token", "made-up")).status()).isEqualTo(401);
        assertThat(http.post("/api/auth/refresh", Map.of("refresh_token", "")).status()).isEqualTo(422);
    }

    @Test
    void logoutEndsTheSessionAtOnce() {
        var user = Accounts.register(http);
        var other = Accounts.login(http, user.email(), Accounts.PASSWORD);
        var logout = http.post("/api/auth/logout", null, user.accessToken());
        assertThat(logout.status()).isEqualTo(204);
        var after = http.get("/api/auth/me", user.accessToken());
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.header("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertThat(http.post("/api/auth/refresh", Map.of("refresh_token", user.refreshToken())).status()).isEqualTo(401);
        assertThat(http.get("/api/auth/me", other.accessToken()).status()).isEqualTo(200);
        assertThat(http.post("/api/auth/logout", null, null).status()).isEqualTo(401);
    }

    @Test
    void noTokenIs401WithAPlainBearerChallenge() {
        var none = http.get("/api/auth/me");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).contains("Bearer");
        assertThat(none.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        var basic = http.send("GET", "/api/auth/me", null, null, Map.of("Authorization", "Basic dXNlcjpwYXNz"));
        assertThat(basic.status()).isEqualTo(401);
        var garbage = http.get("/api/auth/me", "not.a.jwt");
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.header("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
    }

    @Test
    void sessionsAreListedWithTheCurrentOneAndCanBeRevoked() {
        var user = Accounts.register(http);
        var second = Accounts.login(http, user.email(), Accounts.PASSWORD);
        var list = http.get("/api/auth/sessions", user.accessToken());
        assertThat(list.status()).isEqualTo(200);
        var items = list.json().get("items");
        assertThat(items).hasSize(2);
        var current = new HashMap<String, Boolean>();
        items.forEach(i -> current.put(i.get("device_name").asText(), i.get("current").asBoolean()));
        assertThat(current).containsEntry("laptop", true).containsEntry("desktop", false);
        items.forEach(i -> assertThat(i.has("created_at") && i.has("last_used_at") && i.has("id")).isTrue());

        String secondId = null;
        for (var i : items) {
            if (!i.get("current").asBoolean()) {
                secondId = i.get("id").asText();
            }
        }
        var stranger = Accounts.register(http);
        assertThat(http.delete("/api/auth/sessions/" + secondId, stranger.accessToken()).status()).isEqualTo(404);
        assertThat(http.delete("/api/auth/sessions/" + UUID.randomUUID(), user.accessToken()).status()).isEqualTo(404);
        assertThat(http.delete("/api/auth/sessions/not-a-uuid", user.accessToken()).status()).isEqualTo(404);
        assertThat(http.get("/api/auth/me", second.accessToken()).status()).isEqualTo(200);

        assertThat(http.delete("/api/auth/sessions/" + secondId, user.accessToken()).status()).isEqualTo(204);
        assertThat(http.get("/api/auth/me", second.accessToken()).status()).isEqualTo(401);
        assertThat(http.post("/api/auth/refresh", Map.of("refresh_token", second.refreshToken())).status()).isEqualTo(401);
        assertThat(http.get("/api/auth/sessions", user.accessToken()).json().get("items")).hasSize(1);
        assertThat(http.get("/api/auth/sessions").status()).isEqualTo(401);
    }

    @Test
    void passwordChangeChecksTheCurrentPasswordAndRevokesEveryOtherSession() {
        var user = Accounts.register(http);
        var other = Accounts.login(http, user.email(), Accounts.PASSWORD);

        var wrong = http.post("/api/auth/password",
                Map.of("current_password", "not my password", "new_password", "a brand new passphrase"), user.accessToken());
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("errors").findValuesAsText("field")).containsExactly("current_password");

        var weak = http.post("/api/auth/password",
                Map.of("current_password", Accounts.PASSWORD, "new_password", "qwertyuiop"), user.accessToken());
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.json().get("errors").findValuesAsText("field")).containsExactly("new_password");

        var bothMissing = http.post("/api/auth/password", Map.of(), user.accessToken());
        assertThat(bothMissing.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("current_password", "new_password");

        var ok = http.post("/api/auth/password",
                Map.of("current_password", Accounts.PASSWORD, "new_password", "a brand new passphrase"), user.accessToken());
        assertThat(ok.status()).isEqualTo(204);
        assertThat(http.get("/api/auth/me", user.accessToken()).status()).isEqualTo(200);
        assertThat(http.get("/api/auth/me", other.accessToken()).status()).isEqualTo(401);
        assertThat(http.post("/api/auth/refresh", Map.of("refresh_token", other.refreshToken())).status()).isEqualTo(401);

        assertThat(http.post("/api/auth/login", Map.of("email", user.email(), "password", Accounts.PASSWORD)).status()).isEqualTo(401);
        Accounts.login(http, user.email(), "a brand new passphrase");
        assertThat(http.post("/api/auth/password", Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    void deletingTheAccountNeedsThePasswordAndKillsItsTokensAtOnce() {
        var user = Accounts.register(http);
        var other = Accounts.login(http, user.email(), Accounts.PASSWORD);

        var wrong = http.send("DELETE", "/api/auth/me", Map.of("password", "not my password"), user.accessToken(), Map.of());
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("errors").findValuesAsText("field")).containsExactly("password");
        var missing = http.send("DELETE", "/api/auth/me", Map.of(), user.accessToken(), Map.of());
        assertThat(missing.status()).isEqualTo(422);

        var ok = http.send("DELETE", "/api/auth/me", Map.of("password", Accounts.PASSWORD), user.accessToken(), Map.of());
        assertThat(ok.status()).isEqualTo(204);
        assertThat(http.get("/api/auth/me", user.accessToken()).status()).isEqualTo(401);
        assertThat(http.get("/api/auth/me", other.accessToken()).status()).isEqualTo(401);
        assertThat(http.post("/api/auth/refresh", Map.of("refresh_token", other.refreshToken())).status()).isEqualTo(401);
        assertThat(http.post("/api/auth/login", Map.of("email", user.email(), "password", Accounts.PASSWORD)).status()).isEqualTo(401);
        // The email is free again.
        Accounts.register(http, user.email());
    }

    @Test
    void theJwksListsPublicKeysOnly() {
        var user = Accounts.register(http);
        var jwks = http.get("/api/auth/jwks");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        var keys = jwks.json().get("keys");
        assertThat(keys).isNotEmpty();
        keys.forEach(k -> {
            assertThat(k.get("kty").asText()).isEqualTo("EC");
            assertThat(k.get("crv").asText()).isEqualTo("P-256");
            assertThat(k.get("alg").asText()).isEqualTo("ES256");
            assertThat(k.has("kid")).isTrue();
            assertThat(k.has("d")).isFalse();
        });
        String kid = com.nimbusds.jwt.SignedJWT.class.getSimpleName().isEmpty() ? "" : headerKid(user.accessToken());
        assertThat(keys.findValuesAsText("kid")).contains(kid);
    }

    static String headerKid(String token) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(token).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
