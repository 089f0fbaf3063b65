package org.legcrampcds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The impact page for sign-off in a real headless browser (HtmlUnit, with JavaScript and CSS): both
 * rule bases and the inputs, one section per patient whose result changes with the evidence of what
 * it gains, the summary per code, and the list box that shows only the patients a code concerns.
 */
class ImpactReportInBrowserTest {

    @TempDir
    Path dir;

    @Test
    void page_namesBothRuleBases_showsEachChangedPatientWithEvidence_andFiltersByCode() throws IOException {
        Path k36 = dir.resolve("k36-rules");
        assertThat(ImpactCommandTest.run("export-rules", k36.toString()).status()).isZero();
        Path csv = k36.resolve("thresholds.csv");
        Files.writeString(csv, Files.readString(csv).replace("K_LOW,POTASSIUM,<,3.5,", "K_LOW,POTASSIUM,<,3.6,"));
        // Quinine makes the interlock's QT-risk variant read K_LOW too: a second code to filter by.
        Path heldBack = ImpactCommandTest.writeHeldBack(dir.resolve("held-back"));
        Path cases = heldBack.resolve("held-back.jsonl");
        String quinine = Files.readString(cases).lines().filter(l -> l.contains("\"held-back-K-3.59\"")).findFirst().orElseThrow()
                .replace("held-back-K-3.59", "quinine-K-3.59")
                .replace("\"medications\": []", "\"medications\": [{\"name\": \"quinine sulfate\", \"drugClass\": \"QUININE\", \"startedDaysAgo\": 100}]");
        Files.writeString(cases, Files.readString(cases) + quinine + "\n");
        Path html = dir.resolve("impact.html");
        ImpactCommandTest.Result result = ImpactCommandTest.run("impact", "--rules", k36.toString(), "--as-of", "2026-12-01",
                "--format", "html", "--output", html.toString(), cases.toString());
        assertThat(result.status()).as(result.err()).isEqualTo(ImpactCommand.CHANGED);

        try (WebClient browser = new WebClient(BrowserVersion.FIREFOX)) {
            browser.getOptions().setJavaScriptEnabled(true);
            browser.getOptions().setCssEnabled(true);
            browser.getOptions().setThrowExceptionOnScriptError(true);
            HtmlPage page = browser.getPage(html.toUri().toURL());

            String baseline = page.getHtmlElementById("baseline").asNormalizedText();
            String candidate = page.getHtmlElementById("candidate").asNormalizedText();
            assertThat(baseline).contains("built-in rules").containsPattern("\\+[0-9a-f]{12}");
            assertThat(candidate).contains(k36.toString()).containsPattern("\\+[0-9a-f]{12}");
            assertThat(baseline.replace("built-in rules", "")).isNotEqualTo(candidate.replace(k36.toString(), ""));
            assertThat(page.getHtmlElementById("inputs").asNormalizedText()).contains("held-back.jsonl");
            assertThat(page.getHtmlElementById("as-of").asNormalizedText()).contains("2026-12-01");
            assertThat(page.getHtmlElementById("summary").asNormalizedText()).isEqualTo("7 compared: 4 changed, 3 unchanged, 0 invalid");

            List<DomElement> patients = sections(page);
            assertThat(patients).extracting(p -> p.getAttribute("data-case"))
                    .containsExactly("held-back-K-3.5", "held-back-K-3.55", "held-back-K-3.59", "quinine-K-3.59");
            DomElement gained = page.querySelector("section[data-case='held-back-K-3.55'] tr.gained");
            assertThat(gained.getAttribute("data-code")).isEqualTo("CAUSE_HYPOKALAEMIA");
            assertThat(gained.asNormalizedText()).contains("labs.POTASSIUM = 3.55 mmol/L (< 3.6)");
            assertThat(gained.isDisplayed()).isTrue();
            Object gainedBackground = page.executeJavaScript(
                    "getComputedStyle(document.querySelector('tr.gained')).backgroundColor").getJavaScriptResult();
            assertThat(String.valueOf(gainedBackground)).isNotBlank().isNotEqualTo("transparent");
            assertThat(page.querySelector("tr[data-code='CAUSE_HYPOKALAEMIA'] td.count").asNormalizedText()).isEqualTo("4");
            assertThat(page.getHtmlElementById("sign-off").asNormalizedText()).contains("Clinical safety officer");

            HtmlSelect filter = page.getHtmlElementById("code-filter");
            assertThat(filter.getOptions()).extracting(o -> o.getText()).contains("CAUSE_HYPOKALAEMIA", "SAFETY_QUININE");
            filter.setSelectedAttribute("SAFETY_QUININE", true);
            assertThat(patients).filteredOn(DomElement::isDisplayed).extracting(p -> p.getAttribute("data-case"))
                    .containsExactly("quinine-K-3.59");
            filter.setSelectedAttribute("", true);
            assertThat(patients).filteredOn(DomElement::isDisplayed).hasSize(4);
        }
    }

    private static List<DomElement> sections(HtmlPage page) {
        return page.querySelectorAll("section.patient").stream().map(n -> (DomElement) n).toList();
    }
}
