package org.legcrampcds.examples.cases;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared specification folder beside the repository ({@code ../shared}), passed by the build
 * as the system property {@code shared.dir}. Tests that compare with it fail, rather than skip,
 * when it is missing: the project's contract is to be built beside it.
 */
final class SharedSpec {

    private SharedSpec() {
    }

    static Path spec(String relative) {
        String dir = System.getProperty("shared.dir");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property shared.dir is not set (run through ./mvnw)");
        }
        Path path = Path.of(dir, "spec", relative).normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: the repository must be checked out beside shared/");
        }
        return path;
    }
}
