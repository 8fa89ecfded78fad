package dev.tododesktop.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.testing.Accounts;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.Http;
import dev.tododesktop.server.testing.ServerKeys;
import dev.tododesktop.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The attacks a reviewer would try on access tokens, each forged with nimbus here. Tokens that
 * must be refused are signed with the server's real private key wherever that isolates the one
 * check under test (issuer, audience, expiry, session).
 */
@ParameterizedClass
@EnumSource(Backend.class)
class JwtAttackTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    TodoServer server;
    Http http;
    Accounts.Login user;
    ECKey serverKey;
    JWTClaimsSet validClaims;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(backend, dir, c -> c.withPasswordHashing(PasswordHashing.forTestsOnly()), Clock.systemUTC());
        http = new Http(server.baseUri());
        user = Accounts.register(http);
        String kid = SignedJWT.parse(user.accessToken()).getHeader().getKeyID();
        serverKey = ServerKeys.privateKey(server, kid);
        validClaims = SignedJWT.parse(user.accessToken()).getJWTClaimsSet();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String signed(JWSSigner signer, JWSAlgorithm alg, String kid, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        var header = new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build();
        var claims = change.apply(new JWTClaimsSet.Builder(validClaims).jwtID(UUID.randomUUID().toString())).build();
        var jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private String withServerKey(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return signed(new ECDSASigner(serverKey), JWSAlgorithm.ES256, serverKey.getKeyID(), change);
    }

    private void assertRefused(String token) {
        var response = http.get("/api/auth/me", token);
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertThat(response.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void aTokenForgedWithTheRealKeyAndRightClaimsIsAcceptedSoTheRefusalsBelowMeanSomething() throws Exception {
        assertThat(http.get("/api/auth/me", withServerKey(b -> b)).status()).isEqualTo(200);
        // Within the 60 s leeway an expired token still passes.
        var lately = withServerKey(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(30))));
        assertThat(http.get("/api/auth/me", lately).status()).isEqualTo(200);
    }

    @Test
    void algNoneIsRefused() {
        String unsigned = new PlainJWT(validClaims).serialize();
        assertRefused(unsigned);
        // The same with a header that claims ES256 but carries no signature.
        String[] parts = user.accessToken().split("\\.");
        assertRefused(parts[0] + "." + parts[1] + ".");
        String noneHeader = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"alg\":\"none\",\"kid\":\"" + serverKey.getKeyID() + "\"}").getBytes(StandardCharsets.UTF_8));
        assertRefused(noneHeader + "." + parts[1] + ".");
    }

    @Test
    void hmacSignedWithThePublicKeyIsRefused() throws Exception {
        byte[] publicKeyAsSecret = serverKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        assertRefused(signed(new MACSigner(publicKeyAsSecret), JWSAlgorithm.HS256, serverKey.getKeyID(), b -> b));
        byte[] der = serverKey.toECPublicKey().getEncoded();
        byte[] longEnough = new byte[Math.max(64, der.length)];
        System.arraycopy(der, 0, longEnough, 0, der.length);
        assertRefused(signed(new MACSigner(longEnough), JWSAlgorithm.HS512, serverKey.getKeyID(), b -> b));
    }

    @Test
    void aTamperedPayloadIsRefused() throws Exception {
        String[] parts = user.accessToken().split("\\.");
        var other = Accounts.register(http);
        String payload = new JWTClaimsSet.Builder(validClaims).subject(other.userId().toString()).build().toString();
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRefused(forged);
        // A flipped bit in the signature.
        char last = parts[2].charAt(5);
        assertRefused(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 5) + (last == 'A' ? 'B' : 'A') + parts[2].substring(6));
    }

    @Test
    void anUnknownKidOrAForeignKeyIsRefused() throws Exception {
        ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID("attacker").generate();
        assertRefused(signed(new ECDSASigner(attacker), JWSAlgorithm.ES256, "attacker", b -> b));
        assertRefused(signed(new ECDSASigner(attacker), JWSAlgorithm.ES256, serverKey.getKeyID(), b -> b));
        assertRefused(signed(new ECDSASigner(attacker), JWSAlgorithm.ES256, null, b -> b));
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        assertRefused(signed(new ECDSASigner(p384), JWSAlgorithm.ES384, serverKey.getKeyID(), b -> b));
    }

    @Test
    void wrongIssuerOrAudienceIsRefusedEvenWithTheRealKey() throws Exception {
        assertRefused(withServerKey(b -> b.issuer("someone-else")));
        assertRefused(withServerKey(b -> b.issuer(null)));
        assertRefused(withServerKey(b -> b.audience("another-api")));
        assertRefused(withServerKey(b -> b.audience((String) null)));
    }

    @Test
    void anExpiredTokenIsRefusedAfterTheLeeway() throws Exception {
        assertRefused(withServerKey(b -> b.expirationTime(Date.from(Instant.now().minus(Duration.ofSeconds(61))))));
        assertRefused(withServerKey(b -> b.expirationTime(null)));
        assertRefused(withServerKey(b -> b.issueTime(Date.from(Instant.now().plus(Duration.ofHours(1))))));
    }

    @Test
    void aSessionThatIsNotTheSubjectsOrDoesNotExistIsRefused() throws Exception {
        var other = Accounts.register(http);
        String otherSid = SignedJWT.parse(other.accessToken()).getJWTClaimsSet().getStringClaim("sid");
        assertRefused(withServerKey(b -> b.claim("sid", otherSid)));
        assertRefused(withServerKey(b -> b.claim("sid", UUID.randomUUID().toString())));
        assertRefused(withServerKey(b -> b.claim("sid", null)));
        assertRefused(withServerKey(b -> b.subject("not-a-uuid")));
    }

    @Test
    void revokedSessionAndDeletedUserTokensAreRefused() {
        var second = Accounts.login(http, user.email(), Accounts.PASSWORD);
        assertThat(http.post("/api/auth/logout", null, second.accessToken()).status()).isEqualTo(204);
        assertRefused(second.accessToken());

        assertThat(http.get("/api/auth/me", user.accessToken()).status()).isEqualTo(200);
        var deleted = http.send("DELETE", "/api/auth/me", Map.of("password", Accounts.PASSWORD), user.accessToken(), Map.of());
        assertThat(deleted.status()).isEqualTo(204);
        assertRefused(user.accessToken());
    }
}
