package io.crmkit.spark.local;

import io.crmkit.cli.CommandFailedException;
import io.crmkit.cli.CrmkitCli;
import io.crmkit.cli.output.ResultWriter;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar crmkit-spark-local.jar}: {@code summarize}, {@code rfm}, {@code kpi} and
 * {@code clv} of an order file through crm-spark on a local Spark session, with the options and the
 * output of {@code crmkit}. The file is read by the {@code crmkit} reader; the computation runs in
 * Spark.
 *
 * <p>Not thread-safe: one run per instance.
 */
@Command(name = "crmkit-spark-local", mixinStandardHelpOptions = true,
        header = "crmkit's summaries, RFM, KPIs and CLV computed by crm-spark on a local Spark session.",
        description = {"Each subcommand takes the options of the crmkit subcommand of the same name and prints the"
            + " same output, so that the Spark path can be checked against crmkit on a real file."},
        subcommands = {SparkSummarizeCommand.class, SparkRfmCommand.class, SparkKpiCommand.class,
            SparkClvCommand.class})
public final class SparkLocalCli implements Runnable {

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]", scope = CommandLine.ScopeType.INHERIT,
            description = "Spark master. Default: ${DEFAULT-VALUE}.")
    private String master;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "8", scope = CommandLine.ScopeType.INHERIT,
            description = "Partitions of the orders and of every shuffle. Default: ${DEFAULT-VALUE}.")
    private int partitions;

    private SparkSession spark;
    private boolean given;

    /**
     * Creates the command; picocli fills its options.
     */
    public SparkLocalCli() {
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "give a subcommand: summarize, rfm, kpi, clv");
    }

    /** The session of the run, started on first use. */
    SparkSession spark() {
        if (spark == null) {
            if (partitions < 1) {
                throw new CommandFailedException("--partitions must be at least 1: " + partitions);
            }
            spark = SparkSession.builder().master(master).appName("crmkit-spark-local")
                    .config("spark.sql.shuffle.partitions", Integer.toString(partitions))
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
        }
        return spark;
    }

    int partitions() {
        return partitions;
    }

    /** The {@code engine} definition: the master and the partitions of the run. */
    String engine() {
        return "crm-spark on " + spark().sparkContext().master() + ", " + partitions + " partitions";
    }

    /** Stops the session if one was started. */
    void stop() {
        if (spark != null && !given) {
            spark.stop();
            spark = null;
        }
    }

    /**
     * Runs the tool and exits with its exit code.
     *
     * @param args the command-line arguments, not null
     */
    public static void main(String... args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        // the bytes of stdout for --format xlsx, only when stdout is not a terminal (as crmkit does)
        OutputStream bytes = CrmkitCli.isTerminal(1) ? null
                : new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        ResultWriter.binaryOutput(bytes);
        int code;
        try {
            code = execute(out, err, args);
            if (bytes != null) {
                bytes.flush();
            }
        } catch (IOException e) {
            err.println("crmkit-spark-local: writing stdout failed: " + e.getMessage());
            err.flush();
            code = CrmkitCli.EXIT_FAILED;
        } finally {
            ResultWriter.resetBinaryOutput();
        }
        System.exit(code);
    }

    /**
     * Runs the tool in-process, stopping its Spark session at the end. {@code --format xlsx} writes
     * to the byte stream given to {@link ResultWriter#binaryOutput} on this thread ({@link #main}
     * gives stdout's) and is refused without one.
     *
     * @param out standard output, not null
     * @param err standard error, not null
     * @param args the command-line arguments, not null
     * @return the exit code
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(out, err, null, args);
    }

    /**
     * Runs the tool in-process in a session the caller owns and stops (then {@code --master} does
     * not apply), or in its own session when {@code session} is null.
     *
     * @param out standard output, not null
     * @param err standard error, not null
     * @param session the session to run in, or null
     * @param args the command-line arguments, not null
     * @return the exit code
     */
    public static int execute(PrintWriter out, PrintWriter err, SparkSession session, String... args) {
        SparkLocalCli root = new SparkLocalCli();
        root.spark = session;
        root.given = session != null;
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, command, parseResult) -> {
            PrintWriter stderr = command.getErr();
            String name = command.getCommandSpec().qualifiedName();
            String message = describe(e);
            if (message != null) {
                stderr.println(name + ": " + message);
            } else {
                stderr.println(name + ": internal error (please report it with this trace): " + e);
                e.printStackTrace(stderr);
            }
            stderr.flush();
            return CrmkitCli.EXIT_FAILED;
        });
        try {
            return cl.execute(args);
        } finally {
            root.stop();
            out.flush();
            err.flush();
        }
    }

    private static String describe(Exception e) {
        if (e instanceof CommandFailedException) {
            return e.getMessage();
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return "input or output failed: " + e.getMessage();
        }
        if (e instanceof ArithmeticException || e instanceof IllegalArgumentException) {
            return "computation failed: " + e.getMessage();
        }
        if (e.getClass().getName().startsWith("io.crmkit.")) {
            return e.getMessage();
        }
        return null;
    }
}
