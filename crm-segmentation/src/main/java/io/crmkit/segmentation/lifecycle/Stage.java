package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.customer.LifecycleStage;
import java.util.Locale;

/**
 * A customer's lifecycle stage derived from purchase behaviour at an as-of date (see
 * {@link Lifecycle} for the rules and their precedence).
 */
public enum Stage {
    /** Known, but no purchase on or before the as-of date. */
    PROSPECT,
    /** Exactly one purchase, not yet at risk. */
    NEW,
    /** Several purchases, the last one within the at-risk threshold and not a return from churn. */
    ACTIVE,
    /** Days since the last purchase beyond the at-risk threshold, not beyond the churned one. */
    AT_RISK,
    /** Days since the last purchase beyond the churned threshold (lapsed). */
    CHURNED,
    /** The last purchase came after a gap beyond the churned threshold: won back, not yet at risk. */
    REACTIVATED;

    /** The label, computed once, in every locale the same (a Turkish default lower-cases I to a dotless ı). */
    private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /**
     * Returns the crm-core stage a host may store on its {@link io.crmkit.core.customer.Customer}:
     * the same stage, with {@link #ACTIVE} mapped to {@link LifecycleStage#MATURE} (crm-core
     * splits active customers into growing and mature, which purchase days alone do not tell).
     *
     * @return the crm-core stage, never null
     */
    public LifecycleStage toCustomerStage() {
        return switch (this) {
            case PROSPECT -> LifecycleStage.PROSPECT;
            case NEW -> LifecycleStage.NEW;
            case ACTIVE -> LifecycleStage.MATURE;
            case AT_RISK -> LifecycleStage.AT_RISK;
            case CHURNED -> LifecycleStage.CHURNED;
            case REACTIVATED -> LifecycleStage.REACTIVATED;
        };
    }

    /**
     * Returns the stage's name in lower case with hyphens, as printed by the CLI.
     *
     * @return the label, never null
     */
    public String label() {
        return label;
    }
}
