package org.legcrampcds.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the files of a rule base, from the classpath (built in) or from a rule author's directory.
 * Every failure, whatever its kind, becomes a {@link RuleBaseException} with code
 * {@link RuleDiagnostic#UNREADABLE_RULES}.
 */
final class RuleFiles {

    /** The built-in rule base: the DRL package folder, located through a file it always holds. */
    static final String BUILT_IN_FOLDER = "org/legcrampcds/rules";
    static final String BUILT_IN_ANCHOR = BUILT_IN_FOLDER + "/finding-texts.properties";

    private RuleFiles() {
    }

    static List<RuleFile> builtIn() {
        return builtIn(RuleFiles.class.getClassLoader());
    }

    /** The built-in rule files as {@code loader} sees them, from a folder or from inside a jar. */
    static List<RuleFile> builtIn(ClassLoader loader) {
        URL anchor = loader.getResource(BUILT_IN_ANCHOR);
        if (anchor == null) {
            throw new RuleBaseException(BUILT_IN_ANCHOR, RuleDiagnostic.UNREADABLE_RULES,
                    "built-in rule base not found on the classpath", null);
        }
        try {
            if ("jar".equals(anchor.getProtocol())) {
                return readFromJar(anchor);
            }
            return read(Path.of(anchor.toURI()).getParent());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw unreadable(BUILT_IN_FOLDER, e);
        }
    }

    static List<RuleFile> fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RuleBaseException(directory.toString(), RuleDiagnostic.UNREADABLE_RULES, "not a directory", null);
        }
        try {
            return read(directory);
        } catch (IOException | RuntimeException e) {
            throw unreadable(directory.toString(), e);
        }
    }

    private static RuleBaseException unreadable(String where, Exception e) {
        if (e instanceof RuleBaseException known) {
            return known;
        }
        return new RuleBaseException(where, RuleDiagnostic.UNREADABLE_RULES, String.valueOf(e.getMessage()), e);
    }

    /** Every rule-base file directly in {@code folder} (not in subfolders), sorted by name. */
    private static List<RuleFile> read(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> RuleFile.isRuleFileName(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(p -> new RuleFile(p.getFileName().toString(), readString(p)))
                    .toList();
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new RuleBaseException(file.getFileName().toString(), RuleDiagnostic.UNREADABLE_RULES,
                    "not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the anchor's folder inside its jar through a zip file system of this call's own. A file
     * system opened by jar URI is registered JVM-wide, so closing it would pull it from under a
     * concurrent build; one opened by path is private to its opener.
     */
    private static List<RuleFile> readFromJar(URL anchor) throws IOException, URISyntaxException {
        JarURLConnection connection = (JarURLConnection) anchor.openConnection();
        Path jarFile = Path.of(connection.getJarFileURL().toURI());
        try (FileSystem jar = FileSystems.newFileSystem(jarFile, (ClassLoader) null)) {
            return read(jar.getPath(connection.getEntryName()).getParent());
        }
    }
}
