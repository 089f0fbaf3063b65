/**
 * The command-line options that the {@code leg-cramp-cds} application and the Spark screening job
 * share ({@code --rules DIR}, {@code --as-of YYYY-MM-DD}), declared once as picocli mixins so that
 * both read, default and reject them alike. They live beside the engine because both programs
 * depend on it and on nothing else of each other; picocli is an optional dependency of the engine,
 * so an application that embeds the library without these options never loads it.
 */
package org.legcrampcds.engine.options;
