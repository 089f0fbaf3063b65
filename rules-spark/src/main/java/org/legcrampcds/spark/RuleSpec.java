package org.legcrampcds.spark;

import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.RuleBase;
import org.legcrampcds.engine.RuleBaseException;
import org.legcrampcds.engine.RuleSource;

/**
 * Which rule base the job assesses with: the built-in one, or the texts of a {@code --rules}
 * directory read once on the driver and shipped with the job, so that every executor compiles the
 * very same files (and reports the same {@code rulesetVersion}) whatever its file system holds.
 */
final class RuleSpec implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String BUILT_IN = "built-in";

    /** File name to text, sorted by name; null for the built-in rule base. */
    private final TreeMap<String, String> files;
    private final String key;

    private RuleSpec(TreeMap<String, String> files, String key) {
        this.files = files;
        this.key = key;
    }

    static RuleSpec builtIn() {
        return new RuleSpec(null, BUILT_IN);
    }

    /**
     * Reads the rule files directly in {@code directory}, as the engine does ({@link RuleSource#directory}).
     *
     * @throws RuleBaseException with {@code LCC-R021} when it cannot be read
     */
    static RuleSpec directory(Path directory) {
        TreeMap<String, String> texts = new TreeMap<>(RuleSource.directory(directory).files());
        return new RuleSpec(texts, digest(texts));
    }

    /** Identifies the rule base within one JVM: equal texts, equal key. */
    String key() {
        return key;
    }

    /** Compiles and checks the rule base: expensive, done once per JVM by {@link AssessorHolder}. */
    CrampAssessor build() {
        return CrampAssessor.on(files == null ? RuleBase.builtIn() : RuleBase.build(RuleSource.ofFiles(files)));
    }

    private static String digest(Map<String, String> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            texts.forEach((name, text) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
