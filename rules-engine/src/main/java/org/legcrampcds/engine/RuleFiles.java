package org.legcrampcds.engine;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
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
     * Reads the files directly in the anchor's folder inside its jar, through a {@link JarFile} of
     * this call's own, closed after: nothing JVM-wide is opened, so concurrent builds cannot pull it
     * from under each other. (A zip file system indexes every entry of the jar first; in the
     * command line's fat jar that cost twice as much, measured in docs/performance.md.)
     */
    private static List<RuleFile> readFromJar(URL anchor) throws IOException, URISyntaxException {
        JarURLConnection connection = (JarURLConnection) anchor.openConnection();
        String entry = connection.getEntryName();
        String folder = entry.substring(0, entry.lastIndexOf('/') + 1);
        List<RuleFile> files = new ArrayList<>();
        try (JarFile jar = new JarFile(new File(connection.getJarFileURL().toURI()))) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry file = entries.nextElement();
                String name = file.getName().substring(Math.min(folder.length(), file.getName().length()));
                if (!file.isDirectory() && file.getName().startsWith(folder) && name.indexOf('/') < 0
                        && RuleFile.isRuleFileName(name)) {
                    try (InputStream in = jar.getInputStream(file)) {
                        files.add(new RuleFile(name, decode(name, in.readAllBytes())));
                    }
                }
            }
        }
        files.sort(Comparator.comparing(RuleFile::name));
        return List.copyOf(files);
    }

    private static String decode(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new RuleBaseException(name, RuleDiagnostic.UNREADABLE_RULES, "not UTF-8 text", e);
        }
    }
}
