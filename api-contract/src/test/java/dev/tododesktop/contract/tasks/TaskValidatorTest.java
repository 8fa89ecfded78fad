package dev.tododesktop.contract.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.contract.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskValidatorTest {

    private static List<FieldError> create(String title) {
        return TaskValidator.validate(CreateTaskRequest.titled(title));
    }

    private static List<FieldError> withTags(List<String> tags) {
        return TaskValidator.validate(new CreateTaskRequest(null, "t", null, null, null, tags, null));
    }

    private static List<String> tags(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "tag" + i).toList();
    }

    @Test
    void titleMustHaveOneToTwoHundredCharactersAfterTrimming() {
        assertThat(create("")).containsExactly(new FieldError("title", "Title is required."));
        assertThat(create("   ")).containsExactly(new FieldError("title", "Title is required."));
        assertThat(create(null)).containsExactly(new FieldError("title", "Title is required."));
        assertThat(create("a")).isEmpty();
        assertThat(create("a".repeat(200))).isEmpty();
        assertThat(create("  " + "a".repeat(200) + "  ")).as("spaces around do not count").isEmpty();
        assertThat(create("a".repeat(201))).containsExactly(new FieldError("title", "Title must be at most 200 characters."));
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
        assertThat(create(emoji.repeat(200))).isEmpty();
        assertThat(create(emoji.repeat(201))).extracting(FieldError::field).containsExactly("title");
    }

    @Test
    void descriptionMayBeEmptyAndAtMostOneThousandCharacters() {
        var ok = new CreateTaskRequest(null, "t", "d".repeat(1000), null, null, null, null);
        var tooLong = new CreateTaskRequest(null, "t", "d".repeat(1001), null, null, null, null);
        assertThat(TaskValidator.validate(ok)).isEmpty();
        assertThat(TaskValidator.validate(new CreateTaskRequest(null, "t", "", null, null, null, null))).isEmpty();
        assertThat(TaskValidator.validate(tooLong))
                .containsExactly(new FieldError("description", "Description must be at most 1000 characters."));
    }

    @Test
    void atMostTenTags() {
        assertThat(withTags(List.of())).isEmpty();
        assertThat(withTags(tags(10))).isEmpty();
        assertThat(withTags(tags(11))).containsExactly(new FieldError("tags", "A task can have at most 10 tags."));
    }

    @Test
    void eachTagHasOneToThirtyCharacters() {
        assertThat(withTags(List.of("a", "b".repeat(30)))).isEmpty();
        assertThat(withTags(List.of("b".repeat(31))))
                .containsExactly(new FieldError("tags", "Tag \"" + "b".repeat(31) + "\" must be at most 30 characters."));
        assertThat(withTags(List.of(""))).containsExactly(new FieldError("tags", "Tags cannot be empty."));
        assertThat(withTags(List.of(" "))).containsExactly(new FieldError("tags", "Tags cannot be empty."));
        var withNull = new ArrayList<String>();
        withNull.add(null);
        assertThat(withTags(withNull)).containsExactly(new FieldError("tags", "Tags cannot be empty."));
    }

    @Test
    void tagsAreUniqueIgnoringCase() {
        assertThat(withTags(List.of("Work", "home", "work"))).containsExactly(
                new FieldError("tags", "Tag \"work\" is listed twice; tags ignore upper and lower case."));
        assertThat(withTags(List.of("Work", "Workshop"))).isEmpty();
    }

    @Test
    void everyFailingFieldIsReported() {
        var request = new CreateTaskRequest(null, "", "d".repeat(1001), null, null, tags(11), null);
        assertThat(TaskValidator.validate(request)).extracting(FieldError::field)
                .containsExactly("title", "description", "tags");
    }

    @Test
    void anUpdateChecksOnlyTheFieldsItNames() {
        assertThat(TaskValidator.validate(TaskUpdate.empty())).isEmpty();
        assertThat(TaskValidator.validate(TaskUpdate.empty().withDueAt(null))).as("due_at may be cleared").isEmpty();
        assertThat(TaskValidator.validate(TaskUpdate.empty().withTitle("a".repeat(201))))
                .extracting(FieldError::field).containsExactly("title");
        assertThat(TaskValidator.validate(TaskUpdate.empty().withTags(tags(11))))
                .extracting(FieldError::field).containsExactly("tags");
        assertThat(TaskValidator.validate(TaskUpdate.empty().withDescription("d".repeat(1001))))
                .extracting(FieldError::field).containsExactly("description");
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "description", "completed", "priority", "tags"})
    void onlyDueAtMayBeClearedWithNull(String field) {
        FieldUpdate<String> clearText = FieldUpdate.clear();
        var update = switch (field) {
            case "title" -> new TaskUpdate(clearText, null, null, null, null, null);
            case "description" -> new TaskUpdate(null, clearText, null, null, null, null);
            case "completed" -> new TaskUpdate(null, null, FieldUpdate.clear(), null, null, null);
            case "priority" -> new TaskUpdate(null, null, null, FieldUpdate.clear(), null, null);
            case "tags" -> new TaskUpdate(null, null, null, null, FieldUpdate.clear(), null);
            default -> throw new IllegalArgumentException(field);
        };
        assertThat(TaskValidator.validate(update)).singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo(field);
                    assertThat(error.message()).endsWith(".");
                });
    }

    @Test
    void aSyncCreateNeedsATitle() {
        assertThat(TaskValidator.validateForCreate(TaskUpdate.empty().withTitle("Buy milk"))).isEmpty();
        assertThat(TaskValidator.validateForCreate(TaskUpdate.empty().withDescription("no title")))
                .containsExactly(new FieldError("title", "Title is required."));
        assertThat(TaskValidator.validateForCreate(TaskUpdate.empty().withTags(tags(11))))
                .extracting(FieldError::field).containsExactly("title", "tags");
    }
}
