-- Accounts, sessions, refresh tokens and signing keys. Portable SQL: it runs on SQLite and
-- PostgreSQL alike. Ids are UUID strings, times are epoch milliseconds (BIGINT), secrets are
-- stored only as hashes (refresh tokens) or never leave the database (private signing keys).

CREATE TABLE users (
    id            VARCHAR(36)  PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    email_key     VARCHAR(254) NOT NULL UNIQUE,
    name          VARCHAR(200),
    password_hash VARCHAR(255) NOT NULL,
    created_at    BIGINT       NOT NULL
);

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

CREATE TABLE refresh_tokens (
    token_hash  VARCHAR(64) PRIMARY KEY,
    session_id  VARCHAR(36) NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    created_at  BIGINT      NOT NULL,
    retired_at  BIGINT
);
CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);

CREATE TABLE signing_keys (
    kid          VARCHAR(64)  PRIMARY KEY,
    algorithm    VARCHAR(16)  NOT NULL,
    public_jwk   TEXT         NOT NULL,
    private_jwk  TEXT         NOT NULL,
    created_at   BIGINT       NOT NULL,
    retire_at    BIGINT       NOT NULL,
    expire_at    BIGINT       NOT NULL
);
