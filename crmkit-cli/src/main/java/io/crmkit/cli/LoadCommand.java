package io.crmkit.cli;

import io.crmkit.core.order.OrderStatus;
import io.crmkit.cli.orders.OrderFileReader;
import io.crmkit.cli.orders.OrderRowConsumer;
import io.crmkit.cli.orders.StreamedInput;
import io.crmkit.jdbc.JdbcDialect;
import io.crmkit.jdbc.JdbcOrderLoader;
import io.crmkit.jdbc.JdbcSchema;
import io.crmkit.jdbc.RepositoryAccessException;
import io.crmkit.jdbc.StagedOrderLoad;
import java.io.IOException;
import java.time.Instant;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crmkit load}: bulk-loads an order file into a database through the JDBC adapter
 * ({@link JdbcOrderLoader}), creating or upgrading its schema first ({@link JdbcSchema}).
 *
 * <p>The file is read with the tool's conventions (rejected rows as {@code line N: reason} on
 * stderr, the rest loaded; {@code --strict} loads nothing when any row is rejected). The load is
 * one transaction and idempotent by {@code order_id}: orders already stored are left as they are,
 * so loading a file twice stores its orders once. Stdout stays empty; the counts go to stderr.
 *
 * <p>The file is streamed in bounded memory ({@link StagedOrderLoad}): rows go to a staging table in
 * chunks as they are read; the rows that disagree with an earlier line of their order are found in
 * the database once the whole file is staged, and reported then (after the rows rejected while
 * reading), still as {@code line N: reason}.
 */
@Command(name = "load", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Bulk-loads an order file into a database (H2 or PostgreSQL), idempotently.",
        description = {"Reads an order file (as summarize does) and stores its orders in the database of --jdbc,"
            + " creating the crmkit schema when it is missing. One transaction: on failure nothing is stored."
            + " Orders whose order_id is already stored are left as they are, so loading a file twice adds"
            + " nothing. The file needs an order_id column.",
            "Rejected rows are reported on stderr as 'line N: reason'; the counts of orders inserted and already"
            + " stored end the run."})
public final class LoadCommand extends CrmkitCommand {

    @Mixin
    private OrderInputOptions input;



    /**
     * Creates the command; picocli fills its options.
     */
    public LoadCommand() {
    }

    @Override
    public Integer call() throws IOException {
        String jdbc = input.jdbc().orElseThrow(() -> new picocli.CommandLine.ParameterException(
                spec.commandLine(), "Missing required option: '--jdbc=URL' (the database to load into)"));
        DataSource dataSource;
        try {
            dataSource = JdbcDialect.dataSource(jdbc);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage());
        }
        long started = System.nanoTime();
        Rows rows = new Rows(dataSource);
        try {
            StreamedInput in = input.stream(this, rows);
            StagedOrderLoad load = rows.load;
            load.check((line, why, firstLine, field) -> {
                switch (why) {
                    case INVALID_CUSTOMER_ID -> in.rejectInvalidCustomerId(line);
                    case CONFLICTING_LINE -> in.rejectConflictingLine(line, firstLine, field);
                    case TOTAL_TOO_LARGE -> in.rejectTotalTooLarge(line, rows.currency);
                }
            });
            err().flush();
            if (input.failsStrict(this, in)) {
                return CrmkitCli.EXIT_FAILED;
            }
            JdbcSchema.migrate(dataSource);
            JdbcOrderLoader.LoadResult result = load.commit();
            long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            note(result.ordersRead() + " orders loaded in " + millis + " ms (" + result.ordersRead() * 1000 / millis
                    + " orders/s): " + result.ordersInserted() + " inserted, " + result.ordersAlreadyStored()
                    + " already stored (left as they were)");
            note(input.rejectedSummary(in));
            return CrmkitCli.EXIT_OK;
        } catch (RepositoryAccessException e) {
            throw new CommandFailedException(e.getMessage() + "; nothing was stored");
        } finally {
            if (rows.load != null) {
                rows.load.close();
            }
        }
    }

    /** Sends the rows read to a staged load, begun once the header shows the file has order ids. */
    private static final class Rows implements OrderRowConsumer {

        private final DataSource dataSource;
        private StagedOrderLoad load;
        private Currency currency = OrderFileReader.DEFAULT_CURRENCY;

        Rows(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public void begin(boolean hasOrderIds) {
            if (!hasOrderIds) {
                throw new CommandFailedException("the input has no order_id column: load needs it to identify"
                        + " orders, so that loading a file twice stores its orders once");
            }
            load = StagedOrderLoad.begin(dataSource);
        }

        @Override
        public void accept(int line, String orderId, String customerId, Instant placedAt, long amountMinor,
                Currency currency, OrderStatus status) {
            this.currency = currency;
            try {
                load.add(line, orderId, customerId, placedAt, status, currency, amountMinor);
            } catch (IllegalArgumentException e) {
                throw new CommandFailedException("an order cannot be stored: " + e.getMessage()
                        + "; nothing was stored");
            }
        }
    }
}
