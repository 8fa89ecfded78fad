-- Accounts, sessions, refresh tokens and signing keys. Portable SQL: it runs on SQLite and
-- PostgreSQL alike. Ids are UUID strings, times are epoch milliseconds (BIGINT), secrets are
-- stored only as hashes (passwords: Argon2id PHC strings; refresh tokens: SHA-256) or never
-- leave the database (private signing keys).
-- Tables of other features that belong to a user reference users (id) ON DELETE CASCADE, so
-- deleting an account removes everything it owns in one statement.

CREATE TABLE users (
    id            VARCHAR(36)  PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    email_key     VARCHAR(254) NOT NULL UNIQUE,
    name          VARCHAR(200),
    password_hash VARCHAR(255) NOT NULL,
    created_at    BIGINT       NOT NULL
);

-- expires_at is the idle deadline: the last refresh plus the session lifetime.
CREATE TABLE sessions (
    id            VARCHAR(36)  PRIMARY KEY,
    user_id       VARCHAR(36)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_name   VARCHAR(100),
    created_at    BIGINT       NOT NULL,
    last_used_at  BIGINT       NOT NULL,
    expires_at    BIGINT       NOT NULL,
    revoked_at    BIGINT,
    revoke_reason VARCHAR(32)
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- One row per refresh token ever issued for a live session; retired rows stay so that a
-- replayed token is recognised as theft rather than as an unknown token.
CREATE TABLE refresh_tokens (
    token_hash  VARCHAR(64) PRIMARY KEY,
    session_id  VARCHAR(36) NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    created_at  BIGINT      NOT NULL,
    retired_at  BIGINT
);
CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);

-- retire_at: stop signing with this key; expire_at: stop accepting and listing it (after the
-- last token it signed has expired).
CREATE TABLE signing_keys (
    kid          VARCHAR(64)  PRIMARY KEY,
    algorithm    VARCHAR(16)  NOT NULL,
    public_jwk   TEXT         NOT NULL,
    private_jwk  TEXT         NOT NULL,
    created_at   BIGINT       NOT NULL,
    retire_at    BIGINT       NOT NULL,
    expire_at    BIGINT       NOT NULL
);

-- Rate limits live in the database so every instance sharing it enforces the same limits.
-- Per account, keyed by the normalised email so unknown emails behave like known ones.
CREATE TABLE login_failures (
    email_key        VARCHAR(254) PRIMARY KEY,
    failures         INTEGER      NOT NULL,
    last_failure_at  BIGINT       NOT NULL
);

-- Per client address: one row per failed login or registration attempt, counted in a window.
CREATE TABLE address_events (
    id          VARCHAR(36)  PRIMARY KEY,
    address     VARCHAR(45)  NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    occurred_at BIGINT       NOT NULL
);
CREATE INDEX address_events_by_address ON address_events (address, kind, occurred_at);
