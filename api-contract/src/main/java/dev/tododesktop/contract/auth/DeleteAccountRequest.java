package dev.tododesktop.contract.auth;

/** {@code DELETE /api/auth/me}: the password again, so a stolen access token cannot delete the account. */
public record DeleteAccountRequest(String password) {}
