package dev.tododesktop.client.ui.signin;

import dev.tododesktop.client.account.AccountService;
import dev.tododesktop.client.account.AuthOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An AccountService whose answers a test completes by hand, to see every state in between. */
final class ScriptedAccounts implements AccountService {

    record Call(String kind, String name, String email, String password, CompletableFuture<AuthOutcome> answer) {}

    final List<Call> calls = new ArrayList<>();

    @Override
    public CompletionStage<AuthOutcome> signIn(String email, String password) {
        var call = new Call("signIn", null, email, password, new CompletableFuture<>());
        calls.add(call);
        return call.answer();
    }

    @Override
    public CompletionStage<AuthOutcome> register(String name, String email, String password) {
        var call = new Call("register", name, email, password, new CompletableFuture<>());
        calls.add(call);
        return call.answer();
    }

    Call last() {
        return calls.getLast();
    }
}
