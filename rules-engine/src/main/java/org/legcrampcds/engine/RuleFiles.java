package org.legcrampcds.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the files of a rule base, from the classpath (built in) or from a rule author's directory. */
final class RuleFiles {

    /** The built-in rule base: the DRL package folder, located through a file it always holds. */
    static final String BUILT_IN_FOLDER = "org/legcrampcds/rules";
    static final String BUILT_IN_ANCHOR = BUILT_IN_FOLDER + "/finding-texts.properties";

    private RuleFiles() {
    }

    static List<RuleFile> builtIn() {
        URL anchor = RuleFiles.class.getClassLoader().getResource(BUILT_IN_ANCHOR);
        if (anchor == null) {
            throw new RuleBaseException(BUILT_IN_ANCHOR, "built-in rule base not found on the classpath", null);
        }
        try {
            URI uri = anchor.toURI();
            if ("jar".equals(uri.getScheme())) {
                return readFromJar(uri);
            }
            return read(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new RuleBaseException(BUILT_IN_FOLDER, e.getMessage(), e);
        }
    }

    static List<RuleFile> fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RuleBaseException(directory.toString(), "not a directory", null);
        }
        try {
            return read(directory);
        } catch (IOException | UncheckedIOException e) {
            throw new RuleBaseException(directory.toString(), e.getMessage(), e);
        }
    }

    /** Every DRL and text file directly in {@code folder}, sorted by name. */
    private static List<RuleFile> read(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(RuleFile.DRL)
                            || p.getFileName().toString().endsWith(RuleFile.TEXTS))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(p -> new RuleFile(p.getFileName().toString(), readString(p)))
                    .toList();
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the anchor's folder inside a jar, closing the jar's file system only if it opened it. */
    private static List<RuleFile> readFromJar(URI anchor) throws IOException {
        FileSystem jar;
        boolean openedHere;
        try {
            jar = FileSystems.newFileSystem(anchor, Map.of());
            openedHere = true;
        } catch (FileSystemAlreadyExistsException e) {
            jar = FileSystems.getFileSystem(anchor);
            openedHere = false;
        }
        try {
            return read(jar.provider().getPath(anchor).getParent());
        } finally {
            if (openedHere) {
                jar.close();
            }
        }
    }
}
