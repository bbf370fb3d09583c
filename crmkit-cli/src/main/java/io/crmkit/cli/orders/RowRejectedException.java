package io.crmkit.cli.orders;

/**
 * Signals, inside the reader, that the current row is rejected; caught per row, never escapes the
 * reader. Carries no stack trace (it is control flow, and cheap).
 */
final class RowRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Rejection kind;

    RowRejectedException(Rejection kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    Rejection kind() {
        return kind;
    }
}
