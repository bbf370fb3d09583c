package io.crmkit.examples;

import io.crmkit.metrics.finance.Irr;
import io.crmkit.metrics.finance.Npv;
import io.crmkit.metrics.finance.RateResult;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Quick start 6: finance. The net present value and internal rate of return of a retention
 * campaign: 10,000 spent now, then the extra margin it brings in each of the next four quarters
 * (periodic flows, the first at time zero, rates per quarter). Also the case Excel's {@code NPV}
 * function computes (its first flow discounted one period) and a flow series with two rates
 * (10 % and 20 %), which crmkit lists instead of picking one.
 *
 * <p>Stateless and thread-safe.
 */
public final class FinanceExample {

    private FinanceExample() {
    }

    /**
     * Runs the quick start and prints to standard output.
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
        out.println("a retention campaign: -10000 now, then the extra margin of four quarters");

        // tour:finance begin
        double[] flows = {-10_000, 3_000, 3_500, 4_000, 4_500};   // per quarter, the first at time zero
        double npv = Npv.fromTimeZero(0.02, flows);                 // 2 % per quarter
        RateResult irr = Irr.irr(flows);                            // every rate with NPV = 0
        if (irr instanceof RateResult.Unique unique) {
            out.printf(Locale.ROOT, "NPV at 2 %%: %.2f; IRR: %.4f per quarter%n", npv, unique.rate());
        } else {
            out.println("NPV " + npv + "; rates: " + irr.rates() + " (" + irr.signChanges() + " sign changes)");
        }
        // tour:finance end

        out.printf(Locale.ROOT, "Excel's NPV (first flow discounted one period): %.2f%n", Npv.excel(0.02, flows));
        RateResult several = Irr.irr(-100, 230, -132);
        out.println("flows -100, 230, -132 (" + several.signChanges() + " sign changes): rates "
                + several.rates().stream().map(r -> String.format(Locale.ROOT, "%.4f", r)).toList()
                + "; nearest to 12 %: " + String.format(Locale.ROOT, "%.4f", several.nearest(0.12).orElseThrow()));
    }
}
