package dev.tododesktop.client.account;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** How a sign-in or registration ended, in the terms a person needs to hear about. */
public sealed interface AuthOutcome {

    record SignedIn(UUID userId, String email, String name) implements AuthOutcome {}

    /** Wrong email or password; deliberately not saying which. */
    record WrongCredentials() implements AuthOutcome {}

    record AlreadyRegistered() implements AuthOutcome {}

    /** The server refused some fields; {@code field} uses the API's names ({@code email}, {@code password}, {@code name}). */
    record InvalidFields(List<FieldProblem> problems) implements AuthOutcome {
        public InvalidFields {
            problems = List.copyOf(problems);
        }
    }

    record RateLimited(Duration retryAfter) implements AuthOutcome {}

    record Unreachable(String detail) implements AuthOutcome {}

    record Failed(String detail) implements AuthOutcome {}

    record FieldProblem(String field, String message) {}
}
