package dev.tododesktop.server.tasks;

import dev.tododesktop.contract.FieldError;
import dev.tododesktop.contract.tasks.FieldUpdate;
import dev.tododesktop.contract.tasks.TaskUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule the contract's validator leaves to the server: PostgreSQL cannot store U+0000 in text,
 * so a NUL character is refused on both databases alike (422) rather than failing in SQL.
 */
public final class TextRules {

    private TextRules() {}

    public static List<FieldError> check(TaskUpdate update) {
        var errors = new ArrayList<FieldError>();
        if (update.title() instanceof FieldUpdate.SetTo<String>(String t) && hasNul(t)) {
            errors.add(nul(TaskUpdate.TITLE));
        }
        if (update.description() instanceof FieldUpdate.SetTo<String>(String d) && hasNul(d)) {
            errors.add(nul(TaskUpdate.DESCRIPTION));
        }
        if (update.tags() instanceof FieldUpdate.SetTo<List<String>>(List<String> tags)
                && tags.stream().anyMatch(t -> t != null && hasNul(t))) {
            errors.add(nul(TaskUpdate.TAGS));
        }
        return errors;
    }

    /** The contract's errors plus this rule's, each field listed once per problem. */
    public static List<FieldError> merge(List<FieldError> contract, List<FieldError> server) {
        var all = new ArrayList<>(contract);
        all.addAll(server);
        return List.copyOf(all);
    }

    private static boolean hasNul(String s) {
        return s.indexOf('\u0000') >= 0;
    }

    private static FieldError nul(String field) {
        return new FieldError(field, "Text cannot contain the NUL character (U+0000).");
    }
}
