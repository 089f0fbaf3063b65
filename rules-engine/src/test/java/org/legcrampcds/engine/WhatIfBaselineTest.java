package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.legcrampcds.model.Category;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.Urgency;

/**
 * The what-ifs of {@code dataRequired} are compared with the red flags of the assessment's own run
 * instead of a separate run of the derive and red-flag groups. That is only right if the later
 * groups can never add or remove a red flag: this holds it, for random records, complete and partial.
 */
class WhatIfBaselineTest {

    @Test
    void theFullRunHasExactlyTheRedFlagsOfTheRedFlagGroupsAlone() {
        CrampAssessor assessor = Engines.builtIn();
        List<PatientCase> patients = RandomPatients.patients().sampleStream().limit(1_500).toList();
        for (PatientCase patient : patients) {
            CaseFacts facts = CaseFacts.of(patient);
            List<String> groups = patient.safetyInputsRecorded() ? RuleGroups.IN_ORDER : RuleGroups.WITHOUT_SELF_CARE;
            assertThat(redFlags(assessor.execution().fire(facts, groups))).as(patient.toString())
                    .isEqualTo(redFlags(assessor.execution().fire(facts, RuleGroups.UP_TO_RED_FLAGS)));
        }
    }

    private static Map<String, Urgency> redFlags(List<Firing> firings) {
        Map<String, Urgency> codes = new TreeMap<>();
        firings.stream().filter(f -> f.rule().category() == Category.RED_FLAG).forEach(f -> codes.put(f.rule().code(), f.rule().urgency()));
        return codes;
    }
}
