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

import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Category;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.Suppression;
import org.legcrampcds.model.Symptom;
import org.legcrampcds.model.Urgency;

/** The safety guarantees of catalogue §5.6 and §6, over random valid patients. */
class SafetyPropertiesTest {

    private static final CrampAssessor ASSESSOR = Engines.builtIn();
    private static final Map<String, Urgency> DECLARED_URGENCY = ASSESSOR.rules().stream()
            .filter(r -> r.code().isPresent())
            .collect(Collectors.toMap(r -> r.code().get(), r -> r.urgency().get(), (a, b) -> a));
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
        assertThat(result.suppressed()).extracting(Suppression::code).allMatch(code -> code.startsWith("SC_"));
        result.firedRules().stream().map(CODE_OF_RULE::get).filter(c -> c != null && c.startsWith("RF_"))
                .forEach(redFlag -> assertThat(result.codes()).contains(redFlag));
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
                || patient.conditions().stream().anyMatch(REDUCED_SENSATION::contains);
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
        result.findings().forEach(f -> assertThat(f.urgency()).as(f.code()).isEqualTo(DECLARED_URGENCY.get(f.code())));
        Urgency highest = result.findings().stream().map(Finding::urgency).reduce(Urgency.INFO, Urgency::max);
        assertThat(result.highestUrgency()).isEqualTo(highest);
    }
}
