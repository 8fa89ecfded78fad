package dev.tododesktop.client.account;

import java.util.concurrent.CompletionStage;

/**
 * What the sign-in screen needs from the rest of the app. Implementations do their network and
 * keychain work off the FX thread and complete the stage with an outcome, never exceptionally
 * for anything a user can cause.
 */
public interface AccountService {

    CompletionStage<AuthOutcome> signIn(String email, String password);

    CompletionStage<AuthOutcome> register(String name, String email, String password);
}
