package dev.tododesktop.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.UUID;

/** A deleted task, as sync reports it: enough to remove the local copy and to order the deletion. */
@JsonDeserialize(using = JsonDeserializer.None.class) // not the interface's dispatcher, which would loop
public record TaskTombstone(UUID id, long version, Instant updatedAt) implements SyncChange {

    @JsonProperty(DELETED)
    @Override
    public boolean deleted() {
        return true;
    }
}
