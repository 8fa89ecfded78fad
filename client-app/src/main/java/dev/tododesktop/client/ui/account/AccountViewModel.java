package dev.tododesktop.client.ui.account;

import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.api.TodoApiClient;
import dev.tododesktop.contract.FieldError;
import dev.tododesktop.contract.auth.AuthValidator;
import dev.tododesktop.contract.auth.PasswordChangeRequest;
import dev.tododesktop.contract.auth.SessionView;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The account window: the devices signed in to this account (each can be signed out from here)
 * and the password change. Network calls run on {@code io}; results land on {@code ui}.
 */
public final class AccountViewModel {

    private final TodoApiClient api;
    private final String accountEmail;
    private final Executor io;
    private final Executor ui;
    private final Runnable onThisDeviceRevoked;
    private final Runnable onForgetDevice;

    private final ObservableList<SessionView> sessions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper sessionsMessage = new ReadOnlyStringWrapper("");
    private final StringProperty currentPassword = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper currentPasswordError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper newPasswordError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper passwordMessage = new ReadOnlyStringWrapper("");

    public AccountViewModel(TodoApiClient api, String accountEmail, Executor io, Executor ui, Runnable onThisDeviceRevoked,
                            Runnable onForgetDevice) {
        this.onForgetDevice = onForgetDevice;
        this.api = api;
        this.accountEmail = accountEmail;
        this.io = io;
        this.ui = ui;
        this.onThisDeviceRevoked = onThisDeviceRevoked;
    }

    public CompletableFuture<Void> loadSessions() {
        return CompletableFuture.supplyAsync(api::sessions, io).thenAcceptAsync(result -> {
            switch (result) {
                case ApiResult.Ok<dev.tododesktop.contract.auth.SessionList> ok -> {
                    sessions.setAll(ok.value().items());
                    sessionsMessage.set("");
                }
                default -> sessionsMessage.set(describe(result));
            }
        }, ui);
    }

    /** Signs a device out; signing out this one ends this app's session too. */
    public CompletableFuture<Void> revoke(SessionView session) {
        return CompletableFuture.supplyAsync(() -> api.revokeSession(session.id()), io).thenComposeAsync(result -> {
            if (!(result instanceof ApiResult.Ok<?>)) {
                sessionsMessage.set(describe(result));
                return CompletableFuture.completedFuture(null);
            }
            if (session.current()) {
                onThisDeviceRevoked.run();
                return CompletableFuture.completedFuture(null);
            }
            return loadSessions();
        }, ui);
    }

    /** Signs out and deletes this account's tasks from this computer (the server keeps them). */
    public void forgetDevice() {
        onForgetDevice.run();
    }

    public CompletableFuture<Void> changePassword() {
        currentPasswordError.set("");
        newPasswordError.set("");
        passwordMessage.set("");
        var request = new PasswordChangeRequest(currentPassword.get(), newPassword.get());
        List<FieldError> local = AuthValidator.validate(request, accountEmail);
        if (!local.isEmpty()) {
            showFieldErrors(local);
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> api.changePassword(request), io).thenAcceptAsync(result -> {
            switch (result) {
                case ApiResult.Ok<?> ok -> {
                    currentPassword.set("");
                    newPassword.set("");
                    passwordMessage.set("Password changed. Your other devices have been signed out.");
                    loadSessions();
                }
                case ApiResult.Rejected<?> rejected when !rejected.fieldErrors().isEmpty() ->
                        showFieldErrors(rejected.fieldErrors());
                default -> passwordMessage.set(describe(result));
            }
        }, ui);
    }

    private void showFieldErrors(List<FieldError> errors) {
        for (var e : errors) {
            switch (e.field()) {
                case AuthValidator.CURRENT_PASSWORD -> currentPasswordError.set(e.message());
                case AuthValidator.NEW_PASSWORD, AuthValidator.PASSWORD -> newPasswordError.set(e.message());
                default -> passwordMessage.set(e.message());
            }
        }
    }

    private static String describe(ApiResult<?> result) {
        return switch (result) {
            case ApiResult.Ok<?> ok -> "";
            case ApiResult.Offline<?> offline -> "You are offline; try again when the connection is back.";
            case ApiResult.RateLimited<?> limited -> "Too many attempts. Try again in " + Math.max(1, limited.retryAfter().toSeconds()) + " s.";
            case ApiResult.Unauthorized<?> u -> "Your session has ended; sign in again.";
            case ApiResult.Rejected<?> rejected -> rejected.problem().detail();
            case ApiResult.ServerError<?> error -> "The server could not do that (" + error.status() + ").";
        };
    }

    public ObservableList<SessionView> sessions() { return sessions; }
    public ReadOnlyStringProperty sessionsMessageProperty() { return sessionsMessage.getReadOnlyProperty(); }
    public StringProperty currentPasswordProperty() { return currentPassword; }
    public StringProperty newPasswordProperty() { return newPassword; }
    public ReadOnlyStringProperty currentPasswordErrorProperty() { return currentPasswordError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty newPasswordErrorProperty() { return newPasswordError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty passwordMessageProperty() { return passwordMessage.getReadOnlyProperty(); }
}
