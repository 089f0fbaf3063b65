package org.legcrampcds.conformance.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's own pages under test (README.md, docs/), found through the folder the build names
 * ({@code legcrampcds.repository}, set by this module's POM), not through a path relative to the
 * working directory.
 */
final class Repository {

    private Repository() {
    }

    /** A file of the repository, by its path from the repository's root. */
    static Path file(String first, String... more) {
        String root = System.getProperty("legcrampcds.repository");
        if (root == null) {
            throw new IllegalStateException("system property legcrampcds.repository is set by rules-conformance/pom.xml");
        }
        Path file = Path.of(root).resolve(Path.of(first, more));
        if (!Files.exists(file)) {
            throw new IllegalStateException("no " + file + " in the repository");
        }
        return file;
    }
}
