package dev.tododesktop.contract.auth;

/** {@code POST /api/auth/password}. A wrong current password is a 422 on {@code current_password}, not a 401. */
public record PasswordChangeRequest(String currentPassword, String newPassword) {}
