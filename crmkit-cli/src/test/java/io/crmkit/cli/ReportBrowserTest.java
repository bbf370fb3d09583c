package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.crmkit.cli.report.EngagementSections;
import io.crmkit.cli.report.HtmlReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code crmkit report} on the CDNOW sample, rendered by headless Chromium (Debian's package,
 * installed by {@code .ci/run}): every chart section has an SVG drawn at a non-zero size with
 * shapes in it, the page loads no resource, the browser logs no console message (a CSP violation, a
 * script error or a failed load would each log one), and a screenshot of the whole page is kept at
 * {@code target/report-browser/cdnow-report.png}. Made-up service cases and survey responses of some
 * CDNOW customers add the service and survey sections, so that they are rendered too.
 *
 * <p>How: a copy of the page with a probe script added (and the CSP widened only to run that inline
 * script) is loaded with {@code --dump-dom}; the probe writes each section's SVG size and shape
 * count, the number of resources the page loaded and the page height into a {@code <pre>}, and logs
 * one console line of its own, which proves that console messages are captured. The unmodified
 * page is then loaded for the screenshot, with console logging on: there must be none.
 *
 * <p>Skipped, with a message, only when {@code /usr/bin/chromium} is absent or the CDNOW data is.
 */
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CDNOW = CdnowSummarizeTest.sharedData().resolve("cdnow").resolve("CDNOW_sample.txt");
    private static final Path OUT = Path.of("target", "report-browser").toAbsolutePath();
    private static final String PROBE_DONE = "crmkit-probe done";

    private static final String PROBE = "<script>window.addEventListener('load', function () {"
            + " var out = [];"
            + " document.querySelectorAll('section.chart').forEach(function (s) {"
            + "  var svg = s.querySelector('svg'); var r = svg ? svg.getBoundingClientRect() : null;"
            + "  out.push(s.id + ' ' + (r ? Math.round(r.width) + ' ' + Math.round(r.height) : '0 0') + ' '"
            + "   + (svg ? svg.querySelectorAll('rect,path,circle,line').length : 0)); });"
            + " out.push('resources ' + performance.getEntriesByType('resource').length);"
            + " out.push('height ' + document.documentElement.scrollHeight);"
            + " var p = document.createElement('pre'); p.id = 'crmkit-probe'; p.textContent = out.join('\\n');"
            + " document.body.appendChild(p); console.log('" + PROBE_DONE + "'); });</script>";

    @Test
    void rendersEveryChartOfTheCdnowReportWithoutAConsoleMessageAndKeepsAScreenshot() throws Exception {
        assumeThat(Files.isExecutable(CHROMIUM)).as("headless Chromium at %s: absent, so the browser test is skipped"
                + " (.ci/run installs Debian's chromium)", CHROMIUM).isTrue();
        assumeThat(Files.isRegularFile(CDNOW)).as("CDNOW data at %s (../shared/data absent: skipped)", CDNOW).isTrue();
        Files.createDirectories(OUT);
        Path report = OUT.resolve("cdnow-report.html");
        Cli.Run run = Cli.run("report", "--input", convertCdnow().toString(), "--as-of", "1998-06-30", "--output",
                report.toString(), "--cases", cases().toString(), "--surveys", surveys().toString(), "--strict");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.size(report)).isLessThan(2L * 1024 * 1024);
        String html = Files.readString(report);
        ReportCommandTest.assertNothingToFetch(ReportCommandTest.parse(html), html);

        Path probe = OUT.resolve("cdnow-report-probe.html");
        String widened = html.replace("content=\"default-src 'none'; style-src 'unsafe-inline'\"",
                "content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\"");
        assertThat(widened).isNotEqualTo(html);
        Files.writeString(probe, widened.replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);
        Browser dump = chromium("probe", "--dump-dom", probe.toUri().toString());
        assertThat(dump.exitCode).as(dump.stderr).isZero();
        Map<String, String> measured = probeLines(dump.stdout);
        List<String> sections = new ArrayList<>(HtmlReport.SECTIONS);
        sections.addAll(List.of(EngagementSections.SERVICE, EngagementSections.SURVEYS));
        for (String id : sections) {
            assertThat(measured).as("section " + id + " in the rendered DOM").containsKey(id);
            String[] f = measured.get(id).split(" ");
            assertThat(Integer.parseInt(f[0])).as(id + " width").isGreaterThan(100);
            assertThat(Integer.parseInt(f[1])).as(id + " height").isGreaterThan(40);
            assertThat(Integer.parseInt(f[2])).as(id + " shapes").isGreaterThan(3);
        }
        assertThat(measured.get("resources")).isEqualTo("0");
        assertThat(consoleLines(dump.stderr)).as(dump.stderr).singleElement().asString().contains(PROBE_DONE);

        int height = Math.min(16_000, Integer.parseInt(measured.get("height")) + 20);
        Path screenshot = OUT.resolve("cdnow-report.png");
        Files.deleteIfExists(screenshot);
        Browser shot = chromium("screenshot", "--window-size=1280," + height, "--screenshot=" + screenshot,
                report.toUri().toString());
        assertThat(shot.exitCode).as(shot.stderr).isZero();
        assertThat(consoleLines(shot.stderr)).as(shot.stderr).isEmpty();
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(50_000);
        byte[] png = Files.readAllBytes(screenshot);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    /** Made-up service cases of 300 CDNOW customers over 1997 and 1998 (the sample has none). */
    private static Path cases() throws IOException {
        StringBuilder csv = new StringBuilder("case_id,customer_id,type,status,opened_at,first_response_at,resolved_at,"
                + "first_response_target_hours,resolution_target_hours\n");
        for (int i = 1; i <= 300; i++) {
            java.time.Instant opened = java.time.LocalDate.of(1997, 1, 1).plusDays(Math.min(540, i * 9L / 5))
                    .atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
            csv.append("k").append(i).append(',').append(i).append(',').append(i % 4 == 0 ? "complaint" : "question")
                    .append(",resolved,").append(opened).append(',').append(opened.plusSeconds(3600L * (i % 9)))
                    .append(',').append(opened.plusSeconds(3600L * 12 * (1 + i % 5))).append(",4,48\n");
        }
        return Files.writeString(OUT.resolve("cases.csv"), csv.toString(), StandardCharsets.UTF_8);
    }

    /** Made-up survey responses of 400 CDNOW customers. */
    private static Path surveys() throws IOException {
        StringBuilder csv = new StringBuilder("response_id,customer_id,responded_at,scale,score\n");
        for (int i = 1; i <= 400; i++) {
            String day = java.time.LocalDate.of(1997, 1, 15).plusMonths(i % 18).toString();
            csv.append('r').append(i).append(',').append(i).append(',').append(day).append(',')
                    .append(i % 3 == 0 ? "csat," + (1 + i % 5) : "nps," + (i % 11)).append('\n');
        }
        return Files.writeString(OUT.resolve("surveys.csv"), csv.toString(), StandardCharsets.UTF_8);
    }

    /** The CDNOW sample (whitespace-separated, no header) in the crmkit CSV convention. */
    private static Path convertCdnow() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,timestamp,amount\n");
        for (String line : Files.readAllLines(CDNOW)) {
            String[] f = line.trim().split("\\s+");
            String day = f[2].substring(0, 4) + "-" + f[2].substring(4, 6) + "-" + f[2].substring(6, 8);
            csv.append(Integer.parseInt(f[1])).append(',').append(day).append(',').append(f[4]).append('\n');
        }
        return Files.writeString(OUT.resolve("cdnow.csv"), csv.toString(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> probeLines(String dom) {
        int start = dom.indexOf("<pre id=\"crmkit-probe\">");
        assertThat(start).as("the probe's output in the dumped DOM:\n" + dom.substring(0, Math.min(2000,
                dom.length()))).isNotNegative();
        String text = dom.substring(start + "<pre id=\"crmkit-probe\">".length(), dom.indexOf("</pre>", start));
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            lines.put(line.substring(0, space), line.substring(space + 1));
        }
        return lines;
    }

    /** The lines Chromium logs for the page's console (messages, script errors, CSP violations). */
    private static List<String> consoleLines(String stderr) {
        return stderr.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")
                || l.contains("Content Security Policy")).toList();
    }

    private record Browser(int exitCode, String stdout, String stderr) {
    }

    /** Runs headless Chromium with the machine's flags and a fresh profile; at most two minutes. */
    private static Browser chromium(String name, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(OUT, "profile-" + name + "-");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--enable-logging=stderr", "--v=0", "--hide-scrollbars"));
        command.addAll(List.of(args));
        Path stdout = OUT.resolve(name + ".stdout");
        Path stderr = OUT.resolve(name + ".stderr");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("chromium (" + name + ") did not finish within 120 s");
        }
        deleteTree(profile);
        return new Browser(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
