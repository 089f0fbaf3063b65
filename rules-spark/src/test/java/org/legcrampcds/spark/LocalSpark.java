package org.legcrampcds.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local Spark for all the tests of this JVM: starting Spark costs seconds, and local mode runs
 * the executors in this JVM, so the tests see the one assessor the job builds.
 */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("rules-spark-tests")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.default.parallelism", "3")
                    .getOrCreate();
        }
        return session;
    }
}
