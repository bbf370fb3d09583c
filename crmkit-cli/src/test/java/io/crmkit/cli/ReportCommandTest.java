package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.order.Order;
import io.crmkit.cli.report.HtmlReport;
import io.crmkit.testkit.simulation.CustomerBaseSimulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** {@code crmkit report}: the page's structure, self-containment, masking and hand-worked figures. */
class ReportCommandTest {

    private static final long TWO_MIB = 2L * 1024 * 1024;

    @TempDir
    Path dir;

    /** Simulated customers acquired over 2024, observed to the end of 2025; ids made e-mail-like when asked. */
    private Path simulated(int customers, boolean emailIds) throws IOException {
        CustomerBaseSimulator sim = CustomerBaseSimulator.builder().customers(customers)
                .acquisition(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"))
                .observationEnd(Instant.parse("2026-01-01T00:00:00Z")).seed(20L).build();
        List<String> lines = new ArrayList<>();
        lines.add("customer_id,timestamp,amount");
        for (Order o : sim.ordersByTime()) {
            String id = o.customerId().value();
            lines.add((emailIds ? "person." + id.toLowerCase() + "@example.com" : id) + "," + o.placedAt() + ","
                    + o.netRevenue().amount().toPlainString());
        }
        return Cli.write(dir, "orders.csv", String.join("\n", lines) + "\n");
    }

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesOneWellFormedPageWithEveryChartSectionItsCaptionAndNothingToFetch() throws Exception {
        Path orders = simulated(600, false);
        Path out = dir.resolve("report.html");

        Cli.Run run = Cli.run("report", "--input", orders.toString(), "--as-of", "2025-12-31", "--output",
                out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("crmkit report: wrote " + out + " (", " bytes, 11 charts)");
        String html = Files.readString(out);
        assertThat(Files.size(out)).isLessThan(TWO_MIB);
        Document doc = parse(html);
        XPath x = XPathFactory.newInstance().newXPath();
        for (String id : HtmlReport.SECTIONS) {
            Element section = (Element) x.evaluate("//section[@id='" + id + "']", doc, XPathConstants.NODE);
            assertThat(section).as(id).isNotNull();
            assertThat(section.getAttribute("class")).isEqualTo("chart");
            Element svg = (Element) x.evaluate(".//svg", section, XPathConstants.NODE);
            assertThat(svg).as(id + " svg").isNotNull();
            assertThat(Integer.parseInt(svg.getAttribute("width"))).as(id).isPositive();
            assertThat(Integer.parseInt(svg.getAttribute("height"))).as(id).isPositive();
            assertThat(((NodeList) x.evaluate(".//rect|.//path|.//circle", svg, XPathConstants.NODESET)).getLength())
                    .as(id + " shapes").isPositive();
            assertThat(x.evaluate("string(.//figcaption)", section)).as(id + " caption").hasSizeGreaterThan(40);
            // on this data every analytic is computed: no "not available" panel
            assertThat(x.evaluate("string(.//svg)", section)).as(id).doesNotContain("not available");
        }
        assertNothingToFetch(doc, html);
    }

    /** No script, no src, every href an in-page anchor, no URL anywhere, and a CSP that forbids loading. */
    static void assertNothingToFetch(Document doc, String html) throws Exception {
        XPath x = XPathFactory.newInstance().newXPath();
        assertThat(((NodeList) x.evaluate("//script|//img|//link|//iframe|//object|//embed|//image|//use|//style[@src]",
                doc, XPathConstants.NODESET)).getLength()).isZero();
        NodeList all = (NodeList) x.evaluate("//*", doc, XPathConstants.NODESET);
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attributes = all.item(i).getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Node attr = attributes.item(a);
                assertThat(attr.getNodeName()).isNotIn("src", "srcset", "xlink:href", "action", "poster", "data");
                if (attr.getNodeName().equals("href")) {
                    assertThat(attr.getNodeValue()).startsWith("#");
                }
            }
        }
        assertThat(html).doesNotContainPattern(Pattern.compile("(?i)https?:|ftp:|//[a-z0-9]|url\\(|@import"));
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'\"/>");
    }

    @Test
    void casesAndSurveysAddTheirSections() throws Exception {
        Path orders = simulated(300, false);
        Path cases = Cli.write(dir, "cases.csv", "case_id,customer_id,type,status,opened_at,first_response_at,"
                + "resolved_at,first_response_target_hours,resolution_target_hours\n"
                + "k1,C0000001,complaint,resolved,2025-03-02T09:00:00Z,2025-03-02T10:00:00Z,2025-03-03T09:00:00Z,4,48\n"
                + "k2,C0000002,question,open,2025-04-02T09:00:00Z,,,4,48\n"
                + "k3,C0000003,question,open,2025-04-02T09:00:00Z,,,oops,48\n");
        Path surveys = Cli.write(dir, "surveys.csv", "response_id,customer_id,responded_at,scale,score\n"
                + "r1,C0000001,2025-03-05,nps,10\nr2,C0000002,2025-03-06,nps,3\nr3,C0000003,2025-04-07,csat,5\n");
        Path out = dir.resolve("engagement.html");

        Cli.Run run = Cli.run("report", "--input", orders.toString(), "--as-of", "2025-12-31", "--output",
                out.toString(), "--cases", cases.toString(), "--surveys", surveys.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("cases.csv line 4: first_response_target_hours must be a number of hours:"
                + " 'oops'", " bytes, 13 charts)");
        String html = Files.readString(out);
        Document doc = parse(html);
        XPath x = XPathFactory.newInstance().newXPath();
        assertThat(x.evaluate("string(//section[@id='overview'])", doc)).contains(
                "cases: 3 rows read, 1 rejected; surveys: 3 rows read, 0 rejected");
        String service = x.evaluate("string(//section[@id='service-sla'])", doc);
        // March: k1 responded in 1 h of 4 (met), resolved in 24 h of 48 (met); April: k2 overdue on both
        assertThat(service).contains("first-response SLA compliance, 2025-03: 100.0 %",
                "first-response SLA compliance, 2025-04: 0.0 %", "Compliance = met / (met + breached)");
        String surveySection = x.evaluate("string(//section[@id='surveys'])", doc);
        // March: one promoter and one detractor: NPS 0; April: one CSAT 5: top-2 share 100 %
        assertThat(surveySection).contains("NPS (-100 to 100), 2025-03: 0", "CSAT top-2 share (%), 2025-04: 100",
                "NPS = % promoters");
        assertNothingToFetch(doc, html);
    }

    @Test
    void handWorkedFigures() throws Exception {
        // C1 buys 10.00 once; C2 buys 10.00 and 20.00: 3 orders, revenue 40.00; Gini of (10, 30) =
        // 2 (1 x 10 + 2 x 30) / (2 x 40) - 3 / 2 = 0.25
        Path orders = Cli.write(dir, "orders.csv", "customer_id,timestamp,amount\n"
                + "C1,2025-01-05,10.00\nC2,2025-01-10,10.00\nC2,2025-02-20,20.00\nC2,2025-04-02,99.00\n");
        Path out = dir.resolve("hand.html");

        Cli.Run run = Cli.run("report", "--input", orders.toString(), "--as-of", "2025-03-31", "--output",
                out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String html = Files.readString(out);
        Document doc = parse(html);
        XPath x = XPathFactory.newInstance().newXPath();
        assertThat(x.evaluate("string(//section[@id='overview'])", doc)).contains("orders counted3 (",
                "orders after the as-of date (left out)1", "customers with a purchase2", "revenueUSD 40.00");
        assertThat(x.evaluate("string(//section[@id='lorenz']//figcaption)", doc)).contains("Gini = 0.250");
        assertThat(x.evaluate("string(//section[@id='kpi-revenue']//svg)", doc))
                .contains("revenue (USD), 2025-01*: 20.00", "revenue (USD), 2025-02: 20.00",
                        "revenue (USD), 2025-03: 0.00");
        // the first month starts on the 1st, before the first order on the 5th: flagged
        assertThat(x.evaluate("string(//section[@id='kpi-revenue']//svg)", doc)).contains("2025-01*");
        assertThat(x.evaluate("string(//section[@id='kpi-revenue']//figcaption)", doc))
                .contains("Months marked * are only partly observed (the first starts before the first order)");
        // two customers are too few for the models: the sections still render, saying why
        for (String id : HtmlReport.SECTIONS) {
            assertThat(x.evaluate("count(//section[@id='" + id + "']//svg)", doc)).as(id).isEqualTo("1");
        }
        assertNothingToFetch(doc, html);
    }

    @Test
    void masksContactDataIdentifiersAndNames() throws Exception {
        Path orders = simulated(400, true);
        StringBuilder customers = new StringBuilder("customer_id,name\n");
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(orders).subList(1, 401)) {
            ids.add(line.substring(0, line.indexOf(',')));
        }
        for (String id : ids) {
            customers.append(id).append(",Secret Person ").append(id.hashCode() & 0xffff).append('\n');
        }
        Path names = Cli.write(dir, "customers.csv", customers.toString());
        Path out = dir.resolve("masked.html");

        Cli.Run run = Cli.run("report", "--input", orders.toString(), "--as-of", "2025-12-31", "--output",
                out.toString(), "--customers", names.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String html = Files.readString(out);
        assertThat(html).doesNotContain("@example.com", "Secret Person", "person.");
        Document doc = parse(html);
        XPath x = XPathFactory.newInstance().newXPath();
        String top = x.evaluate("string(//section[@id='clv']//table)", doc);
        assertThat(top).contains("p***", "S***");
        assertThat(run.err()).doesNotContain("@example.com", "Secret Person");
    }

    @Test
    void aMissingOutputIsAUsageErrorAndAMissingDirectoryAFailure() throws IOException {
        Path orders = Cli.write(dir, "orders.csv", "customer_id,timestamp,amount\nC1,2025-01-05,10.00\n");

        Cli.Run usage = Cli.run("report", "--input", orders.toString(), "--as-of", "2025-03-31");
        Cli.Run noDir = Cli.run("report", "--input", orders.toString(), "--as-of", "2025-03-31", "--output",
                dir.resolve("no/such/dir/r.html").toString());

        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("--output");
        assertThat(noDir.exitCode()).isEqualTo(1);
        assertThat(noDir.err()).contains("the directory does not exist");
        assertThat(dir.resolve("no")).doesNotExist();
    }
}
