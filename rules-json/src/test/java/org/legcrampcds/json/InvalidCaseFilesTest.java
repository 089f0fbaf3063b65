package org.legcrampcds.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.legcrampcds.model.InvalidCaseException;

/**
 * Every file in {@code invalid-cases/} is a valid case with exactly one defect, named for it; its
 * {@code expect.error} is the one error the reader must report (catalogue §2.7), with the exact
 * field path and diagnostic code, and nothing else.
 */
class InvalidCaseFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> invalidCases() throws IOException, URISyntaxException {
        Path dir = Path.of(InvalidCaseFilesTest.class.getResource("/invalid-cases").toURI());
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void invalidCase_isRejectedWithExactlyItsExpectedError(Path file) throws IOException {
        JsonNode expect = JSON.readTree(file.toFile()).path("expect").path("error");
        String expected = expect.get("field").asText() + " " + expect.get("code").asText();

        InvalidCaseException e = catchThrowableOfType(InvalidCaseException.class, () -> CaseReader.readCase(file));

        assertThat(e).as("%s should be rejected", file.getFileName()).isNotNull();
        assertThat(e.errors()).extracting(error -> error.field() + " " + error.code()).containsExactly(expected);
    }

    @Test
    void everyRowOfTheCatalogueTable_hasAFixture() throws IOException, URISyntaxException {
        List<String> names = invalidCases().map(f -> f.getFileName().toString()).toList();

        assertThat(names).contains(
                "patient-missing.json", "age-below-18.json", "age-with-fraction.json", "pregnant-and-postpartum.json",
                "unknown-symptom.json", "duration-zero.json", "smoker-as-string.json", "potassium-in-mg-per-dl.json",
                "potassium-implausible.json", "duplicate-lab-test.json", "upper-limit-on-potassium.json",
                "furosemide-entered-as-other.json", "unknown-field-in-lab.json", "lab-unit-missing.json",
                "symptoms-null.json", "upper-limit-zero.json", "medication-name-blank.json", "id-not-a-string.json",
                "history-version-1-field.json", "lab-test-calcium-version-1.json",
                // The rows added in catalogue v2.2.
                "unknown-top-level-key-lab.json", "not-recorded-not-an-array.json", "not-recorded-unknown-input.json",
                "not-recorded-pregnancy-weeks-alone.json", "not-recorded-cramps-field-has-value.json",
                "not-recorded-symptom-also-present.json", "cramps-field-null-not-listed.json",
                "lab-days-since-taken-36501.json", "lab-days-since-taken-with-fraction.json",
                "pregnant-false-with-pregnancy-weeks.json");
    }
}
