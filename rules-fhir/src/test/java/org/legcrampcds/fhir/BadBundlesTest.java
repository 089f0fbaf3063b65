package org.legcrampcds.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.InvalidCaseException;

/**
 * Every file in {@code bad-bundles/} is a Bundle with one defect; {@code <name>.expect.json} names the
 * FHIRPath-like location and the diagnostic code of the first error it must be rejected with.
 */
class BadBundlesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FhirCaseMapper MAPPER = FhirCaseMapper.create();

    static List<Path> badBundles() {
        List<Path> files = Fixtures.files("bad-bundles", ".json").stream()
                .filter(f -> !f.getFileName().toString().endsWith(".expect.json")).toList();
        assertThat(files).isNotEmpty();
        return files;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBundles")
    void isRejectedAtItsField_withItsCode(Path file) throws Exception {
        String name = file.getFileName().toString();
        JsonNode expect = JSON.readTree(Fixtures.read(file.resolveSibling(name.replace(".json", ".expect.json"))));

        InvalidCaseException e = catchThrowableOfType(InvalidCaseException.class,
                () -> Mapped.accepted(MAPPER.read(Fixtures.read(file), LocalDate.of(2026, 12, 1), "bad", "test")));

        assertThat(e).as("%s should be rejected", name).isNotNull();
        assertThat(e.field()).isEqualTo(expect.get("field").asText());
        assertThat(e.code()).isEqualTo(expect.get("code").asText());
        assertThat(e.getMessage()).doesNotContain("\tat ");
    }
}
