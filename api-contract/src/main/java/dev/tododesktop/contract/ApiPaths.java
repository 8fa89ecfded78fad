package dev.tododesktop.contract;

import java.util.UUID;

/**
 * Every route of the API. Templates use {@code {name}} placeholders, the syntax of both
 * openapi.yaml and the server's router; the static methods fill them in for clients.
 */
public final class ApiPaths {

    public static final String AUTH_REGISTER = "/api/auth/register";
    public static final String AUTH_LOGIN = "/api/auth/login";
    public static final String AUTH_REFRESH = "/api/auth/refresh";
    public static final String AUTH_LOGOUT = "/api/auth/logout";
    public static final String AUTH_ME = "/api/auth/me";
    public static final String AUTH_SESSIONS = "/api/auth/sessions";
    public static final String AUTH_SESSION = "/api/auth/sessions/{id}";
    public static final String AUTH_PASSWORD = "/api/auth/password";
    public static final String AUTH_JWKS = "/api/auth/jwks";

    public static final String TASKS = "/api/{user_id}/tasks";
    public static final String TASK = "/api/{user_id}/tasks/{id}";
    public static final String TASK_COMPLETE = "/api/{user_id}/tasks/{id}/complete";

    public static final String SYNC = "/api/{user_id}/sync";
    public static final String EVENTS = "/api/{user_id}/events";

    public static final String HEALTH = "/health";
    public static final String READY = "/ready";
    public static final String METRICS = "/metrics";

    /** Path parameter names used in the templates above. */
    public static final String PARAM_USER_ID = "user_id";
    public static final String PARAM_ID = "id";

    private ApiPaths() {}

    public static String session(UUID sessionId) {
        return AUTH_SESSION.replace("{id}", sessionId.toString());
    }

    public static String tasks(UUID userId) {
        return forUser(TASKS, userId);
    }

    public static String task(UUID userId, UUID taskId) {
        return forUser(TASK, userId).replace("{id}", taskId.toString());
    }

    public static String taskComplete(UUID userId, UUID taskId) {
        return forUser(TASK_COMPLETE, userId).replace("{id}", taskId.toString());
    }

    public static String sync(UUID userId) {
        return forUser(SYNC, userId);
    }

    public static String events(UUID userId) {
        return forUser(EVENTS, userId);
    }

    private static String forUser(String template, UUID userId) {
        return template.replace("{user_id}", userId.toString());
    }
}
