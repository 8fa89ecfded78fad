package dev.tododesktop.contract.tasks;

import static dev.tododesktop.contract.JsonAssertions.assertWritesAs;
import static dev.tododesktop.contract.JsonAssertions.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DatabindException;
import dev.tododesktop.contract.ApiJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three states a PUT field can be in: absent (keep), null (clear) and a value (set). */
class TaskUpdateJsonTest {

    @Test
    void anAbsentFieldReadsAsKeep() throws Exception {
        var update = read("{\"title\": \"New title\"}", TaskUpdate.class);
        assertThat(update.dueAt()).isEqualTo(FieldUpdate.keep());
        assertThat(update.dueAt().applyTo(Instant.parse("2026-12-01T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(update.presentFields()).containsExactly("title");
    }

    @Test
    void aNullFieldReadsAsClear() throws Exception {
        var update = read("{\"due_at\": null}", TaskUpdate.class);
        assertThat(update.dueAt()).isEqualTo(FieldUpdate.clear());
        assertThat(update.dueAt().applyTo(Instant.parse("2026-12-01T09:00:00Z"))).isNull();
        assertThat(update.title()).isEqualTo(FieldUpdate.keep());
        assertThat(update.presentFields()).containsExactly("due_at");
    }

    @Test
    void aFieldWithAValueReadsAsSetTo() throws Exception {
        var update = read("""
                {"title": " Walk the dog ", "description": "", "completed": true, "priority": "low",
                 "tags": ["Home"], "due_at": "2026-12-01T09:00:00.000Z"}
                """, TaskUpdate.class);
        assertThat(update.title()).isEqualTo(FieldUpdate.set("Walk the dog"));
        assertThat(update.description()).isEqualTo(FieldUpdate.set(""));
        assertThat(update.completed()).isEqualTo(FieldUpdate.set(true));
        assertThat(update.priority()).isEqualTo(FieldUpdate.set(Priority.LOW));
        assertThat(update.tags()).isEqualTo(FieldUpdate.set(List.of("Home")));
        assertThat(update.dueAt()).isEqualTo(FieldUpdate.set(Instant.parse("2026-12-01T09:00:00Z")));
        assertThat(update.presentFields()).containsExactly("title", "description", "completed", "priority", "tags", "due_at");
    }

    @Test
    void writingLeavesOutKeptFieldsAndWritesClearedOnesAsNull() throws Exception {
        assertWritesAs(TaskUpdate.empty(), "{}");
        assertWritesAs(TaskUpdate.empty().withTitle("Call mum").withDueAt(null),
                "{\"title\": \"Call mum\", \"due_at\": null}");
        assertWritesAs(TaskUpdate.empty().withTags(List.of("a", "b")).withPriority(Priority.HIGH)
                        .withDueAt(Instant.parse("2026-12-01T09:00:00.123456Z")).withCompleted(false),
                "{\"tags\": [\"a\", \"b\"], \"priority\": \"high\", \"due_at\": \"2026-12-01T09:00:00.123Z\", \"completed\": false}");
    }

    @Test
    void whatAClientWritesTheServerReadsBackUnchanged() throws Exception {
        var original = TaskUpdate.empty().withDescription("notes").withDueAt(null);
        String json = ApiJson.mapper().writeValueAsString(original);
        assertThat(read(json, TaskUpdate.class)).isEqualTo(original);
    }

    @Test
    void valuesOfTheWrongTypeFailReading() {
        assertThatThrownBy(() -> read("{\"priority\": \"urgent\"}", TaskUpdate.class)).isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> read("{\"completed\": \"yes\"}", TaskUpdate.class)).isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> read("{\"due_at\": \"tomorrow\"}", TaskUpdate.class)).isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> read("{\"tags\": \"home\"}", TaskUpdate.class)).isInstanceOf(DatabindException.class);
    }

    @Test
    void keepIsNeverSilentlyWrittenAsNull() {
        assertThatThrownBy(() -> ApiJson.mapper().writeValueAsString(List.of(FieldUpdate.keep())))
                .isInstanceOf(DatabindException.class).hasMessageContaining("NON_EMPTY");
    }

    @Test
    void mapTransformsOnlyAValue() {
        assertThat(FieldUpdate.set("a").map(String::length)).isEqualTo(FieldUpdate.set(1));
        assertThat(FieldUpdate.<String>clear().map(String::length)).isEqualTo(FieldUpdate.clear());
        assertThat(FieldUpdate.<String>keep().map(String::length)).isEqualTo(FieldUpdate.keep());
        assertThatThrownBy(() -> FieldUpdate.set(null)).isInstanceOf(NullPointerException.class);
    }
}
