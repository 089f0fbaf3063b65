package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Evidence;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.rules.Thresholds;

/**
 * Texts follow the thresholds (issue 20): a threshold edit in {@code thresholds.csv} leaves no stale
 * number behind in an action text, a criterion or a rule name, and {@code validate} reports prose
 * that states a threshold as a number instead of naming it.
 */
class ThresholdTextsTest {

    /** A number standing alone, as prose states one (not the digits of HbA1c or CK_5X). */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)?(?!\\w)");

    @Test
    void builtInTexts_renderWordForWordAsTheCatalogue() throws IOException {
        // catalogue-texts.properties is finding-texts.properties as it was before texts named
        // thresholds: the catalogue's words, typed out with their numbers.
        Properties catalogue = new Properties();
        try (InputStream in = getClass().getResourceAsStream("catalogue-texts.properties")) {
            assertThat(in).isNotNull();
            catalogue.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        FindingTexts texts = Engines.builtIn().ruleBase().catalog().texts();
        assertThat(texts.keys()).containsExactlyInAnyOrderElementsOf(catalogue.stringPropertyNames());
        for (String key : catalogue.stringPropertyNames()) {
            assertThat(texts.get(key)).as(key).contains(catalogue.getProperty(key).strip()
                    .replaceAll("\\[/?[a-z0-9-]+]", ""));
        }
        // The one built-in text that states a threshold names it.
        assertThat(RuleSource.builtIn().files().get("finding-texts.properties")).contains("eGFR < {EGFR_CKD_G4_PLUS}");
    }

    @Test
    void builtInRuleNames_stateNoNumber() {
        assertThat(Engines.builtIn().ruleBase().rules()).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.name()).startsWith(rule.id() + " ");
            assertThat(NUMBER.matcher(rule.name().substring(rule.id().length())).find()).as(rule.name()).isFalse();
        });
    }

    @Test
    void editedThresholds_inAnExportedCopy_areWhatEveryTextSays() {
        Map<String, String> files = new LinkedHashMap<>(RuleSource.builtIn().files());
        files.put("thresholds.csv", edited(files.get("thresholds.csv"), "K_LOW,POTASSIUM,<,3.5,", "K_LOW,POTASSIUM,<,3.6,",
                "EGFR_CKD_G4_PLUS,EGFR,<,30,", "EGFR_CKD_G4_PLUS,EGFR,<,25,"));
        // A local text that names K_LOW, as a team might add one.
        files.put("finding-texts.properties", edited(files.get("finding-texts.properties"),
                "CAUSE_HYPOKALAEMIA.action = Low potassium may contribute.",
                "CAUSE_HYPOKALAEMIA.action = Potassium below {K_LOW} mmol/L may contribute."));
        RuleBase rules = RuleBase.build(RuleSource.ofFiles(files));

        Assessment assessment = CrampAssessor.on(rules).assess(PatientFixture.quietPatient()
                .lab(LabTest.POTASSIUM, "3.55", "mmol/L").lab(LabTest.MAGNESIUM, "0.60", "mmol/L")
                .lab(LabTest.EGFR, "28", "mL/min/1.73m2").build());

        Finding hypokalaemia = assessment.finding("CAUSE_HYPOKALAEMIA").orElseThrow();
        assertThat(hypokalaemia.action()).startsWith("Potassium below 3.6 mmol/L may contribute.");
        assertThat(hypokalaemia.evidence()).extracting(Evidence::criterion).containsExactly("< 3.6");
        assertThat(assessment.finding("CAUSE_HYPOMAGNESAEMIA").orElseThrow().action()).contains("(reduced doses if eGFR < 25)");
        // No text, criterion or rule name of the edited rule base states an old value.
        FindingTexts texts = rules.catalog().texts();
        for (String key : texts.keys()) {
            assertThat(texts.get(key).orElseThrow()).as(key).doesNotContain("3.5").doesNotContain("< 30");
        }
        assertThat(assessment.findings()).flatExtracting(Finding::evidence).extracting(Evidence::criterion)
                .noneMatch(c -> c.contains("3.5") || c.contains("30"));
        assertThat(rules.rules()).extracting(RuleInfo::name).noneMatch(n -> n.contains("3.5") || n.contains(" 30"));
    }

    @Test
    void textStatingAThresholdAsANumber_isReportedAtItsLine() {
        Map<String, String> files = new LinkedHashMap<>(RuleSource.builtIn().files());
        String texts = edited(files.get("finding-texts.properties"), "eGFR < {EGFR_CKD_G4_PLUS}", "eGFR < 30");
        files.put("finding-texts.properties", texts);
        assertThat(RuleBase.validate(RuleSource.ofFiles(files))).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("finding-texts.properties");
            assertThat(p.line()).isEqualTo(lineOf(texts, "CAUSE_HYPOMAGNESAEMIA.action"));
            assertThat(p.diagnostic()).isEqualTo(RuleDiagnostic.THRESHOLD_STATED_AS_NUMBER);
            assertThat(p.message()).contains("EGFR_CKD_G4_PLUS").contains("{EGFR_CKD_G4_PLUS}");
        });
    }

    @Test
    void placeholderOfNoThreshold_isReportedAtItsLine() {
        Map<String, String> files = new LinkedHashMap<>(RuleSource.builtIn().files());
        String texts = edited(files.get("finding-texts.properties"), "{EGFR_CKD_G4_PLUS}", "{EGFR_CKD_G4}");
        files.put("finding-texts.properties", texts);
        assertThat(RuleBase.validate(RuleSource.ofFiles(files))).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("finding-texts.properties");
            assertThat(p.line()).isEqualTo(lineOf(texts, "CAUSE_HYPOMAGNESAEMIA.action"));
            assertThat(p.diagnostic()).isEqualTo(RuleDiagnostic.UNKNOWN_THRESHOLD);
            assertThat(p.message()).contains("{EGFR_CKD_G4}");
        });
    }

    @Test
    void ruleNameStatingAThreshold_isReportedAtItsRule() {
        Map<String, String> files = new LinkedHashMap<>(RuleSource.builtIn().files());
        String causes = edited(files.get("30-causes.drl"), "rule \"CAUSE-K-01 Potassium below K_LOW\"",
                "rule \"CAUSE-K-01 Potassium below 3.5 mmol/L\"");
        files.put("30-causes.drl", causes);
        assertThat(RuleBase.validate(RuleSource.ofFiles(files))).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("30-causes.drl");
            assertThat(p.line()).isEqualTo(lineOf(causes, "rule \"CAUSE-K-01"));
            assertThat(p.diagnostic()).isEqualTo(RuleDiagnostic.THRESHOLD_STATED_AS_NUMBER);
            assertThat(p.message()).contains("CAUSE-K-01").contains("K_LOW");
        });
    }

    @Test
    void labCriterionStatingAThreshold_isReportedAtItsLine() {
        Map<String, String> files = new LinkedHashMap<>(RuleSource.builtIn().files());
        String derive = edited(files.get("10-derive.drl"), "Indicator.lab( State.K_LOW, $lab, thresholds.criterion( \"K_LOW\" ) )",
                "Indicator.lab( State.K_LOW, $lab, \"< 3.5\" )");
        files.put("10-derive.drl", derive);
        assertThat(RuleBase.validate(RuleSource.ofFiles(files))).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("10-derive.drl");
            assertThat(p.line()).isEqualTo(lineOf(derive, "Indicator.lab( State.K_LOW, $lab, \"< 3.5\" )"));
            assertThat(p.diagnostic()).isEqualTo(RuleDiagnostic.THRESHOLD_STATED_AS_NUMBER);
            assertThat(p.message()).contains("thresholds.criterion( \"K_LOW\" )");
        });
    }

    @Test
    void numbersThatAreNotLabThresholds_areLeftAlone() {
        Thresholds table = Engines.builtIn().ruleBase().thresholdTable();
        // Equal to threshold values (60, 30, 3.0, 4.0, 2.00), but ages, times and counts.
        assertThat(ThresholdMentions.stated("Night cramps become more common with age (about one in three people over 60).", table, false)).isEmpty();
        assertThat(ThresholdMentions.stated("Break up long sitting or standing every 30-60 minutes.", table, false)).isEmpty();
        assertThat(ThresholdMentions.stated("hold 10-30 s, repeat 3 times each leg", table, false)).isEmpty();
        assertThat(ThresholdMentions.stated("If \"likely\" (2 points or more), ultrasound within 4 h.", table, false)).isEmpty();
        assertThat(ThresholdMentions.stated("CK_5X, HbA1c and DVT_FEATURES_2_PLUS are names, not numbers", table, false)).isEmpty();
        // The same values where they are a test's threshold.
        assertThat(ThresholdMentions.stated("reduced doses if eGFR < 30", table, false))
                .extracting(s -> s.threshold().id()).containsExactly("EGFR_CKD_G4_PLUS");
        assertThat(ThresholdMentions.stated("a value below 3.5 mmol/L", table, false))
                .extracting(s -> s.threshold().id()).containsExactly("K_LOW");
        assertThat(ThresholdMentions.stated("CK of 5×ULN", table, false))
                .extracting(s -> s.threshold().id()).containsExactly("CK_5X");
        assertThat(ThresholdMentions.stated("Sodium below 130: no extra drinks", table, false))
                .extracting(s -> s.threshold().id()).containsExactly("NA_MODERATE_LOW");
    }

    private static String edited(String text, String... fromTo) {
        String result = text;
        for (int i = 0; i < fromTo.length; i += 2) {
            assertThat(result).as("the edit this test makes").contains(fromTo[i]);
            result = result.replace(fromTo[i], fromTo[i + 1]);
        }
        return result;
    }

    private static int lineOf(String text, String needle) {
        return 1 + (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count();
    }
}
