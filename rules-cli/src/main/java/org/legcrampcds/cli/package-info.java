/**
 * The {@code leg-cramp-cds} command line (interfaces.md §2). Run it with
 * {@code java -jar rules-cli/target/leg-cramp-cds.jar assess [--format text|json] [--rules DIR] PATH...};
 * {@link org.legcrampcds.cli.LegCrampCli#run} runs it in-process.
 */
@NullMarked
package org.legcrampcds.cli;

import org.jspecify.annotations.NullMarked;
