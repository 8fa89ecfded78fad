package dev.tododesktop.server.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the server keeps its data: a SQLite file (the default, and the embedded server's) or
 * PostgreSQL. Accepts {@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://…}, and the
 * {@code postgresql://user:password@host/db?sslmode=require} form that Neon and most hosts hand out.
 */
public sealed interface DatabaseUrl {

    /** The JDBC URL without credentials, safe to log. */
    String jdbcUrl();

    record Sqlite(Path file) implements DatabaseUrl {
        @Override
        public String jdbcUrl() {
            return "jdbc:sqlite:" + file;
        }
    }

    record Postgres(String jdbcUrl, Optional<String> user, Optional<String> password) implements DatabaseUrl {
        @Override
        public String toString() {
            return "Postgres[" + jdbcUrl + ", user=" + user.orElse("(none)") + ", password=" + (password.isPresent() ? "***" : "(none)") + "]";
        }
    }

    static DatabaseUrl sqliteFile(Path file) {
        return new Sqlite(file);
    }

    static DatabaseUrl parse(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            String file = url.substring("jdbc:sqlite:".length());
            if (file.isBlank() || file.startsWith(":memory:") || file.contains("mode=memory")) {
                throw new IllegalArgumentException("needs a SQLite file, as jdbc:sqlite:/var/lib/todo/todo.db (an in-memory database would lose every task on restart)");
            }
            return new Sqlite(Path.of(file));
        }
        if (url.startsWith("jdbc:postgresql://")) {
            return new Postgres(url, Optional.empty(), Optional.empty());
        }
        if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            return fromLibpqUri(url);
        }
        throw new IllegalArgumentException("must be jdbc:sqlite:FILE, jdbc:postgresql://HOST/DB or postgresql://USER:PASSWORD@HOST/DB (got a URL starting '"
                + url.substring(0, Math.min(url.length(), 12)) + "…')");
    }

    private static DatabaseUrl fromLibpqUri(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid postgresql:// URL (" + e.getReason() + ")");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("postgresql:// URL has no host");
        }
        String db = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "" : uri.getRawPath().substring(1);
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = Optional.of(decode(parts[0])).filter(s -> !s.isEmpty());
            if (parts.length == 2) {
                password = Optional.of(decode(parts[1]));
            }
        }
        var params = new LinkedHashMap<String, String>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                params.put(jdbcParameterName(decode(kv[0])), kv.length == 2 ? decode(kv[1]) : "");
            }
        }
        var jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append('/').append(db);
        appendQuery(jdbc, params);
        return new Postgres(jdbc.toString(), user, password);
    }

    /** libpq spells some parameters differently from pgjdbc. */
    private static String jdbcParameterName(String libpqName) {
        return switch (libpqName) {
            case "channel_binding" -> "channelBinding";
            case "application_name" -> "ApplicationName";
            case "connect_timeout" -> "connectTimeout";
            default -> libpqName;
        };
    }

    private static void appendQuery(StringBuilder jdbc, Map<String, String> params) {
        char sep = '?';
        for (var e : params.entrySet()) {
            jdbc.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = '&';
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
