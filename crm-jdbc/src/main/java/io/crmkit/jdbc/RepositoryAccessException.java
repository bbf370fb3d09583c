package io.crmkit.jdbc;

import java.sql.SQLException;

/**
 * A database failure in a JDBC adapter: the connection was lost, a statement failed, the schema is
 * missing. Unchecked, as the crm-core ports require; raised by the call or by the stream's terminal
 * operation, never hidden as a truncated stream.
 *
 * <p>The message names the operation (such as {@code "streaming orders"}) and, for a
 * {@link SQLException}, its SQL state and a plain description of the state's class, never a stored
 * value, so that it can be logged. The cause is the driver's exception, which a host may log at its
 * own discretion (a driver message can quote values of a failed write).
 */
public class RepositoryAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * Creates the exception for a failed operation.
     *
     * @param operation what was being done, such as {@code "streaming orders"}, without personal data
     * @param cause the driver's exception, not null
     */
    public RepositoryAccessException(String operation, SQLException cause) {
        super(operation + " failed: " + describe(cause), cause);
        this.sqlState = cause.getSQLState() == null ? "" : cause.getSQLState();
    }

    /**
     * Creates the exception for a failure that is not a driver's.
     *
     * @param message the message, without personal data
     * @param cause the cause, may be null
     */
    public RepositoryAccessException(String message, Throwable cause) {
        super(message, cause);
        this.sqlState = "";
    }

    /**
     * Returns the SQL state of the driver's exception, such as {@code "57P01"} (administrator
     * shutdown) or {@code "08006"} (connection failure).
     *
     * @return the state, empty when unknown, never null
     */
    public String sqlState() {
        return sqlState;
    }

    /**
     * Returns whether the failure is a lost or refused connection (SQL state class 08, or 57P
     * (operator intervention: the server ended the session)).
     *
     * @return true when the connection is gone
     */
    public boolean isConnectionLost() {
        return sqlState.startsWith("08") || sqlState.startsWith("57P");
    }

    private static String describe(SQLException e) {
        String state = e.getSQLState();
        if (state == null || state.length() < 2) {
            return "database error (no SQL state, " + e.getClass().getSimpleName() + ")";
        }
        String kind = switch (state.substring(0, 2)) {
            case "08" -> "the connection to the database was lost or refused";
            case "57" -> "the database server ended the session (operator intervention or shutdown)";
            case "23" -> "a stored value violates a constraint of the schema";
            case "22" -> "a value does not fit its column";
            case "40" -> "the transaction was rolled back by the database (serialization failure or deadlock)";
            case "42" -> "the SQL does not match the schema (is the schema migrated?)";
            case "53" -> "the database ran out of resources";
            default -> "database error";
        };
        return kind + " (SQL state " + state + ")";
    }
}
