package io.crmkit.cli;

import io.crmkit.core.history.PurchaseUnit;
import picocli.CommandLine.Option;

/**
 * The {@code --purchase-unit order|day} option of every command that counts purchases (ADR 0016):
 * one declaration, so its name, default and help are the same everywhere. Used as a picocli
 * mixin; filled by picocli, not thread-safe.
 */
public final class PurchaseUnitOption {

    @Option(names = "--purchase-unit", order = 9, paramLabel = "order|day", defaultValue = "order",
            description = "What one purchase is: an order, or all of a customer's counted orders on one calendar"
                + " day in --zone (the BTYD literature's convention, which published estimates such as CDNOW's"
                + " use). Default: ${DEFAULT-VALUE}, as in every crmkit command.")
    PurchaseUnit unit;

    /**
     * Creates the option; picocli fills it.
     */
    public PurchaseUnitOption() {
    }

    /**
     * Returns the chosen unit.
     *
     * @return the unit, never null once picocli has parsed the command line
     */
    public PurchaseUnit unit() {
        return unit;
    }
}
