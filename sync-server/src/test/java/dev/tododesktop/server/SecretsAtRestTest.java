package dev.tododesktop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.config.ServerConfig;
import dev.tododesktop.server.db.DatabaseUrl;
import dev.tododesktop.server.testing.Accounts;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.Http;
import dev.tododesktop.server.testing.TaskApi;
import dev.tododesktop.testing.FileModes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What another account on the same computer, or whoever gets a copy of the database, finds of
 * the server: files only its owner can open (under the common umask 022), no private signing
 * key in clear in any byte of the database's files, and nothing in the database that signs a
 * token the server accepts.
 */
class SecretsAtRestTest {

    /** How a private JWK looks in JSON: what must not appear in any byte of the database. */
    private static final byte[] PRIVATE_JWK_MEMBER = "\"d\":\"".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private TodoServer start(Path dataDir, DatabaseUrl database) {
        return TodoServer.start(ServerConfig.embedded(dataDir).withDatabase(database)
                .withPasswordHashing(PasswordHashing.forTestsOnly()));
    }

    private TodoServer startSqlite(Path dataDir) {
        return start(dataDir, DatabaseUrl.sqliteFile(dataDir.resolve("todo-server.db")));
    }

    @Test
    void everyFileOfTheServerIsOwnerOnlyUnderUmask022() throws Exception {
        assumeTrue(FileModes.umaskLetsOthersRead(), "umask " + FileModes.umask() + " would hide the problem");
        Path data = dir.resolve("server");
        try (var server = startSqlite(data)) {
            var alice = TaskApi.register(new Http(server.baseUri()));
            for (int i = 0; i < 20; i++) {
                alice.created("pick up prescription " + i);
            }
            assertThat(FileModes.files(data)).anyMatch(f -> f.endsWith(".db-wal")).anyMatch(f -> f.endsWith(".db-shm"));
            assertThat(FileModes.openToOthers(data)).as("while it runs").isEmpty();
        }
        assertThat(FileModes.openToOthers(data)).as("after it stopped").isEmpty();
    }

    @Test
    void anInstallationAnOlderVersionLeftReadableIsTightenedOnStart() throws Exception {
        assumeTrue(FileModes.umaskLetsOthersRead(), "umask " + FileModes.umask() + " would hide the problem");
        Path data = dir.resolve("server");
        try (var server = startSqlite(data)) {
            TaskApi.register(new Http(server.baseUri())).created("before the upgrade");
        }
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        try (var server = startSqlite(data)) {
            TaskApi.register(new Http(server.baseUri())).created("after the upgrade");
            // The directory itself is the operator's (systemd's StateDirectoryMode, the image's
            // chmod, or the app for its embedded server): the server never changes a directory it did not make.
            assertThat(FileModes.openToOthers(data)).containsExactly("rwxr-xr-x ");
        }
    }

    @Test
    void noByteOfTheDatabaseFilesHoldsAPrivateKeyInClear() throws Exception {
        Path data = dir.resolve("server");
        try (var server = startSqlite(data)) {
            Accounts.register(new Http(server.baseUri()));
            assertThat(databaseBytesWithPrivateKeys(data)).as("while it runs").isEmpty();
        }
        assertThat(databaseBytesWithPrivateKeys(data)).as("after it stopped").isEmpty();
    }

    @Test
    void aTokenSignedWithAKeyFromACopyOfTheSqliteDatabaseIsRefused() throws Exception {
        Path data = dir.resolve("server");
        try (var server = startSqlite(data)) {
            var http = new Http(server.baseUri());
            var victim = Accounts.register(http);
            Path copy = copyOfDatabaseFiles(data, dir.resolve("stolen"));
            var stolen = privateJwksIn(DatabaseUrl.sqliteFile(copy));
            assertThat(stolen).as("rows in the copied signing_keys table").isNotEmpty();
            assertForgeriesRefused(http, victim, stolen);
        }
    }

    @Test
    void aTokenSignedWithAKeyReadFromPostgresIsRefused() throws Exception {
        var database = Backend.POSTGRES.freshDatabase(dir);
        try (var server = start(dir.resolve("server"), database)) {
            var http = new Http(server.baseUri());
            var victim = Accounts.register(http);
            var stolen = privateJwksIn(database);
            assertThat(stolen).isNotEmpty();
            assertForgeriesRefused(http, victim, stolen);
        }
    }

    @Test
    void keysAnOlderVersionStoredInClearAreSealedOnStartAndSignNoMore() throws Exception {
        Path data = dir.resolve("server");
        var database = DatabaseUrl.sqliteFile(data.resolve("todo-server.db"));
        Accounts.Login alice;
        try (var server = start(data, database)) {
            alice = Accounts.register(new Http(server.baseUri()));
        }
        // What an older version left: a private key in clear, and a token it signed still in use.
        ECKey old = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
                .algorithm(JWSAlgorithm.ES256).keyUse(KeyUse.SIGNATURE).generate();
        Instant now = Instant.now();
        try (var c = DriverManager.getConnection(database.jdbcUrl());
             var insert = c.prepareStatement("INSERT INTO signing_keys (kid, algorithm, public_jwk, private_jwk, created_at, retire_at, expire_at)"
                     + " VALUES (?, 'ES256', ?, ?, ?, ?, ?)")) {
            insert.setString(1, old.getKeyID());
            insert.setString(2, old.toPublicJWK().toJSONString());
            insert.setString(3, old.toJSONString());
            insert.setLong(4, now.toEpochMilli() + 1_000);
            insert.setLong(5, now.plus(Duration.ofDays(90)).toEpochMilli());
            insert.setLong(6, now.plus(Duration.ofDays(91)).toEpochMilli());
            insert.executeUpdate();
        }
        String oldToken = forge(old, old.getKeyID(), alice);
        assertThat(databaseBytesWithPrivateKeys(data)).as("the test's starting point").isNotEmpty();

        try (var server = start(data, database)) {
            var http = new Http(server.baseUri());
            assertThat(http.get("/api/" + alice.userId() + "/tasks", oldToken).status())
                    .as("a token the old key signed still works until it expires: nobody is signed out").isEqualTo(200);
            var again = Accounts.login(http, alice.email(), Accounts.PASSWORD);
            assertThat(SignedJWT.parse(again.accessToken()).getHeader().getKeyID())
                    .as("the key that was in clear signs nothing more").isNotEqualTo(old.getKeyID());
            assertThat(privateJwksIn(database)).as("the table's rows").allSatisfy(jwk ->
                    assertThat(jwk).doesNotContain("\"d\""));
            assertThat(databaseBytesWithPrivateKeys(data)).as("no byte of the files").isEmpty();
        }
    }

    /** Every value of signing_keys.private_jwk, as someone with a copy or read access would see it. */
    private static List<String> privateJwksIn(DatabaseUrl database) throws Exception {
        var values = new ArrayList<String>();
        String url = database instanceof DatabaseUrl.Postgres pg ? pg.jdbcUrl() : database.jdbcUrl();
        try (var c = database instanceof DatabaseUrl.Postgres ? DriverManager.getConnection(url, "postgres", "")
                : DriverManager.getConnection(url);
             var s = c.createStatement();
             var rs = s.executeQuery("SELECT private_jwk FROM signing_keys")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /**
     * Signs an access token for the victim with every private key that can be read from the
     * stolen values (and, as a control, with a key of our own under each stolen key id); the
     * server must refuse every one.
     */
    private static void assertForgeriesRefused(Http http, Accounts.Login victim, List<String> stolen) throws Exception {
        var statuses = new ArrayList<String>();
        var readable = new ArrayList<String>();
        for (String value : stolen) {
            String kid = null;
            try {
                ECKey key = ECKey.parse(value);
                kid = key.getKeyID();
                if (key.isPrivate()) {
                    readable.add(kid);
                    statuses.add("stolen key " + kid + ": " + http.get("/api/" + victim.userId() + "/tasks", forge(key, kid, victim)).status());
                }
            } catch (java.text.ParseException notAJwk) {
                // Sealed: nothing to sign with.
            }
            ECKey own = new ECKeyGenerator(Curve.P_256).generate();
            String claimedKid = kid != null ? kid : SignedJWT.parse(victim.accessToken()).getHeader().getKeyID();
            statuses.add("own key as " + claimedKid + ": " + http.get("/api/" + victim.userId() + "/tasks", forge(own, claimedKid, victim)).status());
        }
        assertThat(statuses).as("forged tokens").allSatisfy(s -> assertThat(s).endsWith(": 401"));
        assertThat(readable).as("private keys readable from the database").isEmpty();
    }

    private static String forge(ECKey key, String kid, Accounts.Login victim) throws Exception {
        var real = SignedJWT.parse(victim.accessToken()).getJWTClaimsSet();
        var claims = new JWTClaimsSet.Builder(real).jwtID(UUID.randomUUID().toString())
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))).build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** Copies the database and its -wal as someone able to read them would, while the server runs. */
    private static Path copyOfDatabaseFiles(Path data, Path to) throws Exception {
        Files.createDirectories(to);
        for (String suffix : List.of("", "-wal")) {
            Path file = data.resolve("todo-server.db" + suffix);
            if (Files.exists(file)) {
                Files.copy(file, to.resolve("copy.db" + suffix));
            }
        }
        return to.resolve("copy.db");
    }

    /** The database files (the database, -wal, -shm, -journal) whose bytes contain a private JWK member. */
    private static List<String> databaseBytesWithPrivateKeys(Path data) throws Exception {
        var found = new ArrayList<String>();
        try (Stream<Path> files = Files.list(data)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("todo-server.db")).toList()) {
                if (indexOf(Files.readAllBytes(f), PRIVATE_JWK_MEMBER) >= 0) {
                    found.add(f.getFileName().toString());
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
