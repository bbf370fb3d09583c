package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crmkit gen-manpage}: picocli's man page sources (AsciiDoc), one per command, from the commands' own help. */
class ManPageTest {

    @TempDir
    Path dir;

    @Test
    void writesAManPageForEveryCommandFromItsOwnHelp() throws IOException {
        Cli.Run run = Cli.run("gen-manpage", "--outdir", dir.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        for (String command : java.util.List.of("crmkit", "crmkit-rfm", "crmkit-kpi", "crmkit-report",
                "crmkit-churn-risk")) {
            Path page = dir.resolve(command + ".adoc");
            assertThat(page).as(command).exists();
            String text = Files.readString(page, StandardCharsets.UTF_8);
            assertThat(text).contains(":doctype: manpage", "== Name", "== Synopsis", "== Options");
        }
        String rfm = Files.readString(dir.resolve("crmkit-rfm.adoc"), StandardCharsets.UTF_8);
        assertThat(rfm).contains("--binning").contains("--as-of");
    }
}
