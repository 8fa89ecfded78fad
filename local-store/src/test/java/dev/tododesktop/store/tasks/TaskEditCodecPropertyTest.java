package dev.tododesktop.store.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class TaskEditCodecPropertyTest {

    @Property(tries = 150)
    void anyEditSurvivesEncoding(@ForAll Optional<String> title, @ForAll Optional<String> description,
                                 @ForAll Optional<Boolean> completed, @ForAll Optional<Priority> priority,
                                 @ForAll Optional<@Size(max = 5) List<String>> tags,
                                 @ForAll Optional<Optional<Long>> dueMillis) {
        TaskEdit e = TaskEdit.none();
        if (title.isPresent()) e = e.title(title.get());
        if (description.isPresent()) e = e.description(description.get());
        if (completed.isPresent()) e = e.completed(completed.get());
        if (priority.isPresent()) e = e.priority(priority.get());
        if (tags.isPresent()) e = e.tags(tags.get());
        if (dueMillis.isPresent()) {
            e = dueMillis.get().map(m -> Instant.ofEpochMilli(m % 100_000_000_000_000L)).map(e::dueAt).orElse(e.clearDueAt());
        }
        assertThat(TaskEditCodec.decode(TaskEditCodec.encode(e))).isEqualTo(e);
    }

    @Property(tries = 100)
    void anyTagListSurvivesEncoding(@ForAll @Size(max = 10) List<String> tags) {
        assertThat(TaskEditCodec.decodeTags(TaskEditCodec.encodeTags(tags))).isEqualTo(tags);
    }
}
