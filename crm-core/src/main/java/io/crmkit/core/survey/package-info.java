/**
 * Survey responses: NPS (0 to 10), CSAT (1 to 5), CES (1 to 7) or custom-scale scores given by a
 * customer, with time, channel and links to what they are about.
 */
package io.crmkit.core.survey;
