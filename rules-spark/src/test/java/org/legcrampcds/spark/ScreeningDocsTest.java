package org.legcrampcds.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every code the screening job emits is explained exactly once in docs/diagnostics.md, in code order, with cause, example and fix. */
class ScreeningDocsTest {

    private static final Pattern HEADING = Pattern.compile("^### (LCC-S\\d{3}) \\S", Pattern.MULTILINE);

    @Test
    void everyScreeningCode_isExplainedOnce_withCauseExampleAndFix() throws IOException {
        String page = Files.readString(Exports.fixtures("docs.dir").resolve("diagnostics.md"), StandardCharsets.UTF_8);
        Matcher m = HEADING.matcher(page);
        List<String> documented = new ArrayList<>();
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).containsExactlyElementsOf(
                Arrays.stream(ScreeningDiagnostic.values()).map(ScreeningDiagnostic::code).toList());
        for (String section : page.split("(?m)^### ")) {
            if (section.startsWith("LCC-S")) {
                assertThat(section).as(section.lines().findFirst().orElse(""))
                        .contains("**Cause**").contains("**Example**").contains("**Fix**");
            }
        }
    }
}
