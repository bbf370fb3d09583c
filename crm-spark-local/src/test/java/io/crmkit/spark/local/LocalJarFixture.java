package io.crmkit.spark.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.cli.CrmkitCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the local jar's tests share: one local Spark session for the test JVM (started on first use;
 * Spark's shutdown hook stops it), the CDNOW sample as a crmkit order file, and runs of
 * {@code crmkit} and of the local jar in-process with captured output.
 */
final class LocalJarFixture {

    /** Partitions of every local-jar run in the tests (the session has two cores). */
    static final int PARTITIONS = 3;

    private static SparkSession session;

    private LocalJarFixture() {
    }

    record Run(int code, String out, String err) {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("crm-spark-local-test")
                    .config("spark.sql.shuffle.partitions", Integer.toString(PARTITIONS))
                    .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
        }
        return session;
    }

    /** The CDNOW sample as {@code customer_id,timestamp,amount}, or null when the shared data is absent. */
    static Path cdnow(Path dir) throws IOException {
        Path sample = Path.of(System.getProperty("crmkit.shared.data", "../../shared/data"), "cdnow",
                "CDNOW_sample.txt");
        if (!Files.exists(sample)) {
            return null;
        }
        List<String> csv = new ArrayList<>(List.of("customer_id,timestamp,amount"));
        for (String row : Files.readAllLines(sample)) {
            String[] f = row.trim().split("\\s+");
            csv.add(Integer.parseInt(f[1]) + "," + LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE) + ","
                    + f[4]);
        }
        return Files.write(dir.resolve("cdnow.csv"), csv, StandardCharsets.UTF_8);
    }

    static Run crmkit(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CrmkitCli.execute(new PrintWriter(out), new PrintWriter(err), false, args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "--partitions=" + PARTITIONS;
        System.arraycopy(args, 0, all, 1, args.length);
        int code = SparkLocalCli.execute(new PrintWriter(out), new PrintWriter(err), session(), all);
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs both tools with the same arguments; both succeed and print the same stdout, of at least {@code lines} lines. */
    static Run assertSameOutput(int lines, String... args) {
        Run expected = crmkit(args);
        assertThat(expected.code()).as(expected.err()).isZero();
        Run actual = spark(args);
        assertThat(actual.code()).as(actual.err()).isZero();
        assertThat(actual.out()).isEqualTo(expected.out());
        assertThat(actual.out().lines().count()).isGreaterThanOrEqualTo(lines);
        return actual;
    }

    /**
     * The options of a subcommand (path of names) of crmkit and of the local jar are the same, in the
     * form of {@link #options}; and every option that crmkit's subcommand takes from a crmkit-cli
     * mixin (a field of a class other than the command's) the local jar takes from the same
     * declaration, so that help and validation cannot drift apart.
     */
    static void assertSameOptions(String... path) {
        CommandLine crmkit = CrmkitCli.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false);
        CommandLine local = new CommandLine(new SparkLocalCli());
        for (String name : path) {
            crmkit = crmkit.getSubcommands().get(name);
            local = local.getSubcommands().get(name);
        }
        assertThat(options(local)).isEqualTo(options(crmkit)).isNotEmpty();
        Map<String, Field> localFields = new TreeMap<>();
        for (OptionSpec o : local.getCommandSpec().options()) {
            localFields.put(o.longestName(), field(o));
        }
        Class<?> command = crmkit.getCommandSpec().userObject().getClass();
        List<String> mixedIn = new ArrayList<>();
        for (OptionSpec o : crmkit.getCommandSpec().options()) {
            Field f = field(o);
            if (!o.inherited() && f.getDeclaringClass().getPackageName().startsWith("io.crmkit.")
                    && !f.getDeclaringClass().isAssignableFrom(command)) {
                mixedIn.add(o.longestName());
                assertThat(localFields.get(o.longestName())).as(o.longestName() + " of " + String.join(" ", path))
                        .isEqualTo(f);
            }
        }
        assertThat(mixedIn).as("options from crmkit-cli mixins").isNotEmpty();
    }

    /** The options that the local jar's subcommand (path of names) declares itself, in its own package, by longest name. */
    static Set<String> ownOptions(String... path) {
        CommandLine local = new CommandLine(new SparkLocalCli());
        for (String name : path) {
            local = local.getSubcommands().get(name);
        }
        return local.getCommandSpec().options().stream().filter(o -> !o.inherited())
                .filter(o -> field(o).getDeclaringClass().getPackageName().equals(LocalJarFixture.class.getPackageName()))
                .map(OptionSpec::longestName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Each option's names, arity, default, required flag, label, type, split and converters; without the local jar's inherited --master and --partitions. */
    private static Set<String> options(CommandLine cl) {
        return cl.getCommandSpec().options().stream().filter(o -> !o.inherited())
                .map(LocalJarFixture::describe).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String describe(OptionSpec o) {
        return String.join("|", o.names()) + " arity " + o.arity() + " default " + o.defaultValue() + " required "
                + o.required() + " label " + o.paramLabel() + " type " + o.type().getName() + " split "
                + o.splitRegex() + " converters " + Arrays.stream(o.converters()).map(c -> c.getClass().getName())
                    .toList();
    }

    /** The field an option is declared by (every option of both tools is an annotated field). */
    private static Field field(OptionSpec o) {
        assertThat(o.userObject()).as(o.longestName()).isInstanceOf(Field.class);
        return (Field) o.userObject();
    }
}
