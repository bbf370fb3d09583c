package io.crmkit.quality.merge;

/**
 * The host's port to apply a merge plan to its own customer store (update the survivor, retire or
 * link the absorbed records, move their history). crmkit ships no implementation and never calls
 * it on its own: nothing is merged unless the host decides to apply a plan.
 *
 * <p>Implementations say their own thread-safety.
 */
@FunctionalInterface
public interface MergePort {

    /**
     * Applies a plan.
     *
     * @param plan the plan, not null
     */
    void apply(MergePlan plan);
}
