package consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.order.Order;
import io.crmkit.jdbc.JdbcCustomerRepository;
import io.crmkit.jdbc.JdbcDialect;
import io.crmkit.jdbc.JdbcSchema;
import io.crmkit.metrics.finance.Irr;
import io.crmkit.quality.normalize.EmailNormalizer;
import io.crmkit.segmentation.rfm.RfmOptions;
import io.crmkit.segmentation.rfm.RfmResult;
import io.crmkit.segmentation.rfm.RfmScorer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.jqwik.api.providers.ArbitraryProvider;

/** A host on the module path: one call into each published crmkit module, one line of output each. */
public final class Main {

    public static void main(String[] args) throws Exception {
        // crm-core and crm-jackson: a value type through the Jackson module found as a service
        Money price = Money.of("12.30", "EUR");
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        Money back = mapper.readValue(mapper.writeValueAsString(price), Money.class);
        System.out.println("jackson " + back.equals(price));

        // crm-core and crm-segmentation: summaries and RFM scores of a few orders
        Currency usd = Currency.getInstance("USD");
        List<Order> orders = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            for (int k = 0; k <= c; k++) {
                orders.add(Order.builder(OrderId.of("o" + c + "-" + k), CustomerId.of("c" + c),
                                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * (c * 7 + k)), usd)
                        .grossAmount(Money.of(String.valueOf(10 + c), "USD"))
                        .build());
            }
        }
        PurchaseSummaries summaries = PurchaseHistory.summarize(orders,
                PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2026, 6, 30))).build());
        RfmResult rfm = RfmScorer.score(summaries, RfmOptions.defaults());
        System.out.println("rfm " + rfm.size());

        // crm-metrics
        System.out.println("irr " + Irr.irr(-100, 60, 60).rates().size());

        // crm-quality
        System.out.println("email " + EmailNormalizer.normalise(" Ann@Example.COM ").isPresent());

        // crm-jdbc on H2: the schema's migration scripts are resources inside the module
        DataSource ds = JdbcDialect.dataSource("jdbc:h2:mem:consumer;DB_CLOSE_DELAY=-1");
        int version = JdbcSchema.migrate(ds);
        try (Stream<?> customers = new JdbcCustomerRepository(ds).streamAll()) {
            System.out.println("jdbc " + version + " " + customers.count());
        }

        // crm-testkit: the arbitrary provider is a service of the module
        boolean provided = ServiceLoader.load(ArbitraryProvider.class).stream()
                .anyMatch(p -> p.type().getName().equals("io.crmkit.testkit.CrmArbitraryProvider"));
        System.out.println("testkit " + provided);
    }
}
