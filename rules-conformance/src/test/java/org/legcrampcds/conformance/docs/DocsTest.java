package org.legcrampcds.conformance.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.legcrampcds.authoring.FixtureDiagnostic;
import org.legcrampcds.cdshooks.CdsHooksDiagnostic;
import org.legcrampcds.cli.CliDiagnostic;
import org.legcrampcds.engine.RuleDiagnostic;
import org.legcrampcds.fhir.FhirDiagnostic;
import org.legcrampcds.model.Diagnostic;
import org.legcrampcds.model.CaseField;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.InputDiagnostic;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.Symptom;

/**
 * The reference pages stay true to the code: every diagnostic code the library can emit is
 * explained exactly once in {@code docs/diagnostics.md} (and nothing else is), and
 * {@code docs/case-format.md} names every field, code and lab test the reader accepts.
 */
class DocsTest {

    private static final Path DOCS = Repository.file("docs");
    private static final Pattern HEADING = Pattern.compile("^### (LCC-[VFRHCA]\\d{3}) \\S", Pattern.MULTILINE);

    @Test
    void everyDiagnosticCode_isExplainedExactlyOnce_inCodeOrder() throws IOException {
        Matcher m = HEADING.matcher(read("diagnostics.md"));
        List<String> documented = new ArrayList<>();
        while (m.find()) {
            documented.add(m.group(1));
        }
        List<String> emitted = Stream.of(InputDiagnostic.values(), FhirDiagnostic.values(), RuleDiagnostic.values(),
                        CdsHooksDiagnostic.values(), CliDiagnostic.values(), FixtureDiagnostic.values())
                .flatMap(Arrays::stream).map(Diagnostic::code).toList();
        assertThat(documented).containsExactlyElementsOf(emitted);
    }

    @Test
    void everyCodeSection_givesCauseExampleAndFix() throws IOException {
        String[] sections = read("diagnostics.md").split("(?m)^### ");
        for (String section : Arrays.copyOfRange(sections, 1, sections.length)) {
            assertThat(section).as(section.lines().findFirst().orElse(""))
                    .contains("**Cause**").contains("**Example**").contains("**Fix**");
        }
    }

    @Test
    void theCaseFormat_namesEveryFieldCodeAndTest() throws IOException {
        String format = read("case-format.md");
        for (CaseField field : CaseField.values()) {
            assertThat(format).as(field.path()).contains(field.path().substring(field.path().indexOf('.') + 1));
        }
        Stream.of(Symptom.values(), Condition.values(), LabTest.values()).flatMap(Arrays::stream)
                .forEach(code -> assertThat(format).as(code.name()).contains(code.name()));
        assertThat(format).contains("notRecorded", "daysSinceTaken", "pregnant", "dataRequired", "staleLabs");
    }

    @Test
    void noPageSendsTheReaderOutsideTheClone() throws IOException {
        try (Stream<Path> pages = Files.walk(DOCS)) {
            for (Path page : pages.filter(Files::isRegularFile).toList()) {   // docs/safety/ too
                assertThat(Files.readString(page, StandardCharsets.UTF_8)).as(page.toString()).doesNotContain(ReadmeTest.SPEC_BESIDE_THE_CLONE);
            }
        }
    }

    private static String read(String page) throws IOException {
        return Files.readString(DOCS.resolve(page), StandardCharsets.UTF_8);
    }
}
