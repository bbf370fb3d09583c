package io.crmkit.cli;

/**
 * A command cannot complete: the tool prints the message on stderr and exits with
 * {@link CrmkitCli#EXIT_FAILED}. The message says what went wrong and what to do, without personal
 * data.
 */
public final class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, not null
     */
    public CommandFailedException(String message) {
        super(message);
    }
}
