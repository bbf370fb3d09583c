/**
 * Merge plans: survivorship rules ({@link io.crmkit.quality.merge.SurvivorshipRule}) turn a cluster
 * of duplicate records into a proposed golden record and the list of changes it implies
 * ({@link io.crmkit.quality.merge.MergePlan}). crmkit never applies a plan: the host applies it, if
 * it decides to, through its own {@link io.crmkit.quality.merge.MergePort}.
 */
package io.crmkit.quality.merge;
