package dev.tododesktop.contract;

import static dev.tododesktop.contract.JsonAssertions.assertRoundTrips;
import static dev.tododesktop.contract.JsonAssertions.assertWritesAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProblemAndPathsTest {

    @Test
    void aProblemWithoutFieldErrorsLeavesErrorsOut() throws Exception {
        assertWritesAs(Problem.of(404, "Not Found", "No such task."), """
                {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "No such task."}
                """);
    }

    @Test
    void aValidationProblemListsEveryFailingField() throws Exception {
        var problem = assertRoundTrips("""
                {"type": "urn:todo-desktop:problem:validation-failed", "title": "Validation failed",
                 "status": 422, "detail": "2 fields are not valid.",
                 "errors": [{"field": "title", "message": "Title is required."},
                            {"field": "tags", "message": "A task can have at most 10 tags."}]}
                """, Problem.class);
        assertThat(problem).isEqualTo(Problem.validation(List.of(
                new FieldError("title", "Title is required."),
                new FieldError("tags", "A task can have at most 10 tags."))));
    }

    @Test
    void aValidationProblemWithoutFieldErrorsIsAProgrammingError() {
        assertThatThrownBy(() -> Problem.validation(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timestampsAreWrittenInUtcWithExactlyThreeFractionDigits() throws Exception {
        var mapper = ApiJson.mapper();
        assertThat(mapper.writeValueAsString(Instant.parse("2026-11-24T04:10:00.123456789Z")))
                .isEqualTo("\"2026-11-24T04:10:00.123Z\"");
        assertThat(mapper.writeValueAsString(Instant.parse("2026-11-24T04:10:00Z")))
                .isEqualTo("\"2026-11-24T04:10:00.000Z\"");
        assertThat(mapper.readValue("\"2026-11-24T04:10:00.123Z\"", Instant.class))
                .isEqualTo(Instant.parse("2026-11-24T04:10:00.123Z"));
        assertThat(mapper.readValue("\"2026-11-24T06:10:00.123+02:00\"", Instant.class))
                .isEqualTo(Instant.parse("2026-11-24T04:10:00.123Z"));
    }

    @Test
    void pathBuildersFillInTheTemplates() {
        var user = UUID.fromString("0192f7a0-0000-7000-8000-000000000001");
        var task = UUID.fromString("0192f7a0-0000-7000-8000-0000000000aa");
        assertThat(ApiPaths.tasks(user)).isEqualTo("/api/0192f7a0-0000-7000-8000-000000000001/tasks");
        assertThat(ApiPaths.task(user, task))
                .isEqualTo("/api/0192f7a0-0000-7000-8000-000000000001/tasks/0192f7a0-0000-7000-8000-0000000000aa");
        assertThat(ApiPaths.taskComplete(user, task)).endsWith("/tasks/0192f7a0-0000-7000-8000-0000000000aa/complete");
        assertThat(ApiPaths.sync(user)).isEqualTo("/api/0192f7a0-0000-7000-8000-000000000001/sync");
        assertThat(ApiPaths.events(user)).isEqualTo("/api/0192f7a0-0000-7000-8000-000000000001/events");
        assertThat(ApiPaths.session(task)).isEqualTo("/api/auth/sessions/0192f7a0-0000-7000-8000-0000000000aa");
    }
}
