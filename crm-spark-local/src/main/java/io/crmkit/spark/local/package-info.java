/**
 * The runnable local-mode jar {@code crmkit-spark-local.jar}: {@code summarize}, {@code rfm},
 * {@code kpi} and {@code clv} computed through crm-spark on a local Spark session, with the options
 * and the output of the {@code crmkit} command, so that the Spark path can be checked against the CLI
 * on the user's own file.
 */
package io.crmkit.spark.local;
