package io.crmkit.examples;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.history.BtydView;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.order.Order;
import io.crmkit.core.port.CustomerRepository;
import io.crmkit.core.port.OrderRepository;
import io.crmkit.jdbc.JdbcCrmWriter;
import io.crmkit.jdbc.JdbcCustomerRepository;
import io.crmkit.jdbc.JdbcDialect;
import io.crmkit.jdbc.JdbcOrderRepository;
import io.crmkit.jdbc.JdbcSchema;
import io.crmkit.testkit.simulation.CustomerBaseSimulator;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Quick start 1: a host wires its own storage behind crmkit's ports, then summarises purchase
 * histories from it. The host's database here is an embedded H2 ({@code jdbc:h2:mem:shop}) with
 * crm-jdbc's schema, filled with the simulated shop's customers and orders; crmkit reads them
 * through {@link OrderRepository} and {@link CustomerRepository} (crm-jdbc's
 * {@link JdbcOrderRepository} and {@link JdbcCustomerRepository}; a host with its own tables
 * implements the same three-method ports, see the README's "Plugging in your own storage").
 *
 * <p>Prints the rows stored, the definitions used, and per customer: purchases, revenue and the
 * BTYD inputs. Each run uses a database of its own name, so runs do not see each other's rows.
 * Stateless and thread-safe.
 */
public final class HostRepositoryExample {

    private HostRepositoryExample() {
    }

    /**
     * Runs the quick start on the shop's customers and prints to standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the quick start and prints its report.
     *
     * @param out where the report goes, not null
     */
    public static void run(PrintStream out) {
        run(out, ShopData.CUSTOMERS, "shop_" + System.nanoTime());
    }

    /**
     * Runs the quick start on a number of simulated customers in a named in-memory database.
     *
     * @param out where the report goes, not null
     * @param customers the number of simulated customers, at least 1
     * @param database the H2 in-memory database name, letters, digits and underscores
     */
    static void run(PrintStream out, int customers, String database) {
        CustomerBaseSimulator shop = ShopData.simulator(customers);
        // the host's database: an embedded H2 with crm-jdbc's schema
        DataSource dataSource = JdbcDialect.dataSource("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        JdbcSchema.migrate(dataSource);
        JdbcCrmWriter writer = new JdbcCrmWriter(dataSource);
        List<Customer> customerRows = shop.customers().toList();
        List<Order> orderRows = shop.orders().toList();
        writer.saveCustomers(customerRows);
        writer.saveOrders(orderRows);

        // tour:summaries begin
        OrderRepository orders = new JdbcOrderRepository(dataSource);   // or the host's own adapter
        PurchaseHistoryOptions options = PurchaseHistoryOptions.btydConvention(
                LocalDate.of(2025, 12, 31), ZoneOffset.UTC, PeriodUnit.WEEKS);
        PurchaseSummaries summaries = PurchaseHistory.summarize(orders, options); // one streaming pass
        BtydView btyd = summaries.btyd();                                          // x, t_x, T in weeks
        out.println(options.describe());
        for (int i = 0; i < Math.min(3, summaries.size()); i++) {
            out.printf(Locale.ROOT, "%s: %d purchases, revenue %s, x=%d t_x=%.1f T=%.1f%n", summaries.customerId(i),
                    summaries.purchaseCount(i), summaries.revenue(i), btyd.x(i), btyd.tx(i), btyd.bigT(i));
        }
        // tour:summaries end

        CustomerRepository customerRepository = new JdbcCustomerRepository(dataSource);
        out.println();
        out.println("stored in the host's database: " + customerRepository.count() + " customers, "
                + ((JdbcOrderRepository) orders).count() + " orders");
        out.println("customers with a purchase: " + summaries.size());
        out.println("orders counted: " + summaries.stats().ordersCounted());
        out.println("total revenue: " + summaries.totalRevenue().orElseThrow());
        int[] top = IntStream.range(0, summaries.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> summaries.revenue(i).amount()).reversed()
                        .thenComparing(i -> i))
                .limit(3).mapToInt(Integer::intValue).toArray();
        out.println("top customers by revenue:");
        for (int i : top) {
            out.println(String.format(Locale.ROOT, "  %s  %3d purchases  %s", summaries.customerId(i),
                    summaries.purchaseCount(i), summaries.revenue(i)));
        }
    }
}
