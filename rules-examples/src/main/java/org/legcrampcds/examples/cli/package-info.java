/**
 * The {@code leg-cramp-cds} command line (interfaces.md §2). Run it with
 * {@code java -jar rules-examples/target/leg-cramp-cds.jar assess [--format text|json] [--rules DIR] PATH...};
 * {@link org.legcrampcds.examples.cli.LegCrampCli#run} runs it in-process.
 */
package org.legcrampcds.examples.cli;
