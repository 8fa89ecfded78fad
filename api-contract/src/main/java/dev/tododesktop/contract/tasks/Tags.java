package dev.tododesktop.contract.tasks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Tag list copying shared by the records. */
final class Tags {
    private Tags() {}

    /**
     * An unmodifiable copy that, unlike {@link List#copyOf}, keeps null elements: a null tag in a
     * request must reach the validator as a 422, not fail while reading the body.
     */
    static List<String> copyOf(List<String> tags) {
        return tags == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tags));
    }
}
