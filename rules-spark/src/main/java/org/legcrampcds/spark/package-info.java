/**
 * Population screening on Apache Spark: {@link org.legcrampcds.spark.ScreeningJob} reads a FHIR
 * Bulk Data export, assesses every patient with one assessor per executor JVM and writes JSON Lines
 * results and a summary; {@link org.legcrampcds.spark.ScreeningCommand} is its command line and
 * Spark application; {@link org.legcrampcds.spark.ExportGenerator} makes synthetic exports for tests
 * and measurements.
 */
@NullMarked
package org.legcrampcds.spark;

import org.jspecify.annotations.NullMarked;
