package org.legcrampcds.spark;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.RuleDiagnostic;

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
     * Reads the rule files ({@code *.drl}, {@code *.properties}) directly in {@code directory}, as
     * the engine does.
     *
     * @throws ScreeningException with {@link RuleDiagnostic#UNREADABLE_RULES}'s code when it cannot be read
     */
    static RuleSpec directory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ScreeningException(directory.toString(), RuleDiagnostic.UNREADABLE_RULES.code(), "not a directory");
        }
        TreeMap<String, String> texts = new TreeMap<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path file : entries.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".drl") || p.getFileName().toString().endsWith(".properties"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                texts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ScreeningException(directory.toString(), RuleDiagnostic.UNREADABLE_RULES.code(), "cannot be read: " + e);
        }
        return new RuleSpec(texts, digest(texts));
    }

    /** Identifies the rule base within one JVM: equal texts, equal key. */
    String key() {
        return key;
    }

    /** Compiles and checks the rule base: expensive, done once per JVM by {@link AssessorHolder}. */
    CrampAssessor build() {
        if (files == null) {
            return CrampAssessor.builder().build();
        }
        // Until the engine takes rule texts directly, the shipped texts become a directory of this JVM's own.
        Path copy = null;
        try {
            copy = Files.createTempDirectory("leg-cramp-rules-");
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(copy.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            return CrampAssessor.builder().rulesFrom(copy).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shipped rule files to a temporary directory", e);
        } finally {
            delete(copy);
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path p : entries.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
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
