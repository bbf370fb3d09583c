package io.crmkit.jdbc;

import java.lang.ref.Cleaner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>A stream abandoned open (a {@code findFirst()} outside try-with-resources, say) would hold its
 * connection for good; a {@link Cleaner} releases it once the stream is unreachable and logs a
 * warning that names the operation, so that a leak shows up in the host's logs instead of as an
 * exhausted connection pool. Close streams all the same: the cleaner runs only after a garbage
 * collection.
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

    private static final Cleaner CLEANER = Cleaner.create();
    /** Streams released by the cleaner since the class was loaded. */
    private static final AtomicLong ABANDONED = new AtomicLong();

    private final DataSource dataSource;
    private final String operation;
    private final Opener<T> opener;
    private final Resource resource;
    private final Cleaner.Cleanable cleanable;
    private Source<T> source;
    private boolean done;

    private JdbcStream(DataSource dataSource, String operation, Opener<T> opener) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.dataSource = dataSource;
        this.operation = operation;
        this.opener = opener;
        this.resource = new Resource(operation);
        this.cleanable = CLEANER.register(this, resource);
    }

    /**
     * The connection of one stream, released by {@link JdbcStream#release()} or, for a stream left
     * unclosed and unreachable, by the cleaner. Holds no reference to the stream.
     */
    private static final class Resource implements Runnable {
        private final String operation;
        private Connection connection;
        private boolean released;

        Resource(String operation) {
            this.operation = operation;
        }

        synchronized void open(Connection c) {
            connection = c;
        }

        /** Releases the connection: by the stream (released first) or by the cleaner. */
        @Override
        public synchronized void run() {
            Connection c = connection;
            connection = null;
            if (c == null) {
                return;
            }
            if (!released) {
                long n = ABANDONED.incrementAndGet();
                if (n == 1 || n % 100 == 0) {
                    // the first and every hundredth: a leak shows without flooding the log
                    LOG.warn("{}: a stream was left open and unreachable; its connection was released by the"
                            + " cleaner ({} such streams so far; close repository streams, for example with"
                            + " try-with-resources)", operation, n);
                }
            }
            close(c, operation);
        }

        synchronized void markReleased() {
            released = true;
        }
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
                Connection connection = dataSource.getConnection();
                resource.open(connection);
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
        resource.markReleased();
        cleanable.clean();
    }

    private static void close(Connection c, String operation) {
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
