package io.crmkit.spark;

import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.order.OrderStatusCategory;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;

/**
 * {@link PurchaseHistoryOptions} in a form Spark can ship to its executors (the options record
 * holds an {@code Optional}, which is not serializable): every component, rebuilt on arrival.
 * Immutable.
 */
final class SparkOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LocalDate lastDay;
    private final Instant instant;
    private final String zone;
    private final PurchaseUnit purchaseUnit;
    private final RevenueBasis revenueBasis;
    private final EnumSet<OrderStatusCategory> counted;
    private final String currency;
    private final PeriodUnit timeUnit;
    private transient PurchaseHistoryOptions options;

    SparkOptions(PurchaseHistoryOptions o) {
        if (o.asOf() instanceof AsOf.EndOfDay e) {
            lastDay = e.lastDay();
            instant = null;
        } else {
            lastDay = null;
            instant = ((AsOf.AtInstant) o.asOf()).instant();
        }
        zone = o.zone().getId();
        purchaseUnit = o.purchaseUnit();
        revenueBasis = o.revenueBasis();
        counted = EnumSet.copyOf(o.countedCategories());
        currency = o.currency().map(Currency::getCurrencyCode).orElseThrow(() -> new IllegalArgumentException(
                "crm-spark needs the currency of the run in PurchaseHistoryOptions.currency (one currency per run)"));
        timeUnit = o.timeUnit();
        options = o;
    }

    PurchaseHistoryOptions options() {
        if (options == null) {
            AsOf asOf = lastDay != null ? AsOf.endOfDay(lastDay) : AsOf.instant(instant);
            OrderStatusCategory[] all = counted.toArray(OrderStatusCategory[]::new);
            options = PurchaseHistoryOptions.builder(asOf)
                    .zone(ZoneId.of(zone))
                    .purchaseUnit(purchaseUnit)
                    .revenueBasis(revenueBasis)
                    .countedCategories(all[0], all)
                    .currency(Currency.getInstance(currency))
                    .timeUnit(timeUnit)
                    .build();
        }
        return options;
    }

    Currency currency() {
        return Currency.getInstance(currency);
    }
}
