package org.legcrampcds.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The FHIR fixtures of the test resources, by folder. */
final class Fixtures {

    private Fixtures() {
    }

    static Path folder(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files of a folder ending so, by name. */
    static List<Path> files(String folder, String suffix) {
        try (Stream<Path> files = Files.list(folder(folder))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code name.bundle.json} to {@code name.<other>}. */
    static Path sibling(Path bundle, String other) {
        String name = bundle.getFileName().toString();
        return bundle.resolveSibling(name.substring(0, name.length() - ".bundle.json".length()) + "." + other);
    }
}
