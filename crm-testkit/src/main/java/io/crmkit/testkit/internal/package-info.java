/**
 * Implementation helpers of crm-testkit: sample pools of realistic names, addresses and labels,
 * and text generators. Not part of the crm-testkit API; may change in any release.
 */
package io.crmkit.testkit.internal;
