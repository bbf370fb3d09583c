package io.crmkit.examples.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lazy stream over a database cursor: the connection is opened at the first element (a stream
 * closed before use never touches the database), held by this stream alone (in a read-only
 * transaction, auto-commit off, so that PostgreSQL streams through a server-side cursor with the
 * statements' fetch size), and released at the end, on {@link Stream#close()}, or when reading
 * fails. A failure raises {@link RepositoryAccessException}, never a silently shorter stream.
 *
 * @param <T> the record type
 */
final class JdbcStream<T> extends Spliterators.AbstractSpliterator<T> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStream.class);

    /** Reads records from an open cursor. */
    interface Source<T> {
        /** Returns the next record, or null at the end. */
        T next() throws SQLException;
    }

    /** Runs the queries of a stream on its connection. */
    interface Opener<T> {
        Source<T> open(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final String operation;
    private final Opener<T> opener;
    private Connection connection;
    private Source<T> source;
    private boolean done;

    private JdbcStream(DataSource dataSource, String operation, Opener<T> opener) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.dataSource = dataSource;
        this.operation = operation;
        this.opener = opener;
    }

    /**
     * Returns a lazy stream.
     *
     * @param operation what the stream does, for messages, such as {@code "streaming orders"}
     */
    static <T> Stream<T> of(DataSource dataSource, String operation, Opener<T> opener) {
        JdbcStream<T> s = new JdbcStream<>(dataSource, operation, opener);
        return StreamSupport.stream(s, false).onClose(s::release);
    }

    @Override
    public synchronized boolean tryAdvance(Consumer<? super T> action) {
        if (done) {
            return false;
        }
        T next;
        try {
            if (source == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                source = opener.open(connection);
            }
            next = source.next();
        } catch (SQLException e) {
            release();
            throw new RepositoryAccessException(operation, e);
        } catch (RuntimeException e) {
            release();
            throw e;
        }
        if (next == null) {
            release();
            return false;
        }
        action.accept(next);
        return true;
    }

    /** Ends the read-only transaction and closes the connection (with its statements); idempotent. */
    synchronized void release() {
        done = true;
        source = null;
        Connection c = connection;
        connection = null;
        if (c == null) {
            return;
        }
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException e) {
            LOG.debug("{}: ending the read transaction failed (SQL state {})", operation, e.getSQLState());
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("{}: closing the connection failed (SQL state {})", operation, e.getSQLState());
        }
    }
}
