/**
 * Implementation helpers shared by the crm-core packages: argument checks and personal-data
 * masking. Not part of the crmkit API; may change in any release.
 */
package io.crmkit.core.internal;
