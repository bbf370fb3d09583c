package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import java.util.List;

/**
 * One customer's churn risk: the combined level, every raised signal with its numbers, and the
 * value at risk that ranks the warnings.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer, not null
 * @param level the combined level, not null
 * @param signals the raised signals, in {@link SignalKind} order, empty exactly when the level is none
 * @param valueAtRisk the value at risk, not null
 */
public record ChurnRisk(CustomerId customerId, RiskLevel level, List<Signal> signals, Money valueAtRisk) {

    /**
     * Validates the risk.
     *
     * @throws NullPointerException if a component or signal is null
     * @throws IllegalArgumentException if the level and the signals disagree
     */
    public ChurnRisk {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(level, "level");
        signals = List.copyOf(Checks.notNull(signals, "signals"));
        Checks.notNull(valueAtRisk, "valueAtRisk");
        if (signals.isEmpty() != (level == RiskLevel.NONE)) {
            throw new IllegalArgumentException("level " + level + " does not fit " + signals.size() + " signals");
        }
    }

    /**
     * Returns the reasons, one per signal, joined by "; ".
     *
     * @return the reasons, empty when there is no signal, never null
     */
    public String reasons() {
        StringBuilder sb = new StringBuilder(128 * signals.size());
        for (int k = 0; k < signals.size(); k++) {
            if (k > 0) {
                sb.append("; ");
            }
            signals.get(k).appendReason(sb);
        }
        return sb.toString();
    }
}
