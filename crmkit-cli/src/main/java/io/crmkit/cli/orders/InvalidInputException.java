package io.crmkit.cli.orders;

/**
 * The input cannot be read at all: it is empty, its header lacks a required column or names one
 * twice, or it is not well-formed CSV. Rejected rows, by contrast, are reported one by one and do
 * not stop reading.
 *
 * <p>The message names the problem (and the physical line, when there is one) and never repeats
 * personal data.
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the input, not null
     */
    public InvalidInputException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong with the input, not null
     * @param cause the underlying exception, may be null
     */
    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
