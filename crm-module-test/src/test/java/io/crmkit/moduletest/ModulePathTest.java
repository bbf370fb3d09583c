package io.crmkit.moduletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crmkit as a host on the module path sees it: every published jar has a real module descriptor
 * that exports its API and no internal package; a consumer module that requires all of them
 * compiles and runs (services found, resources read inside modules); a module reaching for an
 * internal package does not compile.
 */
class ModulePathTest {

    /** The published modules, by module name. */
    private static final Set<String> PUBLISHED = Set.of("io.crmkit.core", "io.crmkit.metrics",
            "io.crmkit.segmentation", "io.crmkit.jackson", "io.crmkit.quality", "io.crmkit.testkit",
            "io.crmkit.jdbc");

    private static List<Path> modulePath;

    @TempDir
    static Path work;

    @BeforeAll
    static void modulePath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        modulePath = Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .map(Path::of)
                .filter(p -> !p.endsWith("test-classes"))
                .filter(p -> !p.getFileName().toString().startsWith("surefire"))
                .filter(Files::exists)
                .toList();
    }

    @Test
    void everyPublishedModuleHasADescriptorExportingNoInternalPackage() {
        Map<String, ModuleDescriptor> crmkit = new TreeMap<>();
        for (ModuleReference ref : ModuleFinder.of(modulePath.toArray(Path[]::new)).findAll()) {
            ModuleDescriptor d = ref.descriptor();
            if (d.name().startsWith("io.crmkit")) {
                crmkit.put(d.name(), d);
            }
        }
        assertThat(crmkit.keySet()).containsAll(PUBLISHED);
        for (String name : PUBLISHED) {
            ModuleDescriptor d = crmkit.get(name);
            assertThat(d.isAutomatic()).as("%s is a real module, not an automatic one", name).isFalse();
            assertThat(d.exports()).as("%s exports something", name).isNotEmpty();
            for (ModuleDescriptor.Exports e : d.exports()) {
                if (e.source().contains(".internal")) {
                    assertThat(e.isQualified()).as("%s exports %s only to crmkit modules", name, e.source()).isTrue();
                    assertThat(e.targets()).allMatch(t -> t.startsWith("io.crmkit."));
                }
            }
        }
        assertThat(crmkit.get("io.crmkit.jackson").provides())
                .anyMatch(p -> p.service().equals("com.fasterxml.jackson.databind.Module"));
        assertThat(crmkit.get("io.crmkit.testkit").provides())
                .anyMatch(p -> p.service().equals("net.jqwik.api.providers.ArbitraryProvider"));
    }

    @Test
    void aConsumerModuleCompilesAndRunsAgainstEveryPublishedModule() throws Exception {
        Path out = work.resolve("consumer-classes");
        Compilation c = compile("consumer", List.of("module-info.java", "consumer/Main.java"), out);
        assertThat(c.exitCode).as("javac: %s", c.output).isZero();

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--module-path");
        command.add(pathOf(modulePath) + java.io.File.pathSeparator + out);
        command.add("--add-modules");
        command.add("com.h2database");
        command.add("-m");
        command.add("consumer/consumer.Main");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("consumer output:%n%s", output).isZero();
        assertThat(output.lines().filter(l -> !l.startsWith("SLF4J")).collect(Collectors.toList()))
                .containsExactly("jackson true", "rfm 10", "irr 1", "email true", "jdbc 3 0", "testkit true");
    }

    @Test
    void internalPackagesAreNotVisibleToOtherModules() throws IOException {
        Compilation c = compile("intruder", List.of("module-info.java", "intruder/Intruder.java"),
                work.resolve("intruder-classes"));
        assertThat(c.exitCode).isNotZero();
        assertThat(c.output)
                .contains("package io.crmkit.core.internal is declared in module io.crmkit.core, which does not export it")
                .contains("package io.crmkit.metrics.internal is declared in module io.crmkit.metrics, which does not export it");
    }

    private record Compilation(int exitCode, String output) {
    }

    /** Copies a source tree of the test resources to the work folder and compiles it as one module. */
    private static Compilation compile(String module, List<String> files, Path out) throws IOException {
        Path src = work.resolve(module + "-src");
        // an empty class path: javac in this JVM would otherwise default to the tests' own class path
        Path emptyClassPath = Files.createDirectories(work.resolve("empty"));
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--module-path", pathOf(modulePath),
                "--class-path", emptyClassPath.toString(), "-Xlint:all", "-Werror", "-implicit:none"));
        for (String f : files) {
            Path target = src.resolve(f);
            Files.createDirectories(target.getParent());
            try (InputStream in = ModulePathTest.class.getResourceAsStream("/" + module + "/" + f)) {
                if (in == null) {
                    throw new UncheckedIOException(new IOException("test resource /" + module + "/" + f + " missing"));
                }
                Files.copy(in, target);
            }
            args.add(target.toString());
        }
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int code;
        try (PrintWriter w = new PrintWriter(text, true, StandardCharsets.UTF_8)) {
            code = javac.run(w, w, args.toArray(String[]::new));
        }
        return new Compilation(code, text.toString(StandardCharsets.UTF_8));
    }

    private static String pathOf(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }
}
