package org.legcrampcds.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.Engines;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Category;
import org.legcrampcds.model.DataRequired;
import org.legcrampcds.model.Evidence;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.Suppression;
import org.legcrampcds.model.Urgency;

/**
 * What counts as a change for a patient: a finding gained or lost, the highest urgency, withheld
 * advice or questions; a finding both sides give with other words is reworded, counted per code but
 * not a change of outcome.
 */
class ImpactAnalysisTest {

    private static final Finding K_LOW_35 = finding("CAUSE_HYPOKALAEMIA", Urgency.SOON, "< 3.5");
    private static final Finding K_LOW_36 = finding("CAUSE_HYPOKALAEMIA", Urgency.SOON, "< 3.6");
    private static final Finding STRETCH = finding("SC_STRETCHING", Urgency.INFO, "present");

    private final CrampAssessor builtIn = Engines.builtIn();

    @Test
    void aFindingGained_isAChange_withTheUrgencyChangeAndTheRulesThatFired() {
        ImpactAnalysis impact = ImpactAnalysis.between(builtIn, builtIn);

        PatientImpact p = impact.compare(result(Urgency.INFO, List.of(STRETCH), List.of("SC-STRETCH-01")),
                result(Urgency.SOON, List.of(K_LOW_36, STRETCH), List.of("CAUSE-K-01", "DRV-K-LOW", "SC-STRETCH-01")), "a.json");

        assertThat(p.changed()).isTrue();
        assertThat(p.gained()).containsExactly(K_LOW_36);
        assertThat(p.lost()).isEmpty();
        assertThat(p.rulesGained()).containsExactly("CAUSE-K-01", "DRV-K-LOW");
        ImpactReport report = impact.report();
        assertThat(report.changed()).containsExactly(p);
        assertThat(report.urgencyChanges()).containsExactly(java.util.Map.entry("INFO -> SOON", 1));
        assertThat(report.byCode()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("CAUSE_HYPOKALAEMIA");
            assertThat(c.gained()).isEqualTo(1);
        });
    }

    @Test
    void aRewording_isCountedPerCode_butIsNoChangeOfOutcome() {
        ImpactAnalysis impact = ImpactAnalysis.between(builtIn, builtIn);

        PatientImpact p = impact.compare(result(Urgency.SOON, List.of(K_LOW_35), List.of("CAUSE-K-01")),
                result(Urgency.SOON, List.of(K_LOW_36), List.of("CAUSE-K-01")), "b.json");

        assertThat(p.changed()).isFalse();
        assertThat(p.reworded()).extracting(PatientImpact.Rewording::code).containsExactly("CAUSE_HYPOKALAEMIA");
        ImpactReport report = impact.report();
        assertThat(report.noChange()).isTrue();
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.byCode()).singleElement().satisfies(c -> {
            assertThat(c.reworded()).isEqualTo(1);
            assertThat(c.gained() + c.lost()).isZero();
            assertThat(c.example().baseline()).isEqualTo(K_LOW_35);
        });
    }

    @Test
    void withheldAdviceAndQuestions_areChangesToo() {
        ImpactAnalysis impact = ImpactAnalysis.between(builtIn, builtIn);
        Assessment before = result(Urgency.INFO, List.of(), List.of());
        Assessment after = new Assessment("c", "v2", Urgency.INFO, List.of(),
                List.of(new Suppression("SC_MASSAGE", List.of("SAFETY_NO_MASSAGE_SUSPECTED_DVT"))), List.of(), false,
                List.of(new DataRequired("symptoms.CHEST_PAIN", List.of("RF_CARDIORESPIRATORY_SYMPTOMS"))), List.of());

        PatientImpact p = impact.compare(before, after, "c.json");

        assertThat(p.changed()).isTrue();
        assertThat(p.urgencyChanged()).isFalse();
        assertThat(p.suppressedGained()).extracting(Suppression::code).containsExactly("SC_MASSAGE");
        assertThat(p.dataRequiredGained()).extracting(DataRequired::input).containsExactly("symptoms.CHEST_PAIN");
        assertThat(p.codes()).containsExactly("SC_MASSAGE");
    }

    private static Assessment result(Urgency highest, List<Finding> findings, List<String> fired) {
        return new Assessment("c", "v", highest, findings, List.of(), fired, true, List.of(), List.of());
    }

    private static Finding finding(String code, Urgency urgency, String criterion) {
        return new Finding(code, Category.CAUSE, urgency, "title", "action",
                List.of(new Evidence("labs.POTASSIUM", new BigDecimal("3.55"), "mmol/L", criterion)), List.of("CKS"), "R-1",
                List.of(), List.of());
    }
}
