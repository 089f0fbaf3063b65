package org.legcrampcds.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The files of one rule base, read once: DRL rules ({@code *.drl}), finding texts
 * ({@code *.properties}), the decision thresholds ({@code thresholds.csv}) and the source register
 * ({@code sources.csv}). A snapshot: a directory edited after {@link #directory(Path)} does not
 * change the source already read, so the rule base built from it is exactly the one its
 * {@code rulesetVersion} names.
 */
public final class RuleSource {

    private final String origin;
    private final List<RuleFile> files;
    private final boolean builtIn;

    private RuleSource(String origin, List<RuleFile> files, boolean builtIn) {
        this.origin = origin;
        this.files = List.copyOf(files);
        this.builtIn = builtIn;
    }

    private RuleSource(String origin, List<RuleFile> files) {
        this(origin, files, false);
    }

    /** The rule base built into the library; its rules were compiled when the library was built. */
    public static RuleSource builtIn() {
        return new RuleSource("built-in rules", RuleFiles.builtIn(), true);
    }

    /**
     * The rule files directly in {@code directory} (subfolders, such as a {@code tests/} folder of
     * fixture cases, are not read).
     *
     * @throws RuleBaseException with {@link RuleDiagnostic#UNREADABLE_RULES} when it cannot be read
     */
    public static RuleSource directory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return new RuleSource(directory.toString(), RuleFiles.fromDirectory(directory));
    }

    /**
     * Rule files given as text, for example shipped to another JVM or written by a test.
     *
     * @param nameToText file name ({@code 20-red-flags.drl}) to its content
     */
    public static RuleSource ofFiles(Map<String, String> nameToText) {
        List<RuleFile> files = new ArrayList<>();
        new TreeMap<>(nameToText).forEach((name, text) -> {
            if (name.contains("/") || name.contains("\\") || !RuleFile.isRuleFileName(name)) {
                throw new IllegalArgumentException("not a rule file name: '" + name + "'");
            }
            files.add(new RuleFile(name, Objects.requireNonNull(text, name)));
        });
        return new RuleSource("rule files in memory", files);
    }

    /** Every file by name, in name order. */
    public Map<String, String> files() {
        Map<String, String> byName = new LinkedHashMap<>();
        files.forEach(f -> byName.put(f.name(), f.content()));
        return Collections.unmodifiableMap(byName);
    }

    /** Where the files came from, for messages: a directory, or "built-in rules". */
    public String origin() {
        return origin;
    }

    /**
     * Writes the files into {@code directory}, creating it, as a working copy to edit.
     *
     * @throws IOException when a file cannot be written, or would overwrite one already there
     */
    public void writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (RuleFile file : files) {
            Path target = directory.resolve(file.name());
            if (Files.exists(target)) {
                throw new IOException(target + " already exists: export into a new or empty directory");
            }
        }
        for (RuleFile file : files) {
            Files.writeString(directory.resolve(file.name()), file.content(), StandardCharsets.UTF_8);
        }
    }

    List<RuleFile> ruleFiles() {
        return files;
    }

    /** Whether these are the library's own files, which the build also compiled into an executable model. */
    boolean isBuiltIn() {
        return builtIn;
    }

    @Override
    public String toString() {
        return origin + " (" + files.size() + " files)";
    }
}
