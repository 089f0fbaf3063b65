package org.legcrampcds.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.legcrampcds.json.CaseReader;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.PatientCase;

/**
 * The example cases of rules-examples, copied into this module's {@code cases/} resource folder at
 * build time, as text and as read by {@link CaseReader}, sorted by file name.
 *
 * <p>A <em>complete</em> case has an empty {@code notRecorded}; a <em>partial</em> one leaves
 * something unstated, so its assessment also works out {@code dataRequired}.
 */
final class ExampleCases {

    /** The resource folder that holds the copied cases. */
    static final String FOLDER = "cases";

    /** One example case: its file name without {@code .json}, its JSON text and the case read from it. */
    record ExampleCase(String name, String json, PatientCase patientCase) {

        boolean complete() {
            return patientCase.notRecorded().isEmpty();
        }
    }

    private ExampleCases() {
    }

    /** Every example case, sorted by name. */
    static List<ExampleCase> all() {
        try {
            Path location = Path.of(ExampleCases.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return readFolder(location.resolve(FOLDER));
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return readFolder(jar.getPath(FOLDER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The complete example cases (empty {@code notRecorded}), sorted by name. */
    static List<ExampleCase> complete() {
        return all().stream().filter(ExampleCase::complete).toList();
    }

    /** The partial-record example cases (non-empty {@code notRecorded}), sorted by name. */
    static List<ExampleCase> partial() {
        return all().stream().filter(c -> !c.complete()).toList();
    }

    /** The example case of this name (file name without {@code .json}). */
    static ExampleCase named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no example case " + name + ".json in " + FOLDER + "/"));
    }

    private static List<ExampleCase> readFolder(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no example cases in " + folder);
        }
        List<ExampleCase> cases = new ArrayList<>();
        for (Path file : files) {
            String name = CaseReader.defaultId(file);
            String json = Files.readString(file, StandardCharsets.UTF_8);
            ReadResult read = CaseReader.read(json, name);
            if (!(read instanceof ReadResult.Accepted accepted)) {
                // The build checks every example case; a rejected one means the copy is stale or broken.
                throw new IllegalStateException("example case " + name + " is invalid: " + read.errors());
            }
            cases.add(new ExampleCase(name, json, accepted.patientCase()));
        }
        return List.copyOf(cases);
    }
}
