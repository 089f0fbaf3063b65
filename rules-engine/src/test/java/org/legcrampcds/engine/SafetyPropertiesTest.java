package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Category;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.Suppression;
import org.legcrampcds.model.Symptom;
import org.legcrampcds.model.Urgency;

/**
 * The safety guarantees of catalogue §5.6, §6 and §11.3, over random valid patients, complete and
 * partial, with current and stale labs. Urgencies and categories are checked against the catalogue's
 * own table ({@link CatalogueCodes}), not against the rule metadata the engine copies them from.
 */
@Tag("slow") // property test; jqwik's tag, which JUnit Platform filters like JUnit's (skipped by -Dquick)
class SafetyPropertiesTest {

    private static final CrampAssessor ASSESSOR = Engines.builtIn();
    private static final Map<String, String> CODE_OF_RULE = ASSESSOR.rules().stream()
            .filter(r -> r.code().isPresent())
            .collect(Collectors.toMap(RuleInfo::id, r -> r.code().get()));
    private static final Set<Symptom> SENSORY = EnumSet.of(Symptom.NUMBNESS, Symptom.TINGLING, Symptom.BURNING_FEET);
    private static final Set<Condition> REDUCED_SENSATION =
            EnumSet.of(Condition.PERIPHERAL_NEUROPATHY, Condition.DIABETES, Condition.PERIPHERAL_ARTERY_DISEASE);
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+");

    @Provide
    Arbitrary<PatientCase> patients() {
        return RandomPatients.patients();
    }

    @Property(tries = 300)
    void noInterlockEverRemovesARedFlag(@ForAll("patients") PatientCase patient) {
        Assessment result = ASSESSOR.assess(patient);
        assertThat(result.suppressed()).extracting(Suppression::code)
                .allSatisfy(code -> assertThat(CatalogueCodes.all().get(code).category()).isEqualTo(Category.SELF_CARE));
        result.firedRules().stream().map(CODE_OF_RULE::get).filter(c -> c != null && c.startsWith("RF_"))
                .forEach(redFlag -> assertThat(result.codes()).contains(redFlag));
    }

    @Property(tries = 300)
    void aRecordMissingASafetyInputNeverGetsSelfCare(@ForAll("patients") PatientCase patient) {
        Assessment result = ASSESSOR.assess(patient);
        if (!patient.safetyInputsRecorded()) {
            assertThat(result.findings()).noneMatch(f -> f.category() == Category.SELF_CARE);
            assertThat(result.suppressed()).isEmpty();
        }
        assertThat(result.recordComplete()).isEqualTo(patient.isRecordComplete());
        assertThat(result.staleLabs()).isEqualTo(patient.staleLabs());
    }

    @Property(tries = 300)
    void anEmergencyWithholdsAllSelfCare(@ForAll("patients") PatientCase patient) {
        Assessment result = ASSESSOR.assess(patient);
        boolean emergency = result.findings().stream().anyMatch(f -> f.urgency() == Urgency.EMERGENCY);
        assertThat(result.codes().contains("SAFETY_EMERGENCY_FIRST")).isEqualTo(emergency);
        if (emergency) {
            assertThat(result.findings()).noneMatch(f -> f.category() == Category.SELF_CARE);
        }
    }

    @Property(tries = 300)
    void noMassageAdviceWithSuspectedDvt(@ForAll("patients") PatientCase patient) {
        Assessment result = ASSESSOR.assess(patient);
        if (result.codes().contains("RF_DVT_SUSPECTED") || result.codes().contains("RF_PE_SUSPECTED")) {
            assertThat(result.codes()).doesNotContain("SC_MASSAGE");
            result.finding("SC_ACUTE_CRAMP_RELIEF").ifPresent(f -> assertThat(f.action()).doesNotContain("rub"));
        }
    }

    @Property(tries = 300)
    void noHeatAdviceWithReducedSensation(@ForAll("patients") PatientCase patient) {
        Assessment result = ASSESSOR.assess(patient);
        boolean reduced = patient.symptoms().stream().anyMatch(SENSORY::contains)
                || patient.conditions().stream().anyMatch(REDUCED_SENSATION::contains)
                || patient.currentLabs().stream().anyMatch(lab -> lab.test() == LabTest.HBA1C && lab.value().intValue() >= 48);
        if (reduced) {
            assertThat(result.codes()).doesNotContain("SC_HEAT");
            result.finding("SC_ACUTE_CRAMP_RELIEF").ifPresent(f -> assertThat(f.action()).doesNotContain("warm"));
        }
    }

    @Property(tries = 300)
    void noTextRecommendsMagnesiumSupplements(@ForAll("patients") PatientCase patient) {
        for (Finding finding : ASSESSOR.assess(patient).findings()) {
            for (String sentence : SENTENCE.split(finding.action())) {
                String s = sentence.toLowerCase(Locale.ROOT);
                if (s.contains("magnesium") && (s.contains("supplement") || s.contains("epsom") || s.contains("replacement"))) {
                    assertThat(s).as(finding.code() + ": " + sentence).containsAnyOf("not", "only", "unless");
                }
            }
        }
    }

    @Property(tries = 200)
    void sameInputAlwaysGivesTheSameOutput(@ForAll("patients") PatientCase patient) {
        assertThat(ASSESSOR.assess(patient)).isEqualTo(ASSESSOR.assess(patient));
    }

    @Property(tries = 300)
    void interlocksNeverChangeAnUrgency(@ForAll("patients") PatientCase patient) {
        Assessment result = ASSESSOR.assess(patient);
        result.findings().forEach(f -> assertThat(f.urgency()).as(f.code()).isEqualTo(CatalogueCodes.urgencyOf(f.code())));
        Urgency highest = result.findings().stream().map(Finding::urgency).reduce(Urgency.INFO, Urgency::max);
        assertThat(result.highestUrgency()).isEqualTo(highest);
    }
}
