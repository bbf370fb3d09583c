/**
 * JMH benchmarks and measurement programs for the crmkit analytics at realistic scale. Not
 * published; results are recorded in {@code benchmarks/RESULTS.md}.
 */
package io.crmkit.benchmarks;
