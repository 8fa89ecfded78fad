package dev.tododesktop.contract.tasks;

import dev.tododesktop.contract.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Tag list copying shared by the records. */
final class Tags {
    private Tags() {}

    /**
     * An unmodifiable copy that, unlike {@link List#copyOf}, keeps null elements: a null tag in a
     * request must reach the validator as a 422, not fail while reading the body. Each tag is
     * trimmed like a title, so {@code " work"} and {@code "work"} are the same tag.
     */
    static List<String> copyOf(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        var trimmed = new ArrayList<String>(tags.size());
        for (String tag : tags) {
            trimmed.add(Text.trim(tag));
        }
        return Collections.unmodifiableList(trimmed);
    }

    /** As {@link #copyOf}, without trimming: a task as the server answers it, kept exactly. */
    static List<String> asGiven(List<String> tags) {
        return tags == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tags));
    }
}
