package io.crmkit.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every {@code crmkit} subcommand: access to stdout and stderr (set by
 * {@link CrmkitCli}, captured by tests), messages prefixed with the command's name, and progress
 * lines that appear only when stderr is a terminal.
 *
 * <p>A subcommand returns an exit code from {@link #call()} ({@link CrmkitCli#EXIT_OK}, or
 * {@link CrmkitCli#EXIT_FAILED} after printing why) or throws {@link CommandFailedException}; usage
 * errors are picocli's ({@link CrmkitCli#EXIT_USAGE}). Only results go to {@link #out()}.
 */
public abstract class CrmkitCommand implements Callable<Integer> {

    /** The command's picocli model, injected by picocli. */
    @Spec
    protected CommandSpec spec;

    /**
     * Creates the command; picocli fills its options.
     */
    protected CrmkitCommand() {
    }

    /**
     * Returns standard output, for results only.
     *
     * @return the writer, never null
     */
    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /**
     * Returns standard error, for definitions, warnings, rejected rows and progress.
     *
     * @return the writer, never null
     */
    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Returns the command's full name, such as {@code "crmkit summarize"}.
     *
     * @return the name, never null
     */
    protected final String name() {
        return spec.qualifiedName();
    }

    /**
     * Prints a note on stderr, prefixed with the command's name.
     *
     * @param message the note, without personal data, not null
     */
    public final void note(String message) {
        err().println(name() + ": " + message);
        err().flush();
    }

    /**
     * Prints a warning on stderr, prefixed with the command's name and {@code warning:}.
     *
     * @param message the warning, without personal data, not null
     */
    public final void warn(String message) {
        note("warning: " + message);
    }

    /**
     * Starts a progress line for a phase of work.
     *
     * @param what the phase, such as {@code "reading"}, not null
     * @param unit what is counted, such as {@code "rows"}, not null
     * @return the progress line, to close when the phase ends, never null
     */
    public final Progress progress(String what, String unit) {
        boolean terminal = spec.root().userObject() instanceof CrmkitCli root && root.stderrIsTerminal();
        return new Progress(err(), terminal, name() + ": " + what, unit);
    }
}
