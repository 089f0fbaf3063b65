package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
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
            Map<String, Urgency> fullRun = CrampAssessor.redFlags(assessor.execution().fire(facts, RuleGroups.toAssess(patient)));
            assertThat(fullRun).as(patient.toString())
                    .isEqualTo(CrampAssessor.redFlags(assessor.execution().fire(facts, RuleGroups.UP_TO_RED_FLAGS)));
        }
    }
}
