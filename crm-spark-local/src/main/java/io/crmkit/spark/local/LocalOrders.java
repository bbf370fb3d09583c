package io.crmkit.spark.local;

import io.crmkit.core.history.OrderBatch;
import io.crmkit.spark.OrderColumns;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The orders of a file read by the {@code crmkit} reader, as a Spark data set in their file order:
 * the parsing, the status labels, the rejected rows and the order lines are the CLI's, so that what
 * differs between the two tools is only the computation.
 */
final class LocalOrders {

    private LocalOrders() {
    }

    /**
     * Reads a command's {@code --input} file as crmkit does ({@code --jdbc} is refused: the local jar
     * reads files only).
     *
     * @return the file, or empty when {@code --strict} fails it (the reason is already printed)
     */
    static Optional<io.crmkit.cli.orders.OrderFile> read(io.crmkit.cli.CrmkitCommand command,
            io.crmkit.cli.OrderInputOptions input) throws java.io.IOException {
        if (input.jdbc().isPresent()) {
            throw new io.crmkit.cli.CommandFailedException("the Spark local jar reads --input files only");
        }
        io.crmkit.cli.orders.OrderFile in = input.read(command);
        return input.failsStrict(command, in) ? Optional.empty() : Optional.of(in);
    }

    /** The columns of {@link #dataset}. */
    static OrderColumns columns(OrderBatch batch) {
        OrderColumns c = OrderColumns.defaults().withStatus("status");
        return hasOrderKeys(batch) ? c.withOrderId("order_id") : c;
    }

    private static boolean hasOrderKeys(OrderBatch batch) {
        return batch.rowCount() > 0 && (batch.hasOrderIds() || batch.orderRank(0).isPresent());
    }

    /**
     * One row per order of the batch: customer, order identifier (the order's own, or its rank in
     * identifier order when the reader kept ranks), epoch microseconds, the net amount in major units
     * (negative for a return) and the status category.
     */
    static Dataset<Row> dataset(SparkSession spark, OrderBatch batch, int slices) {
        if (batch.hasCosts()) {
            throw new IllegalArgumentException("the file has a cost column; the Spark path has no margin yet:"
                    + " drop the column to compare the other figures");
        }
        int digits = Math.max(0, batch.currency().getDefaultFractionDigits());
        boolean keys = hasOrderKeys(batch);
        StructType schema = new StructType()
                .add("customer_id", DataTypes.StringType, false)
                .add("order_id", DataTypes.StringType, true)
                .add("timestamp", DataTypes.LongType, false)
                .add("amount", DataTypes.createDecimalType(38, digits), false)
                .add("status", DataTypes.StringType, false);
        List<Row> rows = new ArrayList<>(batch.rowCount());
        for (int i = 0; i < batch.rowCount(); i++) {
            String order = null;
            if (keys) {
                Optional<io.crmkit.core.OrderId> id = batch.orderId(i);
                OptionalInt rank = batch.orderRank(i);
                order = id.isPresent() ? id.get().value()
                        : String.format(Locale.ROOT, "%010d", rank.orElseThrow());
            }
            rows.add(RowFactory.create(batch.customerId(batch.customerIndex(i)).value(), order,
                    batch.placedAtMicros(i), BigDecimal.valueOf(batch.netMinor(i), digits),
                    batch.category(i).name().toLowerCase(Locale.ROOT)));
        }
        return spark.createDataFrame(spark.sparkContext().parallelize(
                scala.jdk.javaapi.CollectionConverters.asScala(rows).toSeq(), slices,
                scala.reflect.ClassTag$.MODULE$.apply(Row.class)), schema);
    }
}
