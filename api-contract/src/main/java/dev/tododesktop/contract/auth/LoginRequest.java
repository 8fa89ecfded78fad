package dev.tododesktop.contract.auth;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code POST /api/auth/login}. {@code device_name} labels the new session in the session list. */
public record LoginRequest(
        String email,
        String password,
        @JsonInclude(JsonInclude.Include.NON_NULL) String deviceName) {}
