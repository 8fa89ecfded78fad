package dev.tododesktop.contract.tasks;

import static dev.tododesktop.contract.tasks.TaskLimits.DESCRIPTION_MAX_LENGTH;
import static dev.tododesktop.contract.tasks.TaskLimits.TAGS_MAX_COUNT;
import static dev.tododesktop.contract.tasks.TaskLimits.TAG_MAX_LENGTH;
import static dev.tododesktop.contract.tasks.TaskLimits.TITLE_MAX_LENGTH;

import dev.tododesktop.contract.FieldError;
import dev.tododesktop.contract.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * Checks task fields against {@link TaskLimits}. The server answers a non-empty result with 422;
 * the desktop app shows the same messages before it submits. Field names are the JSON names.
 */
public final class TaskValidator {

    private TaskValidator() {}

    /** A {@code POST} body. */
    public static List<FieldError> validate(CreateTaskRequest request) {
        var errors = new ArrayList<FieldError>();
        checkTitle(request.title(), errors);
        checkDescription(request.description(), errors);
        checkTags(request.tags(), errors);
        checkDueAt(request.dueAt(), errors);
        return List.copyOf(errors);
    }

    /** A {@code PUT} body or an {@code update} mutation: only the fields it names are checked. */
    public static List<FieldError> validate(TaskUpdate update) {
        var errors = new ArrayList<FieldError>();
        switch (update.title()) {
            case FieldUpdate.SetTo<String>(String title) -> checkTitle(title, errors);
            case FieldUpdate.Clear<String> _ -> checkTitle(null, errors);
            case FieldUpdate.Keep<String> _ -> { }
        }
        switch (update.description()) {
            case FieldUpdate.SetTo<String>(String description) -> checkDescription(description, errors);
            case FieldUpdate.Clear<String> _ -> errors.add(new FieldError(TaskUpdate.DESCRIPTION,
                    "Description cannot be null; send an empty text to remove it."));
            case FieldUpdate.Keep<String> _ -> { }
        }
        if (update.completed() instanceof FieldUpdate.Clear<Boolean>) {
            errors.add(new FieldError(TaskUpdate.COMPLETED, "Completed must be true or false."));
        }
        if (update.priority() instanceof FieldUpdate.Clear<Priority>) {
            errors.add(new FieldError(TaskUpdate.PRIORITY, "Priority must be one of none, low, medium or high."));
        }
        switch (update.tags()) {
            case FieldUpdate.SetTo<List<String>>(List<String> tags) -> checkTags(tags, errors);
            case FieldUpdate.Clear<List<String>> _ -> errors.add(new FieldError(TaskUpdate.TAGS,
                    "Tags cannot be null; send an empty list to remove all tags."));
            case FieldUpdate.Keep<List<String>> _ -> { }
        }
        if (update.dueAt() instanceof FieldUpdate.SetTo<Instant>(Instant dueAt)) {
            checkDueAt(dueAt, errors);
        }
        return List.copyOf(errors);
    }

    /** A sync {@code create} mutation's fields: like an update, but a title is required. */
    public static List<FieldError> validateForCreate(TaskUpdate fields) {
        if (fields.title().isPresent()) {
            return validate(fields);
        }
        var errors = new ArrayList<FieldError>();
        checkTitle(null, errors);
        errors.addAll(validate(fields));
        return List.copyOf(errors);
    }

    private static void checkTitle(String title, List<FieldError> errors) {
        if (Text.isBlank(title)) {
            errors.add(new FieldError(TaskUpdate.TITLE, "Title is required."));
        } else if (length(Text.trim(title)) > TITLE_MAX_LENGTH) {
            errors.add(new FieldError(TaskUpdate.TITLE, "Title must be at most " + TITLE_MAX_LENGTH + " characters."));
        }
    }

    private static void checkDescription(String description, List<FieldError> errors) {
        if (description != null && length(description) > DESCRIPTION_MAX_LENGTH) {
            errors.add(new FieldError(TaskUpdate.DESCRIPTION,
                    "Description must be at most " + DESCRIPTION_MAX_LENGTH + " characters."));
        }
    }

    private static void checkTags(List<String> tags, List<FieldError> errors) {
        if (tags.size() > TAGS_MAX_COUNT) {
            errors.add(new FieldError(TaskUpdate.TAGS, "A task can have at most " + TAGS_MAX_COUNT + " tags."));
        }
        var seen = new HashSet<String>();
        for (String tag : tags) {
            if (Text.isBlank(tag)) {
                errors.add(new FieldError(TaskUpdate.TAGS, "Tags cannot be empty."));
            } else if (length(Text.trim(tag)) > TAG_MAX_LENGTH) {
                errors.add(new FieldError(TaskUpdate.TAGS,
                        "Tag \"" + tag + "\" must be at most " + TAG_MAX_LENGTH + " characters."));
            } else if (!seen.add(tag.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(TaskUpdate.TAGS,
                        "Tag \"" + tag + "\" is listed twice; tags ignore upper and lower case."));
            }
        }
    }

    private static void checkDueAt(Instant dueAt, List<FieldError> errors) {
        if (dueAt != null && (dueAt.isBefore(TaskLimits.DUE_AT_MIN) || dueAt.isAfter(TaskLimits.DUE_AT_MAX))) {
            errors.add(new FieldError(TaskUpdate.DUE_AT, "Due date must be between 0001-01-01T00:00:00.000Z and "
                    + "9999-12-31T23:59:59.999Z."));
        }
    }

    private static int length(String s) {
        return Text.length(s);
    }
}
