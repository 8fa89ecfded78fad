package dev.tododesktop.client.account;

import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.api.TodoApiClient;
import dev.tododesktop.contract.Problem;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.auth.RegisterRequest;
import dev.tododesktop.contract.auth.UserView;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Signs in and registers through the API client on {@code io}, and says how it went in the
 * sign-in screen's terms. The client is supplied late because the embedded server may still be
 * starting when the screen is already shown.
 */
public final class RemoteAccountService implements AccountService {

    private final Supplier<CompletableFuture<TodoApiClient>> client;
    private final Executor io;

    public RemoteAccountService(Supplier<CompletableFuture<TodoApiClient>> client, Executor io) {
        this.client = client;
        this.io = io;
    }

    @Override
    public CompletionStage<AuthOutcome> signIn(String email, String password) {
        return client.get().thenApplyAsync(api -> outcome(api.login(new LoginRequest(email, password, null))), io);
    }

    @Override
    public CompletionStage<AuthOutcome> register(String name, String email, String password) {
        String optionalName = name == null || name.isBlank() ? null : name;
        return client.get().thenApplyAsync(
                api -> outcome(api.register(new RegisterRequest(email, password, optionalName, null))), io);
    }

    static AuthOutcome outcome(ApiResult<UserView> result) {
        return switch (result) {
            case ApiResult.Ok<UserView> ok -> new AuthOutcome.SignedIn(ok.value().id(), ok.value().email(), ok.value().name());
            case ApiResult.Unauthorized<UserView> u -> new AuthOutcome.WrongCredentials();
            case ApiResult.RateLimited<UserView> limited -> new AuthOutcome.RateLimited(limited.retryAfter());
            case ApiResult.Offline<UserView> offline -> new AuthOutcome.Unreachable(offline.reason());
            case ApiResult.ServerError<UserView> error -> new AuthOutcome.Failed("the server answered " + error.status());
            case ApiResult.Rejected<UserView> rejected -> rejected(rejected.problem(), rejected.status());
        };
    }

    private static AuthOutcome rejected(Problem problem, int status) {
        if (status == 409) {
            return new AuthOutcome.AlreadyRegistered();
        }
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            return new AuthOutcome.InvalidFields(problem.errors().stream()
                    .map(e -> new AuthOutcome.FieldProblem(e.field(), e.message())).toList());
        }
        return new AuthOutcome.Failed(problem.detail() != null ? problem.detail() : problem.title());
    }
}
