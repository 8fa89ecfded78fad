package dev.tododesktop.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.contract.ApiJson;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ServerJsonTest {

    @Test
    void timestampsAreWrittenExactlyAsTheContractFormatterWritesThem() {
        var edges = List.of(Instant.EPOCH, Instant.ofEpochMilli(-1), Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("-0001-12-31T23:59:59.999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("2026-11-24T04:10:00.123456Z"), Instant.parse("2024-02-29T12:00:00Z"));
        for (var instant : edges) {
            assertThat(ServerJson.format(instant)).as(instant.toString()).isEqualTo(ApiJson.TIMESTAMP.format(instant));
        }
        var random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            var instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L), random.nextInt(1_000_000_000));
            assertThat(ServerJson.format(instant)).isEqualTo(ApiJson.TIMESTAMP.format(instant));
        }
    }

    @Test
    void responsesUseTheSameJsonAsTheContractMapper() throws Exception {
        var task = new dev.tododesktop.contract.tasks.Task(java.util.UUID.randomUUID(), "t", "d", true,
                Instant.parse("2026-11-24T04:10:00.123456Z"), dev.tododesktop.contract.tasks.Priority.HIGH, List.of("a", "B"),
                null, Instant.EPOCH, Instant.parse("2026-11-24T04:10:01Z"), 3);
        assertThat(new String(ServerJson.mapper().writeValueAsBytes(task), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(ApiJson.mapper().writeValueAsString(task));
    }
}
