package io.crmkit.moduletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What Maven Central asks of every published POM (name, description, URL, licence, developers, SCM,
 * either in the POM or inherited from the parent; the BOM, having no parent, holds its own), and
 * what a host must not inherit: no test or command-line library in a published library's compile or
 * runtime scope, database drivers only optional.
 */
class PublishedPomsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Libraries a host's production class path must never get from a crmkit library. */
    private static final Set<String> TEST_OR_CLI = Set.of("junit-jupiter", "junit-jupiter-api", "jqwik",
            "jqwik-engine", "assertj-core", "jazzer-junit", "picocli", "slf4j-simple", "HikariCP", "jmh-core");

    /** Libraries that are only optional in a library: the host picks its own. */
    private static final Set<String> HOST_CHOICES = Set.of("h2", "postgresql");

    @ParameterizedTest
    @ValueSource(strings = {"crm-bom", "crm-core", "crm-metrics", "crm-segmentation", "crm-jackson", "crm-quality",
            "crm-testkit", "crm-jdbc", "crm-spark", "crmkit-cli"})
    void publishedPomsCarryWhatCentralRequires(String module) throws Exception {
        Element pom = read(ROOT.resolve(module).resolve("pom.xml"));
        Element parent = module.equals("crm-bom") ? pom : read(ROOT.resolve("pom.xml"));
        assertThat(text(pom, "name")).as("%s name", module).isNotBlank();
        assertThat(text(pom, "description")).as("%s description", module).isNotBlank();
        for (String field : List.of("url", "licenses", "developers", "scm")) {
            String own = text(pom, field);
            assertThat(own.isBlank() ? text(parent, field) : own).as("%s %s", module, field).isNotBlank();
        }
        assertThat(Files.isRegularFile(ROOT.resolve("LICENSE"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"crm-core", "crm-metrics", "crm-segmentation", "crm-jackson", "crm-quality", "crm-jdbc",
            "crm-spark"})
    void librariesLeakNoTestOrCommandLineLibrary(String module) throws Exception {
        for (Element dependency : dependencies(read(ROOT.resolve(module).resolve("pom.xml")))) {
            String artifact = text(dependency, "artifactId");
            String scope = text(dependency, "scope");
            boolean production = scope.isBlank() || scope.equals("compile") || scope.equals("runtime");
            if (!production) {
                continue;
            }
            assertThat(TEST_OR_CLI).as("%s: %s in scope %s", module, artifact, scope).doesNotContain(artifact);
            assertThat(artifact).as("%s: crmkit-cli, crm-testkit or examples as a dependency", module)
                    .isNotIn("crmkit-cli", "crm-testkit", "crmkit-examples");
            if (HOST_CHOICES.contains(artifact)) {
                assertThat(text(dependency, "optional")).as("%s: driver %s must be optional", module, artifact)
                        .isEqualTo("true");
            }
        }
    }

    private static Element read(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(pom.toFile());
        return d.getDocumentElement();
    }

    /** The text of a direct child element, or "" when there is none. */
    private static String text(Element parent, String child) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }

    /** The project's own dependencies (not dependency management, not plugins' dependencies). */
    private static List<Element> dependencies(Element project) {
        List<Element> out = new ArrayList<>();
        for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("dependencies")) {
                NodeList list = e.getElementsByTagName("dependency");
                for (int i = 0; i < list.getLength(); i++) {
                    out.add((Element) list.item(i));
                }
            }
        }
        return out;
    }
}
