package dev.tododesktop.server.auth.sessions;

import dev.tododesktop.server.auth.tokens.RefreshTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Sessions and their refresh tokens in the database. A refresh is one transaction whose first
 * statement is a conditional UPDATE that retires the presented token only if it is still
 * current; of any number of concurrent refreshes with one token exactly one changes that row
 * (SQLite serialises writers; PostgreSQL re-checks the condition after the winner commits).
 */
public final class SessionStore {

    private final Jdbi jdbi;
    private final Duration idleTtl;

    public SessionStore(Jdbi jdbi, Duration idleTtl) {
        this.jdbi = jdbi;
        this.idleTtl = idleTtl;
    }

    public Duration idleTtl() {
        return idleTtl;
    }

    public NewSession start(UUID userId, Optional<String> deviceName, Instant now) {
        var sessionId = UUID.randomUUID();
        var expires = now.plus(idleTtl);
        String token = RefreshTokens.generate();
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO sessions (id, user_id, device_name, created_at, last_used_at, expires_at)
                            VALUES (:id, :user, :device, :now, :now, :expires)""")
                    .bind("id", sessionId.toString())
                    .bind("user", userId.toString())
                    .bind("device", deviceName.orElse(null))
                    .bind("now", now.toEpochMilli())
                    .bind("expires", expires.toEpochMilli())
                    .execute();
            insertToken(h, token, sessionId, now);
        });
        return new NewSession(userId, sessionId, token, expires);
    }

    public RefreshOutcome refresh(String presented, Instant now) {
        String hash = RefreshTokens.hash(presented);
        long at = now.toEpochMilli();
        return jdbi.inTransaction(h -> {
            int retired = h.createUpdate("UPDATE refresh_tokens SET retired_at = :now WHERE token_hash = :hash AND retired_at IS NULL")
                    .bind("now", at)
                    .bind("hash", hash)
                    .execute();
            var owner = h.createQuery("""
                            SELECT s.id, s.user_id, s.revoked_at, s.expires_at FROM refresh_tokens t
                            JOIN sessions s ON s.id = t.session_id WHERE t.token_hash = :hash""")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new Owner(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("user_id")),
                            rs.getObject("revoked_at") != null, rs.getLong("expires_at")))
                    .findOne();
            if (owner.isEmpty()) {
                return new RefreshOutcome.Rejected();
            }
            Owner o = owner.get();
            if (retired == 0) {
                revoke(h, o.sessionId, "refresh_reuse", at);
                return new RefreshOutcome.Reused(o.sessionId);
            }
            if (o.revoked || o.expiresAt <= at) {
                return new RefreshOutcome.Rejected();
            }
            String next = RefreshTokens.generate();
            insertToken(h, next, o.sessionId, now);
            var expires = now.plus(idleTtl);
            h.createUpdate("UPDATE sessions SET expires_at = :expires, last_used_at = :now WHERE id = :id")
                    .bind("expires", expires.toEpochMilli())
                    .bind("now", at)
                    .bind("id", o.sessionId.toString())
                    .execute();
            return new RefreshOutcome.Rotated(new NewSession(o.userId, o.sessionId, next, expires));
        });
    }

    public Optional<SessionState> state(UUID sessionId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT user_id, revoked_at, expires_at, last_used_at FROM sessions WHERE id = :id")
                .bind("id", sessionId.toString())
                .map((rs, ctx) -> {
                    long revoked = rs.getLong("revoked_at");
                    Optional<Instant> revokedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revoked));
                    return new SessionState(UUID.fromString(rs.getString("user_id")), revokedAt,
                            Instant.ofEpochMilli(rs.getLong("expires_at")), Instant.ofEpochMilli(rs.getLong("last_used_at")));
                })
                .findOne());
    }

    /** {@link #state} for many sessions in few round trips; sessions with no row are absent from the map. */
    public java.util.Map<UUID, SessionState> states(java.util.Collection<UUID> sessionIds) {
        var result = new java.util.HashMap<UUID, SessionState>();
        var ids = java.util.List.copyOf(sessionIds);
        for (int from = 0; from < ids.size(); from += 500) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + 500)).stream().map(UUID::toString).toList();
            jdbi.useHandle(h -> h.createQuery(
                            "SELECT id, user_id, revoked_at, expires_at, last_used_at FROM sessions WHERE id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> {
                        long revoked = rs.getLong("revoked_at");
                        Optional<Instant> revokedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revoked));
                        result.put(UUID.fromString(rs.getString("id")), new SessionState(UUID.fromString(rs.getString("user_id")),
                                revokedAt, Instant.ofEpochMilli(rs.getLong("expires_at")),
                                Instant.ofEpochMilli(rs.getLong("last_used_at"))));
                        return true;
                    })
                    .list());
        }
        return result;
    }

    public void touch(UUID sessionId, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sessions SET last_used_at = :now WHERE id = :id AND last_used_at < :now")
                .bind("now", now.toEpochMilli())
                .bind("id", sessionId.toString())
                .execute());
    }

    /** Revokes one live session of this user; false when there is none with that id. */
    public boolean revoke(UUID userId, UUID sessionId, String reason, Instant now) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        UPDATE sessions SET revoked_at = :now, revoke_reason = :reason
                        WHERE id = :id AND user_id = :user AND revoked_at IS NULL AND expires_at > :now""")
                .bind("now", now.toEpochMilli())
                .bind("reason", reason)
                .bind("id", sessionId.toString())
                .bind("user", userId.toString())
                .execute() == 1);
    }

    /** Revokes every live session of the user except {@code keep}; returns the ids it revoked. */
    public List<UUID> revokeAllExcept(UUID userId, UUID keep, String reason, Instant now) {
        return jdbi.inTransaction(h -> {
            List<UUID> ids = h.createQuery("SELECT id FROM sessions WHERE user_id = :user AND id <> :keep AND revoked_at IS NULL")
                    .bind("user", userId.toString())
                    .bind("keep", keep.toString())
                    .map((rs, ctx) -> UUID.fromString(rs.getString("id")))
                    .list();
            h.createUpdate("UPDATE sessions SET revoked_at = :now, revoke_reason = :reason WHERE user_id = :user AND id <> :keep AND revoked_at IS NULL")
                    .bind("now", now.toEpochMilli())
                    .bind("reason", reason)
                    .bind("user", userId.toString())
                    .bind("keep", keep.toString())
                    .execute();
            return ids;
        });
    }

    public List<UUID> sessionIdsOf(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM sessions WHERE user_id = :user")
                .bind("user", userId.toString())
                .map((rs, ctx) -> UUID.fromString(rs.getString("id")))
                .list());
    }

    public List<SessionInfo> live(UUID userId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, device_name, created_at, last_used_at FROM sessions
                        WHERE user_id = :user AND revoked_at IS NULL AND expires_at > :now
                        ORDER BY created_at, id""")
                .bind("user", userId.toString())
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new SessionInfo(UUID.fromString(rs.getString("id")),
                        Optional.ofNullable(rs.getString("device_name")),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("last_used_at"))))
                .list());
    }

    private static void revoke(Handle h, UUID sessionId, String reason, long at) {
        h.createUpdate("UPDATE sessions SET revoked_at = :now, revoke_reason = :reason WHERE id = :id AND revoked_at IS NULL")
                .bind("now", at)
                .bind("reason", reason)
                .bind("id", sessionId.toString())
                .execute();
    }

    private static void insertToken(Handle h, String token, UUID sessionId, Instant now) {
        h.createUpdate("INSERT INTO refresh_tokens (token_hash, session_id, created_at) VALUES (:hash, :session, :now)")
                .bind("hash", RefreshTokens.hash(token))
                .bind("session", sessionId.toString())
                .bind("now", now.toEpochMilli())
                .execute();
    }

    private record Owner(UUID sessionId, UUID userId, boolean revoked, long expiresAt) {}
}
