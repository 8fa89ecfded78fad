package dev.tododesktop.server.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

/** The {@code users} table. */
public final class AccountStore {

    private static final String COLUMNS = "id, email, email_key, name, password_hash, created_at";

    private final Jdbi jdbi;

    public AccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The new account, or empty when the email (case-insensitively) already has one. */
    public Optional<Account> create(String email, String emailKey, Optional<String> name, String passwordHash, Instant now) {
        var account = new Account(UUID.randomUUID(), email, emailKey, name, passwordHash,
                Instant.ofEpochMilli(now.toEpochMilli()));
        try {
            jdbi.useTransaction(h -> h.createUpdate("INSERT INTO users (" + COLUMNS + ") VALUES (:id, :email, :key, :name, :hash, :created)")
                    .bind("id", account.id().toString())
                    .bind("email", email)
                    .bind("key", emailKey)
                    .bind("name", name.orElse(null))
                    .bind("hash", passwordHash)
                    .bind("created", account.createdAt().toEpochMilli())
                    .execute());
            return Optional.of(account);
        } catch (StatementException e) {
            // Two registrations racing for one email: the unique index decides.
            if (byEmailKey(emailKey).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Optional<Account> byEmailKey(String emailKey) {
        return find("email_key", emailKey);
    }

    public Optional<Account> byId(UUID id) {
        return find("id", id.toString());
    }

    public boolean exists(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM users WHERE id = :id").bind("id", id.toString())
                .mapTo(Integer.class).findOne().isPresent());
    }

    public void updatePasswordHash(UUID id, String passwordHash) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("hash", passwordHash)
                .bind("id", id.toString())
                .execute());
    }

    /** Deletes the account; its sessions, refresh tokens and (by their foreign keys) tasks go with it. */
    public boolean delete(UUID id) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM users WHERE id = :id")
                .bind("id", id.toString())
                .execute() == 1);
    }

    private Optional<Account> find(String column, String value) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE " + column + " = :v")
                .bind("v", value)
                .map((rs, ctx) -> new Account(UUID.fromString(rs.getString("id")), rs.getString("email"),
                        rs.getString("email_key"), Optional.ofNullable(rs.getString("name")), rs.getString("password_hash"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .findOne());
    }
}
