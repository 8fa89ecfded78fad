package dev.tododesktop.contract.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a sync pull, and the task of a mutation result: either a live task
 * ({@link TaskChange}, {@code "deleted": false}) or a {@link TaskTombstone} carrying only
 * {@code id}, {@code version}, {@code updated_at} and {@code "deleted": true}. Two types instead
 * of one with nullable fields, so a tombstone has no half-empty task and a live task still
 * writes its {@code due_at: null}. Reading picks the type by {@code deleted}.
 */
@JsonDeserialize(using = SyncChange.ByDeletedFlag.class)
public sealed interface SyncChange permits TaskChange, TaskTombstone {

    String DELETED = "deleted";

    UUID id();

    long version();

    Instant updatedAt();

    boolean deleted();

    /** Reads {@code deleted} first, then the matching record. */
    final class ByDeletedFlag extends StdDeserializer<SyncChange> {
        private static final long serialVersionUID = 1L;

        public ByDeletedFlag() {
            super(SyncChange.class);
        }

        @Override
        public SyncChange deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            JsonNode deleted = node.get(DELETED);
            if (deleted == null || !deleted.isBoolean()) {
                return ctxt.reportInputMismatch(this, "A sync change needs \"deleted\": true or false");
            }
            Class<? extends SyncChange> type = deleted.booleanValue() ? TaskTombstone.class : TaskChange.class;
            return ctxt.readTreeAsValue(node, type);
        }
    }
}
