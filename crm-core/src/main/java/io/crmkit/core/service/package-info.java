/**
 * Service cases: questions, problems, incidents, complaints and requests, with priority, a
 * {@linkplain io.crmkit.core.service.CaseStatusCategory status category}, opening, first-response,
 * resolution and closing times, {@linkplain io.crmkit.core.service.SlaTargets SLA targets} with
 * breach checks, and the resolution.
 */
package io.crmkit.core.service;
