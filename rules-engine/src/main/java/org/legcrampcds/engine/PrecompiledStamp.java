package org.legcrampcds.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the build right after the KIE Maven plugin: writes the hash of the rule files the plugin
 * compiled into the executable model ({@link PrecompiledRules#STAMP}). At run time the model is used
 * only if the rule files on the classpath have that hash, so a result's {@code rulesetVersion}
 * always names the rules that produced it, even where the DRL was changed without the plugin
 * running again (an IDE's incremental build, a hand-assembled classpath).
 *
 * <p>Arguments: the folder of the built-in rule files, and the stamp file to write.
 */
final class PrecompiledStamp {

    private PrecompiledStamp() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PrecompiledStamp RULES_FOLDER STAMP_FILE");
        }
        Path stamp = Path.of(args[1]);
        Files.createDirectories(stamp.toAbsolutePath().getParent());
        Files.writeString(stamp, RulesetVersion.hash(RuleFiles.fromDirectory(Path.of(args[0]))) + "\n", StandardCharsets.UTF_8);
    }
}
