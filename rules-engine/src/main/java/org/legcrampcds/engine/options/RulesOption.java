package org.legcrampcds.engine.options;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.engine.RuleSource;

import picocli.CommandLine.Option;

/**
 * {@code --rules DIR} as a picocli mixin ({@code @Mixin RulesOption rules;}): the built-in rule
 * base, or the rule files of a working copy such as one written by {@code export-rules}.
 */
public final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Use the rule files in DIR (for example a copy written by export-rules) instead of the built-in rule base.")
    private @Nullable Path directory;

    /** The directory given, or {@code null} for the built-in rule base. */
    public @Nullable Path directory() {
        return directory;
    }

    /**
     * The rule source the option names; reading a directory that is not one throws
     * {@link org.legcrampcds.engine.RuleBaseException} with {@code LCC-R021}.
     */
    public RuleSource source() {
        return directory == null ? RuleSource.builtIn() : RuleSource.directory(directory);
    }
}
