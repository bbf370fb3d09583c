package io.crmkit.spark;

import org.apache.spark.sql.SparkSession;

/** The local-mode session of a test class: two cores, few shuffle partitions, no UI. */
final class LocalSpark {

    private LocalSpark() {
    }

    static SparkSession start() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("crm-spark-test")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
