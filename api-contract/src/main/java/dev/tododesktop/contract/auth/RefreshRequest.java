package dev.tododesktop.contract.auth;

/** {@code POST /api/auth/refresh}. */
public record RefreshRequest(String refreshToken) {}
