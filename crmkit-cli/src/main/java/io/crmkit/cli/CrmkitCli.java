package io.crmkit.cli;

import io.crmkit.cli.orders.InvalidInputException;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code crmkit} command-line tool: runs the crmkit library on order files and on simulated
 * demo data.
 *
 * <p>Conventions shared by every subcommand (see {@link CrmkitCommand}): results alone on stdout;
 * definitions, warnings, rejected rows ({@code line N: reason}) and progress on stderr; exit codes
 * {@link #EXIT_OK} (0), {@link #EXIT_FAILED} (1: bad input under {@code --strict}, or a failed
 * computation, with a message on stderr) and {@link #EXIT_USAGE} (2: usage error). Stdout and stderr
 * are UTF-8. A usage error prints one line naming the problem and a hint to {@code --help}, not the
 * whole help.
 *
 * <p>To add a subcommand: extend {@link CrmkitCommand}, reuse {@link OrderInputOptions} to read
 * orders and {@link io.crmkit.cli.output.ResultWriter} to print, and list the class in
 * {@link #COMMANDS}.
 */
@Command(name = "crmkit", mixinStandardHelpOptions = true, versionProvider = CrmkitCli.Version.class,
        description = "Customer analytics from order files: purchase histories, RFM segments, KPIs, cohorts,"
            + " lifetime value, and the financial evaluation of cash flows.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success",
            "1:bad input under --strict, or a failed computation (message on stderr)",
            "2:usage error"})
public final class CrmkitCli implements Runnable {

    /**
     * The analytic subcommands, in the order the help lists them. A run naming one of them first
     * (as in {@code crmkit rfm ...}) builds only its command model: picocli reads every option
     * annotation of every command it is given, about 0.2 s of each start for all of them.
     */
    private static final List<Class<?>> COMMANDS = List.of(SummarizeCommand.class, LoadCommand.class,
            RfmCommand.class, KpiCommand.class, CohortsCommand.class, ClvCommand.class, LifecycleCommand.class,
            ChurnRiskCommand.class, DueCommand.class, FinanceCommand.class, LoyaltyCommand.class,
            ReceivablesCommand.class, CollectionsCommand.class, DuplicatesCommand.class, QualityCommand.class,
            DemoCommand.class, ReportCommand.class, ServiceCommand.class, SurveysCommand.class);

    /**
     * Subcommands about the tool itself (shell completion, manual pages, help): they need every
     * command, so any other first argument builds them all.
     */
    private static final List<Class<?>> TOOL_COMMANDS = List.of(picocli.AutoComplete.GenerateCompletion.class,
            picocli.codegen.docgen.manpage.ManPageGenerator.class, CommandLine.HelpCommand.class);

    /** Exit code of a successful run. */
    public static final int EXIT_OK = 0;
    /** Exit code of bad input under {@code --strict}, or of a failed computation. */
    public static final int EXIT_FAILED = 1;
    /** Exit code of a usage error (unknown option, bad option value, missing subcommand). */
    public static final int EXIT_USAGE = 2;

    @Spec
    private CommandSpec spec;

    @picocli.CommandLine.Option(names = "--precision", scope = picocli.CommandLine.ScopeType.INHERIT,
            paramLabel = "natural|full", defaultValue = "natural",
            description = "Digits of CSV numbers: natural (six significant digits, or the column's decimals when"
                + " more; money at its currency's scale) or full (every digit). Default: ${DEFAULT-VALUE}.")
    private io.crmkit.cli.output.ResultWriter.Precision precision;

    @picocli.CommandLine.Option(names = "--columns", scope = picocli.CommandLine.ScopeType.INHERIT, split = ",",
            paramLabel = "NAME[,NAME...]",
            description = "Write only these result columns, in this order (table, csv and json). Default: all.")
    private java.util.List<String> columns = java.util.List.of();

    @picocli.CommandLine.Option(names = "--width", scope = picocli.CommandLine.ScopeType.INHERIT,
            paramLabel = "CHARS", defaultValue = "120",
            description = "The widest table line: a wider table is printed in blocks of columns, each repeating"
                + " the first column; 0 for no limit. Default: ${DEFAULT-VALUE}.")
    private int width;

    private final boolean stderrIsTerminal;

    /**
     * Creates the top-level command.
     *
     * @param stderrIsTerminal whether stderr is a terminal (progress lines are shown only then)
     */
    public CrmkitCli(boolean stderrIsTerminal) {
        this.stderrIsTerminal = stderrIsTerminal;
    }

    /**
     * Returns whether stderr is a terminal.
     *
     * @return true when progress lines may be shown
     */
    public boolean stderrIsTerminal() {
        return stderrIsTerminal;
    }

    /** Without a subcommand: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
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
        // the bytes of stdout, for --format xlsx, only when stdout is not a terminal; the text
        // writer above shares the descriptor, and a command writes to one or the other
        OutputStream bytes = isTerminal(1) ? null
                : new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        int code = execute(out, bytes, err, isTerminal(2), args);
        System.exit(code);
    }

    /**
     * Runs the tool in-process.
     *
     * @param out standard output, not null
     * @param err standard error, not null
     * @param stderrIsTerminal whether {@code err} is a terminal
     * @param args the command-line arguments, not null
     * @return the exit code
     */
    public static int execute(PrintWriter out, PrintWriter err, boolean stderrIsTerminal, String... args) {
        return execute(out, null, err, stderrIsTerminal, args);
    }

    /**
     * Runs the tool in-process, with a byte stream for binary results ({@code --format xlsx}).
     *
     * @param out standard output for text, not null
     * @param bytes standard output for bytes, or null when it is a terminal (binary results are then
     *     refused)
     * @param err standard error, not null
     * @param stderrIsTerminal whether {@code err} is a terminal
     * @param args the command-line arguments, not null
     * @return the exit code
     */
    public static int execute(PrintWriter out, OutputStream bytes, PrintWriter err, boolean stderrIsTerminal,
            String... args) {
        int code = commandLine(out, bytes, err, stderrIsTerminal, args.length > 0 ? args[0] : null).execute(args);
        out.flush();
        err.flush();
        if (bytes != null) {
            try {
                bytes.flush();
            } catch (IOException e) {
                err.println("crmkit: writing stdout failed: " + e.getMessage());
                err.flush();
                return EXIT_FAILED;
            }
        }
        return code;
    }

    /**
     * Returns the configured picocli command line: enum values case-insensitive, exceptions from
     * commands turned into a message on stderr and {@link #EXIT_FAILED}.
     *
     * @param out standard output, not null
     * @param err standard error, not null
     * @param stderrIsTerminal whether {@code err} is a terminal
     * @return the command line, never null
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean stderrIsTerminal) {
        return commandLine(out, null, err, stderrIsTerminal);
    }

    /**
     * Returns the configured picocli command line with a byte stream for binary results.
     *
     * @param out standard output for text, not null
     * @param bytes standard output for bytes ({@code --format xlsx}), or null when it is a terminal
     * @param err standard error, not null
     * @param stderrIsTerminal whether {@code err} is a terminal
     * @return the command line, never null
     */
    public static CommandLine commandLine(PrintWriter out, OutputStream bytes, PrintWriter err,
            boolean stderrIsTerminal) {
        return commandLine(out, bytes, err, stderrIsTerminal, null);
    }

    /**
     * Returns the command line for a run whose first argument is {@code first}: with that
     * subcommand alone when it names an analytic subcommand, else with all of them.
     */
    private static CommandLine commandLine(PrintWriter out, OutputStream bytes, PrintWriter err,
            boolean stderrIsTerminal, String first) {
        CommandLine cl = new CommandLine(new CrmkitCli(stderrIsTerminal));
        // subcommands first: the settings below apply to the commands present when they are made
        Class<?> only = null;
        for (Class<?> c : COMMANDS) {
            if (c.getAnnotation(Command.class).name().equals(first)) {
                only = c;
            }
        }
        if (only != null) {
            cl.addSubcommand(only);
        } else {
            COMMANDS.forEach(cl::addSubcommand);
            TOOL_COMMANDS.forEach(cl::addSubcommand);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        CrmkitCli root = cl.getCommand();
        cl.setExecutionStrategy(parseResult -> {
            io.crmkit.cli.output.ResultWriter.precision(root.precision);
            io.crmkit.cli.output.ResultWriter.binaryOutput(bytes);
            try {
                io.crmkit.cli.output.ResultWriter.layout(new io.crmkit.cli.output.ResultWriter.Layout(
                        root.columns == null ? java.util.List.of() : root.columns, root.width));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(parseResult.commandSpec().commandLine(),
                        "--columns/--width: " + e.getMessage(), e);
            }
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                io.crmkit.cli.output.ResultWriter.resetPrecision();
                io.crmkit.cli.output.ResultWriter.resetLayout();
                io.crmkit.cli.output.ResultWriter.resetBinaryOutput();
            }
        });
        // a usage error is one line and a hint, not the whole help (which --help prints)
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine command = e.getCommandLine();
            PrintWriter stderr = command.getErr();
            String name = command.getCommandSpec().qualifiedName();
            stderr.println(name + ": " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, stderr);
            stderr.println("Try '" + name + " --help' for the options.");
            stderr.flush();
            return EXIT_USAGE;
        });
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
            return EXIT_FAILED;
        });
        return cl;
    }

    /** Returns the message for a failure a command may end with, or null for a bug. */
    private static String describe(Exception e) {
        if (e instanceof CommandFailedException || e instanceof InvalidInputException
                || e instanceof io.crmkit.cli.output.ResultWriter.UnknownColumnException
                || e instanceof io.crmkit.cli.output.ResultWriter.XlsxException) {
            return e.getMessage();
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return "input or output failed: " + e.getMessage();
        }
        if (e instanceof ArithmeticException || e instanceof IllegalArgumentException) {
            return "computation failed: " + e.getMessage();
        }
        return null;
    }

    /**
     * Returns whether one of this process's standard streams (1 stdout, 2 stderr) is a terminal: on
     * Linux from {@code /proc/self/fd/N}, elsewhere whether the JVM has a console.
     *
     * @param fd 1 for stdout, 2 for stderr
     * @return true for a terminal
     */
    public static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            if (Files.isSymbolicLink(link)) {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | SecurityException e) {
            // fall back below
        }
        return System.console() != null;
    }

    /** Prints the version from the build. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = CrmkitCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"crmkit " + p.getProperty("version", "(unknown version)"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
