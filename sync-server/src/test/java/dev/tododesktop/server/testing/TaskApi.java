package dev.tododesktop.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One signed-in user's calls to the task and sync API, over real HTTP. */
public record TaskApi(Http http, UUID userId, String token, String email) {

    public static TaskApi register(Http http) {
        var login = Accounts.register(http);
        return new TaskApi(http, login.userId(), login.accessToken(), login.email());
    }

    /** The same user signed in a second time: another session, as a second device has. */
    public TaskApi secondDevice() {
        var login = Accounts.login(http, email, Accounts.PASSWORD);
        return new TaskApi(http, userId, login.accessToken(), email);
    }

    public static JsonNode json(String text) {
        try {
            return dev.tododesktop.contract.ApiJson.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String tasks() {
        return "/api/" + userId + "/tasks";
    }

    public String task(Object id) {
        return tasks() + "/" + id;
    }

    public String sync() {
        return "/api/" + userId + "/sync";
    }

    public String events() {
        return "/api/" + userId + "/events";
    }

    public Http.Response create(Map<String, ?> body) {
        return http.post(tasks(), body, token);
    }

    public JsonNode created(String title) {
        var r = create(Map.of("title", title));
        if (r.status() != 201) throw new AssertionError("create failed: " + r.status() + " " + r.body());
        return r.json();
    }

    public Http.Response list(String query) {
        return http.get(tasks() + (query.isEmpty() ? "" : "?" + query), token);
    }

    public Http.Response get(Object id) {
        return http.get(task(id), token);
    }

    public Http.Response put(Object id, Map<String, ?> body) {
        return http.put(task(id), body, token);
    }

    public Http.Response delete(Object id) {
        return http.delete(task(id), token);
    }

    public Http.Response complete(Object id, Object body) {
        return http.send("PATCH", task(id) + "/complete", body, token, Map.of());
    }

    public Http.Response pull(String cursor, int limit) {
        return http.get(sync() + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor), token);
    }

    public Http.Response push(Object mutations) {
        return http.post(sync(), Map.of("mutations", mutations), token);
    }

    /** A mutation as JSON; {@code fields} may hold nulls (a cleared field). */
    public static Map<String, Object> mutation(UUID mutationId, String type, Object taskId, Long baseVersion, Map<String, ?> fields) {
        var m = new LinkedHashMap<String, Object>();
        m.put("mutation_id", mutationId.toString());
        m.put("type", type);
        m.put("task_id", taskId.toString());
        if (baseVersion != null) m.put("base_version", baseVersion);
        if (fields != null) m.put("fields", fields);
        return m;
    }
}
