package dev.tododesktop.contract.auth;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code POST /api/auth/register}. {@code name} and {@code device_name} may be left out. */
public record RegisterRequest(
        String email,
        String password,
        @JsonInclude(JsonInclude.Include.NON_NULL) String name,
        @JsonInclude(JsonInclude.Include.NON_NULL) String deviceName) {}
