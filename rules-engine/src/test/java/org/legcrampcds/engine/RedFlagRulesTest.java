package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.legcrampcds.engine.Assess.doesNotFire;
import static org.legcrampcds.engine.Assess.fires;
import static org.legcrampcds.engine.PatientFixture.quietPatient;
import static org.legcrampcds.model.Condition.*;
import static org.legcrampcds.model.Symptom.*;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.Sex;
import org.legcrampcds.model.Urgency;

/** Each of the 17 red flags of catalogue §5.1, both ways, at the edges of its trigger. */
class RedFlagRulesTest {

    @Nested
    class DvtSuspected {
        @Test
        void unilateralCalfSwelling_aloneFires() {
            Finding f = fires(quietPatient().symptoms(CALF_SWELLING_UNILATERAL), "RF_DVT_SUSPECTED");
            assertThat(f.urgency()).isEqualTo(Urgency.URGENT);
            assertThat(f.ruleId()).isEqualTo("RF-DVT-01");
            assertThat(f.sources()).contains("NG158", "004_28b1a48e951987a6.txt");
        }

        @Test
        void twoDvtFeatures_fire() {
            fires(quietPatient().symptoms(LEG_REDNESS, LEG_WARMTH), "RF_DVT_SUSPECTED");
        }

        @Test
        void oneFeatureWithFourHourJourney_fires() {
            Finding f = fires(quietPatient().symptoms(CALF_TENDERNESS).travelHours("4"), "RF_DVT_SUSPECTED");
            assertThat(f.evidence()).extracting(e -> e.fact() + " " + e.criterion())
                    .contains("symptoms present", "history.longTravelHoursLast14Days >= 4");
        }

        @Test
        void oneFeatureSixWeeksPostpartum_fires() {
            fires(quietPatient().symptoms(LEG_WARMTH).postpartumWeeks(6), "RF_DVT_SUSPECTED");
        }

        @Test
        void tendernessAlone_doesNotFire() {
            doesNotFire(quietPatient().symptoms(CALF_TENDERNESS), "RF_DVT_SUSPECTED");
        }

        @Test
        void oneFeatureWithJustUnderFourHoursTravel_doesNotFire() {
            doesNotFire(quietPatient().symptoms(CALF_TENDERNESS).travelHours("3.9"), "RF_DVT_SUSPECTED");
        }

        @Test
        void oneFeatureSevenWeeksPostpartum_doesNotFire() {
            doesNotFire(quietPatient().symptoms(LEG_REDNESS).postpartumWeeks(7), "RF_DVT_SUSPECTED");
        }
    }

    @Nested
    class PeSuspected {
        @Test
        void breathlessWithVteRisk_fires() {
            Finding f = fires(quietPatient().symptoms(SHORTNESS_OF_BREATH).medication("desogestrel", DrugClass.ORAL_CONTRACEPTIVE),
                    "RF_PE_SUSPECTED");
            assertThat(f.urgency()).isEqualTo(Urgency.EMERGENCY);
        }

        @Test
        void chestPainWithCalfSwelling_fires() {
            fires(quietPatient().symptoms(CHEST_PAIN, CALF_SWELLING_UNILATERAL), "RF_PE_SUSPECTED");
        }

        @Test
        void chestPainWithOneFeatureAndNoRisk_doesNotFire() {
            doesNotFire(quietPatient().symptoms(CHEST_PAIN, CALF_TENDERNESS), "RF_PE_SUSPECTED");
        }
    }

    @Nested
    class CardiorespiratorySymptoms {
        @Test
        void chestPainWithoutClotPicture_fires() {
            fires(quietPatient().symptoms(CHEST_PAIN), "RF_CARDIORESPIRATORY_SYMPTOMS");
        }

        @Test
        void breathlessAfterSurgery_isPeInstead() {
            doesNotFire(quietPatient().symptoms(SHORTNESS_OF_BREATH).majorSurgery(), "RF_CARDIORESPIRATORY_SYMPTOMS");
        }
    }

    @Nested
    class AcuteLimbIschaemia {
        @Test
        void coldPaleLeg_fires() {
            assertThat(fires(quietPatient().symptoms(COLD_PALE_LEG), "RF_ACUTE_LIMB_ISCHAEMIA").urgency())
                    .isEqualTo(Urgency.EMERGENCY);
        }

        @Test
        void numbnessAlone_doesNotFire() {
            doesNotFire(quietPatient().symptoms(NUMBNESS), "RF_ACUTE_LIMB_ISCHAEMIA");
        }
    }

    @Nested
    class PadClaudication {
        @Test
        void painOnWalking_fires() {
            fires(quietPatient().symptoms(PAIN_ON_WALKING_RELIEVED_BY_REST), "RF_PAD_CLAUDICATION");
        }

        @Test
        void painOnWalkingWithKnownPad_doesNotFire() {
            doesNotFire(quietPatient().symptoms(PAIN_ON_WALKING_RELIEVED_BY_REST).conditions(PERIPHERAL_ARTERY_DISEASE),
                    "RF_PAD_CLAUDICATION");
        }
    }

    @Nested
    class PeripheralNeuropathy {
        @Test
        void burningFeet_fireEvenWithBackPain() {
            fires(quietPatient().symptoms(BURNING_FEET, LOW_BACK_PAIN), "RF_PERIPHERAL_NEUROPATHY");
        }

        @Test
        void tinglingWithoutBackPain_fires() {
            fires(quietPatient().symptoms(TINGLING), "RF_PERIPHERAL_NEUROPATHY");
        }

        @Test
        void numbnessWithRadiatingPain_doesNotFire() {
            doesNotFire(quietPatient().symptoms(NUMBNESS, RADIATING_LEG_PAIN), "RF_PERIPHERAL_NEUROPATHY");
        }

        @Test
        void knownNeuropathy_doesNotFire() {
            doesNotFire(quietPatient().symptoms(BURNING_FEET).conditions(PERIPHERAL_NEUROPATHY), "RF_PERIPHERAL_NEUROPATHY");
        }
    }

    @Nested
    class NerveRootCompression {
        @Test
        void radiatingLegPain_fires() {
            fires(quietPatient().symptoms(RADIATING_LEG_PAIN), "RF_NERVE_ROOT_COMPRESSION");
        }

        @Test
        void weaknessOverridesKnownDisc() {
            fires(quietPatient().symptoms(LOW_BACK_PAIN, MUSCLE_WEAKNESS).conditions(HERNIATED_DISC), "RF_NERVE_ROOT_COMPRESSION");
        }

        @Test
        void backPainWithTinglingAndKnownStenosis_doesNotFire() {
            doesNotFire(quietPatient().symptoms(LOW_BACK_PAIN, TINGLING).conditions(LUMBAR_SPINAL_STENOSIS),
                    "RF_NERVE_ROOT_COMPRESSION");
        }

        @Test
        void backPainAlone_doesNotFire() {
            doesNotFire(quietPatient().symptoms(LOW_BACK_PAIN), "RF_NERVE_ROOT_COMPRESSION");
        }
    }

    @Nested
    class CaudaEquina {
        @Test
        void saddleNumbness_fires() {
            assertThat(fires(quietPatient().symptoms(SADDLE_NUMBNESS), "RF_CAUDA_EQUINA").urgency()).isEqualTo(Urgency.EMERGENCY);
        }

        @Test
        void bladderChangeWithBackPain_fires() {
            fires(quietPatient().symptoms(BLADDER_OR_BOWEL_DYSFUNCTION, LOW_BACK_PAIN), "RF_CAUDA_EQUINA");
        }

        @Test
        void cancerWithBackPainAndWeakness_fires() {
            fires(quietPatient().conditions(ACTIVE_CANCER).symptoms(LOW_BACK_PAIN, MUSCLE_WEAKNESS), "RF_CAUDA_EQUINA");
        }

        @Test
        void bladderChangeWithoutPain_doesNotFire() {
            doesNotFire(quietPatient().symptoms(BLADDER_OR_BOWEL_DYSFUNCTION), "RF_CAUDA_EQUINA");
        }

        @Test
        void cancerWithBackPainOnly_doesNotFire() {
            doesNotFire(quietPatient().conditions(ACTIVE_CANCER).symptoms(LOW_BACK_PAIN), "RF_CAUDA_EQUINA");
        }
    }

    @Nested
    class SpinalMetastasisRisk {
        @Test
        void cancerWithBackPain_fires() {
            fires(quietPatient().conditions(ACTIVE_CANCER).symptoms(LOW_BACK_PAIN), "RF_SPINAL_METASTASIS_RISK");
        }

        @Test
        void cancerWithRadiatingPainOnly_doesNotFire() {
            doesNotFire(quietPatient().conditions(ACTIVE_CANCER).symptoms(RADIATING_LEG_PAIN), "RF_SPINAL_METASTASIS_RISK");
        }
    }

    @Nested
    class NeuromuscularDisease {
        @Test
        void wasting_fires() {
            fires(quietPatient().symptoms(MUSCLE_WASTING), "RF_NEUROMUSCULAR_DISEASE");
        }

        @Test
        void ckFiveTimesDefaultUln_fires() {
            Finding f = fires(quietPatient().lab(LabTest.CK, "1000", "U/L"), "RF_NEUROMUSCULAR_DISEASE");
            assertThat(f.evidence()).extracting(Object::toString)
                    .contains("labs.CK = 1000 U/L (>= 5 x ckUln)", "ckUln = 200 U/L (default)");
        }

        @Test
        void ckJustUnderFiveTimesSuppliedUln_doesNotFire() {
            doesNotFire(quietPatient().lab(LabTest.CK, "1499", "U/L", "300"), "RF_NEUROMUSCULAR_DISEASE");
        }

        @Test
        void fasciculationsAlone_doNotFire() {
            doesNotFire(quietPatient().symptoms(FASCICULATIONS), "RF_NEUROMUSCULAR_DISEASE");
        }

        @Test
        void weaknessOnAStatin_isStatinMyopathyInstead() {
            doesNotFire(quietPatient().symptoms(MUSCLE_WEAKNESS).medication("simvastatin", DrugClass.STATIN),
                    "RF_NEUROMUSCULAR_DISEASE");
        }

        @Test
        void highCkAfterHardExercise_doesNotFire() {
            doesNotFire(quietPatient().lab(LabTest.CK, "5000", "U/L").strenuousExercise(), "RF_NEUROMUSCULAR_DISEASE");
        }
    }

    @Nested
    class StatinMyopathy {
        @Test
        void diffusePainOnAStatin_fires() {
            fires(quietPatient().symptoms(DIFFUSE_MUSCLE_PAIN).medication("atorvastatin", DrugClass.STATIN),
                    "RF_STATIN_MYOPATHY");
        }

        @Test
        void statinWithoutMuscleSymptoms_doesNotFire() {
            doesNotFire(quietPatient().medication("atorvastatin", DrugClass.STATIN).lab(LabTest.CK, "999", "U/L"),
                    "RF_STATIN_MYOPATHY");
        }
    }

    @Nested
    class RhabdomyolysisSuspected {
        @Test
        void darkUrineAfterHardExercise_fires() {
            fires(quietPatient().symptoms(DARK_URINE).strenuousExercise(), "RF_RHABDOMYOLYSIS_SUSPECTED");
        }

        @Test
        void darkUrineAlone_doesNotFire() {
            doesNotFire(quietPatient().symptoms(DARK_URINE), "RF_RHABDOMYOLYSIS_SUSPECTED");
        }
    }

    @Nested
    class SevereElectrolyteDisturbance {
        @Test
        void magnesiumInMgPerDlBelowHalf_firesWithCanonicalEvidence() {
            Finding f = fires(quietPatient().lab(LabTest.MAGNESIUM, "1.1", "mg/dL"), "RF_SEVERE_ELECTROLYTE_DISTURBANCE");
            assertThat(f.evidence()).extracting(Object::toString).contains("labs.MAGNESIUM = 0.45 mmol/L (< 0.50)");
        }

        @Test
        void calciumOfExactly350_fires() {
            fires(quietPatient().lab(LabTest.ADJUSTED_CALCIUM, "3.50", "mmol/L"), "RF_SEVERE_ELECTROLYTE_DISTURBANCE");
        }

        @Test
        void potassiumOfExactly25_doesNotFire() {
            doesNotFire(quietPatient().lab(LabTest.POTASSIUM, "2.5", "mmol/L"), "RF_SEVERE_ELECTROLYTE_DISTURBANCE");
        }

        @Test
        void sodiumOf125_doesNotFire() {
            doesNotFire(quietPatient().lab(LabTest.SODIUM, "125", "mmol/L"), "RF_SEVERE_ELECTROLYTE_DISTURBANCE");
        }
    }

    @Nested
    class CriticalLabValue {
        @Test
        void potassiumOf25_fires() {
            fires(quietPatient().lab(LabTest.POTASSIUM, "2.5", "mmol/L"), "RF_CRITICAL_LAB_VALUE");
        }

        @Test
        void glucoseOf52MgPerDl_fires() {
            Finding f = fires(quietPatient().lab(LabTest.GLUCOSE, "52", "mg/dL"), "RF_CRITICAL_LAB_VALUE");
            assertThat(f.evidence()).extracting(Object::toString).contains("labs.GLUCOSE = 2.9 mmol/L (< 3.0)");
        }

        @Test
        void eGfrBelow15WithoutKidneyDisease_fires() {
            fires(quietPatient().lab(LabTest.EGFR, "14", "mL/min/1.73m2"), "RF_CRITICAL_LAB_VALUE");
        }

        @Test
        void eGfrBelow15OnDialysis_doesNotFire() {
            doesNotFire(quietPatient().lab(LabTest.EGFR, "14", "mL/min/1.73m2").conditions(DIALYSIS), "RF_CRITICAL_LAB_VALUE");
        }

        @Test
        void potassiumOf65_isSevereNotCritical() {
            doesNotFire(quietPatient().lab(LabTest.POTASSIUM, "6.5", "mmol/L"), "RF_CRITICAL_LAB_VALUE");
        }

        @Test
        void haemoglobinOf70_doesNotFire() {
            doesNotFire(quietPatient().lab(LabTest.HAEMOGLOBIN, "7.0", "g/dL").sex(Sex.MALE), "RF_CRITICAL_LAB_VALUE");
        }
    }

    @Nested
    class AdrenalCrisisRisk {
        @Test
        void addisonsWithVomiting_fires() {
            fires(quietPatient().conditions(ADDISONS_DISEASE).symptoms(VOMITING), "RF_ADRENAL_CRISIS_RISK");
        }

        @Test
        void addisonsWithSweating_doesNotFire() {
            doesNotFire(quietPatient().conditions(ADDISONS_DISEASE).symptoms(HEAVY_SWEATING), "RF_ADRENAL_CRISIS_RISK");
        }
    }

    @Nested
    class LithiumToxicityRisk {
        @Test
        void lithiumWithTwitching_fires() {
            fires(quietPatient().medication("lithium carbonate", DrugClass.LITHIUM).symptoms(FASCICULATIONS),
                    "RF_LITHIUM_TOXICITY_RISK");
        }

        @Test
        void lithiumWithNumbness_doesNotFire() {
            doesNotFire(quietPatient().medication("lithium carbonate", DrugClass.LITHIUM).symptoms(NUMBNESS),
                    "RF_LITHIUM_TOXICITY_RISK");
        }
    }

    @Nested
    class PersistentCramps {
        @Test
        void threeNightsForFourWeeks_fires() {
            fires(quietPatient().nightsPerWeek(3).weeksSinceOnset("4"), "RF_PERSISTENT_CRAMPS");
        }

        @Test
        void crampsLongerThanTenMinutes_fire() {
            fires(quietPatient().durationMinutes("10.5"), "RF_PERSISTENT_CRAMPS");
        }

        @Test
        void threeNightsForJustUnderFourWeeks_doesNotFire() {
            doesNotFire(quietPatient().nightsPerWeek(3).weeksSinceOnset("3.9").durationMinutes("10"), "RF_PERSISTENT_CRAMPS");
        }
    }
}
