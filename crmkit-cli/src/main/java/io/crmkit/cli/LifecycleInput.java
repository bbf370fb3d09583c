package io.crmkit.cli;

import io.crmkit.cli.orders.OrderFile;
import io.crmkit.cli.output.Definitions;
import io.crmkit.segmentation.lifecycle.PurchaseTimelines;
import io.crmkit.segmentation.lifecycle.TimelineOptions;
import java.io.IOException;
import java.time.LocalDate;

/**
 * What {@code lifecycle}, {@code churn-risk} and {@code due} share: reading the order file into
 * purchase timelines and the definitions every one of them prints.
 */
final class LifecycleInput {

    final OrderFile in;
    final PurchaseTimelines timelines;
    final String closing;

    private LifecycleInput(OrderFile in, PurchaseTimelines timelines, String closing) {
        this.in = in;
        this.timelines = timelines;
        this.closing = closing;
    }

    /** Reads the orders; null when {@code --strict} failed (the caller exits with 1). */
    static LifecycleInput read(CrmkitCommand command, OrderInputOptions input, PurchaseUnitOption unit, LocalDate asOf)
            throws IOException {
        OrderFile in = input.read(command);
        if (input.failsStrict(command, in)) {
            return null;
        }
        input.currency(in); // fails clearly when the orders are in several currencies and none was chosen
        TimelineOptions options = TimelineOptions.builder().zone(input.zone()).purchaseUnit(unit.unit()).build();
        PurchaseTimelines timelines = PurchaseTimelines.builder(options).acceptAll(in.batch()).build();
        if (timelines.lastPurchaseDay().isEmpty()) {
            throw new CommandFailedException("no order counts as a purchase (completed orders only)");
        }
        LocalDate last = timelines.lastPurchaseDay().get();
        if (asOf.isBefore(last)) {
            command.note("purchases after the as-of date " + asOf + " (the last is on " + last
                    + ") are ignored");
        }
        // the orders are in the timelines now: keep only the file's counts, so the batch can go
        return new LifecycleInput(in.withoutOrders(), timelines, input.rejectedSummary(in));
    }

    /** The definitions every lifecycle command prints first. */
    Definitions definitions(String command, OrderInputOptions input) {
        Definitions d = new Definitions();
        d.put("command", command);
        d.put("purchase", timelines.options().describe());
        d.put("purchase_unit", KpiCommand.lower(timelines.options().purchaseUnit()));
        d.put("currency", timelines.currency().orElseThrow().getCurrencyCode());
        d.put("currency_source", input.currencySource(in));
        input.describeInput(d, in);
        d.put("orders_counted", timelines.ordersCounted());
        d.put("customers", timelines.size());
        return d;
    }
}
