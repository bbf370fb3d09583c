package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Coverage-guided fuzzing (Jazzer) of the side-file readers that the order-file fuzzing does not
 * reach: service cases, survey responses, loyalty points events, memberships, referrals and the
 * customers CSV. The last byte chooses the reader, the rest is the file. In a normal build the
 * inputs kept under {@code SideFileFuzzTestInputs/sideFiles} run as regression tests; with
 * {@code JAZZER_FUZZ=1} (the {@code fuzz} profile, {@code bin/fuzz}) it fuzzes.
 *
 * <p>The only exception that may escape is {@link CommandFailedException} (a file that cannot be read
 * at all: empty, no header, a required column missing); every data row is accounted for: read = kept
 * + rejected, and each rejection reported once, with a positive line number and a reason.
 */
class SideFileFuzzTest {

    /** One of the readers, as the commands call them. */
    @FunctionalInterface
    private interface Reader {
        long[] read(Path file, BiConsumer<Long, String> rejected, Consumer<String> warning) throws IOException;
    }

    private static final List<Reader> READERS = List.of(
            (f, r, w) -> counts(ServiceFiles.readCases(f, ZoneOffset.UTC, r, w)),
            (f, r, w) -> counts(ServiceFiles.readSurveys(f, ZoneOffset.UTC, r, w)),
            (f, r, w) -> counts(LoyaltyFiles.readPoints(f, ZoneOffset.UTC, r, w)),
            (f, r, w) -> counts(LoyaltyFiles.readMemberships(f, ZoneOffset.UTC, r, w)),
            (f, r, w) -> counts(LoyaltyFiles.readReferrals(f, ZoneOffset.UTC, r, w)),
            (f, r, w) -> {
                CustomerFile.Rows rows = CustomerFile.read(f, r, w);
                return new long[] {rows.records().size(), rows.rejected(), rows.read()};
            });

    private static long[] counts(LoyaltyFiles.Rows<?> rows) {
        return new long[] {rows.values().size(), rows.rejected(), rows.read()};
    }

    @FuzzTest(maxDuration = "15s")
    void sideFiles(FuzzedDataProvider data) throws IOException {
        Reader reader = READERS.get(data.consumeInt(0, READERS.size() - 1));
        byte[] bytes = data.consumeRemainingAsBytes();
        Path file = Files.createTempFile("side-fuzz", ".csv");
        try {
            Files.write(file, bytes);
            List<Long> lines = new ArrayList<>();
            long[] counts;
            try {
                counts = reader.read(file, (line, reason) -> {
                    assertThat(line).isPositive();
                    assertThat(reason).isNotBlank();
                    lines.add(line);
                }, warning -> assertThat(warning).isNotBlank());
            } catch (CommandFailedException e) {
                assertThat(e.getMessage()).isNotBlank();
                return;
            }
            long kept = counts[0];
            long rejected = counts[1];
            long read = counts[2];
            assertThat(rejected).isEqualTo(lines.size());
            assertThat(kept + rejected).isEqualTo(read);
            assertThat(lines).doesNotHaveDuplicates().isSorted();
        } finally {
            Files.delete(file);
        }
    }
}
