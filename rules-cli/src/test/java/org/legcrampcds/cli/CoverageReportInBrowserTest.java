package org.legcrampcds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcrampcds.authoring.FixtureCheck;
import org.legcrampcds.authoring.RuleCoverage;
import org.legcrampcds.engine.Engines;

/**
 * The coverage page in a real headless browser (HtmlUnit, with JavaScript and CSS): one table per
 * rule file, never-fired rules highlighted, and the switch that shows only them.
 */
@Tag("slow") // a real headless browser (skipped by -Dquick)
class CoverageReportInBrowserTest {

    @TempDir
    Path dir;

    @Test
    void page_showsATablePerRuleFile_highlightsNeverFiredRules_andFiltersToThem() throws IOException {
        Path cases = dir.resolve("cases");
        Files.createDirectories(cases);
        Files.copy(Path.of(AuthoringCommandsTest.CASES, "CAUSE_AGE.fires.json"), cases.resolve("CAUSE_AGE.fires.json"));
        RuleCoverage coverage = RuleCoverage.measure(FixtureCheck.of(List.of(cases)).fixtures(), Engines.builtIn());
        Path html = dir.resolve("coverage.html");
        Files.writeString(html, CoverageHtml.render(coverage));

        try (WebClient browser = new WebClient(BrowserVersion.FIREFOX)) {
            browser.getOptions().setJavaScriptEnabled(true);
            browser.getOptions().setCssEnabled(true);
            browser.getOptions().setThrowExceptionOnScriptError(true);
            HtmlPage page = browser.getPage(html.toUri().toURL());

            List<DomElement> tables = page.getElementsByTagName("table").stream().map(e -> (DomElement) e).toList();
            assertThat(tables).extracting(t -> t.getAttribute("data-file"))
                    .containsExactly("10-derive.drl", "20-red-flags.drl", "30-causes.drl", "40-medication-review.drl",
                            "50-investigations.drl", "60-safety.drl", "70-self-care.drl");
            List<DomElement> never = page.querySelectorAll("tr.never-fired").stream().map(n -> (DomElement) n).toList();
            List<DomElement> fired = page.querySelectorAll("tr.fired").stream().map(n -> (DomElement) n).toList();
            assertThat(never).hasSize(coverage.neverFired().size()).isNotEmpty();
            assertThat(fired).hasSize(coverage.rules().size() - coverage.neverFired().size()).isNotEmpty();
            assertThat(page.querySelector("tr[data-rule='CAUSE-AGE-01']").getAttributes().getNamedItem("class").getNodeValue())
                    .isEqualTo("fired");
            Object neverBackground = page.executeJavaScript(
                    "getComputedStyle(document.querySelector('tr.never-fired')).backgroundColor").getJavaScriptResult();
            Object firedBackground = page.executeJavaScript(
                    "getComputedStyle(document.querySelector('tr.fired')).backgroundColor").getJavaScriptResult();
            assertThat(String.valueOf(neverBackground)).isNotBlank().isNotEqualTo(String.valueOf(firedBackground));

            assertThat(fired.get(0).isDisplayed()).isTrue();
            HtmlCheckBoxInput onlyNever = page.getHtmlElementById("only-never");
            onlyNever.click();
            assertThat(fired.get(0).isDisplayed()).as("a fired rule, once only never-fired rules are shown").isFalse();
            assertThat(never.get(0).isDisplayed()).isTrue();
        }
    }
}
