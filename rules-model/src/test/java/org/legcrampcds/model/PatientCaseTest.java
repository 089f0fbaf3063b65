package org.legcrampcds.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/** The semantic validation of catalogue §2.7: every error names its field and reason. */
class PatientCaseTest {

    private static final History HISTORY = new History(BigDecimal.ZERO, false, false, false, new BigDecimal("6"),
            new BigDecimal("1.5"), new BigDecimal("2"), false, false);
    private static final Cramps CRAMPS = new Cramps(2, new BigDecimal("3"), Set.of(CrampSite.CALF), Side.BOTH, BigDecimal.ONE);

    private static PatientCase.Builder valid() {
        return PatientCase.builder().patient(new Patient(50, Sex.FEMALE, null, null)).cramps(CRAMPS).history(HISTORY);
    }

    private static void rejects(UnaryOperator<PatientCase.Builder> change, String field, InputDiagnostic code) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> {
                    assertThat(e.errors()).extracting(ValidationError::field, ValidationError::diagnostic)
                            .contains(tuple(field, code));
                    assertThat(e.getMessage()).startsWith(e.field() + ": " + e.code() + " " + e.reason());
                });
    }

    @Test
    void validCase_buildsWithCanonicalLabs() {
        PatientCase c = valid().lab(new LabResult(LabTest.MAGNESIUM, new BigDecimal("1.1"), "mg/dL")).build();
        assertThat(c.labs()).singleElement().satisfies(lab -> {
            assertThat(lab.value()).isEqualByComparingTo("0.45");
            assertThat(lab.unit()).isEqualTo("mmol/L");
            assertThat(lab.reported().unit()).isEqualTo("mg/dL");
        });
    }

    @Test
    void missingObjects_areNamed() {
        assertThatThrownBy(() -> PatientCase.builder().build())
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.errors()).containsExactly(
                        new ValidationError("patient", InputDiagnostic.MISSING, "missing object"),
                        new ValidationError("cramps", InputDiagnostic.MISSING, "missing object"),
                        new ValidationError("history", InputDiagnostic.MISSING, "missing object")));
    }

    @Test
    void ageOutsideAdultRange_isRejected() {
        rejects(b -> b.patient(new Patient(17, Sex.MALE, null, null)), "patient.ageYears",
                InputDiagnostic.OUT_OF_RANGE);
        rejects(b -> b.patient(new Patient(121, Sex.MALE, null, null)), "patient.ageYears",
                InputDiagnostic.OUT_OF_RANGE);
    }

    @Test
    void pregnantAndPostpartum_isContradictory() {
        rejects(b -> b.patient(new Patient(30, Sex.FEMALE, 20, 2)), "patient", InputDiagnostic.CONTRADICTORY_PREGNANCY);
    }

    @Test
    void missingSex_isAMissingField() {
        rejects(b -> b.patient(new Patient(30, null, null, null)), "patient.sex", InputDiagnostic.MISSING);
    }

    @Test
    void crampNumbersOutOfRange_areRejected() {
        rejects(b -> b.cramps(new Cramps(8, BigDecimal.ONE, Set.of(CrampSite.FOOT), Side.LEFT, BigDecimal.ONE)),
                "cramps.nightsPerWeek", InputDiagnostic.OUT_OF_RANGE);
        rejects(b -> b.cramps(new Cramps(1, BigDecimal.ZERO, Set.of(CrampSite.FOOT), Side.LEFT, BigDecimal.ONE)),
                "cramps.durationMinutes", InputDiagnostic.OUT_OF_RANGE);
        rejects(b -> b.cramps(new Cramps(1, BigDecimal.ONE, Set.of(), Side.LEFT, BigDecimal.ONE)),
                "cramps.sites", InputDiagnostic.OUT_OF_RANGE);
    }

    @Test
    void historyNumberOutOfRange_isRejected() {
        rejects(b -> b.history(new History(new BigDecimal("337"), false, false, false, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, false, false)), "history.longTravelHoursLast14Days", InputDiagnostic.OUT_OF_RANGE);
    }

    @Test
    void listedDrugWithAnotherClass_isRejected() {
        rejects(b -> b.medication(new Medication(" Furosemide ", DrugClass.OTHER, null)), "medications[0].drugClass",
                InputDiagnostic.DRUG_CLASS_MISMATCH);
    }

    @Test
    void blankMedicationName_isAMissingField() {
        rejects(b -> b.medication(new Medication("  ", DrugClass.OTHER, null)), "medications[0].name", InputDiagnostic.MISSING);
    }

    @Test
    void unsupportedUnit_isRejectedNamingTheTest() {
        rejects(b -> b.lab(new LabResult(LabTest.POTASSIUM, new BigDecimal("3.2"), "mg/dL")), "labs[0].unit",
                InputDiagnostic.UNSUPPORTED_UNIT);
    }

    @Test
    void implausibleConvertedValue_isRejected() {
        rejects(b -> b.lab(new LabResult(LabTest.POTASSIUM, new BigDecimal("32"), "mmol/L")), "labs[0].value",
                InputDiagnostic.IMPLAUSIBLE_VALUE);
    }

    @Test
    void duplicateLab_isReportedAtTheLaterIndex() {
        rejects(b -> b.lab(new LabResult(LabTest.SODIUM, new BigDecimal("140"), "mmol/L"))
                .lab(new LabResult(LabTest.POTASSIUM, new BigDecimal("4"), "mmol/L"))
                .lab(new LabResult(LabTest.SODIUM, new BigDecimal("139"), "mmol/L")), "labs[2].test", InputDiagnostic.DUPLICATE_LAB_TEST);
    }

    @Test
    void upperLimitOnlyForCkAndTsh() {
        rejects(b -> b.lab(new LabResult(LabTest.POTASSIUM, new BigDecimal("4"), "mmol/L", new BigDecimal("5"))), "labs[0]",
                InputDiagnostic.UPPER_LIMIT_NOT_ALLOWED);
        rejects(b -> b.lab(new LabResult(LabTest.CK, new BigDecimal("100"), "U/L", BigDecimal.ZERO)),
                "labs[0].upperLimitOfNormal", InputDiagnostic.OUT_OF_RANGE);
    }

    @Test
    void severalErrors_areAllReported() {
        assertThatThrownBy(() -> valid().patient(new Patient(10, null, null, null))
                .lab(new LabResult(LabTest.SODIUM, new BigDecimal("140"), "g/L")).build())
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.errors()).hasSize(3));
    }

    @Test
    void codedListsAreDeduplicatedAndImmutable() {
        PatientCase c = valid().symptoms(List.of(Symptom.NUMBNESS, Symptom.NUMBNESS)).build();
        assertThat(c.symptoms()).containsExactly(Symptom.NUMBNESS);
        assertThatThrownBy(() -> c.symptoms().add(Symptom.TINGLING)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toString_carriesNoPatientData() {
        assertThat(valid().id("X-1").build().toString()).isEqualTo("PatientCase[id=X-1]");
    }

    @Test
    void genericNameTable_hasTheCatalogues57Names() {
        assertThat(GenericDrugNames.size()).isEqualTo(57);
        assertThat(GenericDrugNames.requiredClass("  Quinine Sulfate ")).contains(DrugClass.QUININE);
        assertThat(GenericDrugNames.requiredClass("omeprazole")).isEmpty();
    }

    // ------------------------------------------------------------ partial records (catalogue 11)

    @Test
    void aCompleteCase_isCompleteWithEverySafetyInput() {
        PatientCase c = valid().build();
        assertThat(c.isRecordComplete()).isTrue();
        assertThat(c.safetyInputsRecorded()).isTrue();
        assertThat(c.notRecorded()).isEmpty();
    }

    @Test
    void notRecordedFields_areHeldAsUnknownNeverAsFalseOrZero() {
        PatientCase c = PatientCase.builder().patient(new Patient(50, Sex.MALE, null, null))
                .notRecorded("cramps.*").notRecorded("history.*").otherSymptomsNotRecorded()
                .symptom(Symptom.CHEST_PAIN).build();
        assertThat(c.isRecordComplete()).isFalse();
        assertThat(c.safetyInputsRecorded()).isFalse();
        assertThat(c.cramps().nightsPerWeek()).isNull();
        assertThat(c.history().smoker()).isNull();
        assertThat(c.notRecordedFields()).hasSize(CaseField.values().length - 2).doesNotContain(CaseField.PREGNANCY_WEEKS);
        assertThat(c.notRecordedSymptoms()).hasSize(Symptom.values().length - 1).doesNotContain(Symptom.CHEST_PAIN);
        assertThat(c.notRecorded()).contains("cramps.nightsPerWeek", "history.smoker", "symptoms.COLD_PALE_LEG")
                .doesNotContain("symptoms.CHEST_PAIN");
    }

    @Test
    void onlyNonSafetyInputsNotRecorded_keepsSelfCareSafe() {
        PatientCase c = valid().history(new History(BigDecimal.ZERO, false, false, false, new BigDecimal("6"),
                new BigDecimal("1.5"), new BigDecimal("2"), null, false))
                .notRecorded(CaseField.SMOKER).symptomNotRecorded(Symptom.URGE_TO_MOVE_LEGS_AT_REST).build();
        assertThat(c.isRecordComplete()).isFalse();
        assertThat(c.safetyInputsRecorded()).isTrue();
    }

    @Test
    void theSafetyInputs_areThoseOfCatalogue11_3() {
        assertThat(java.util.Arrays.stream(CaseField.values()).filter(CaseField::isSafetyInput).map(CaseField::path))
                .containsExactlyInAnyOrder("history.longTravelHoursLast14Days", "history.immobilisedLast28Days",
                        "history.majorSurgeryLast84Days", "history.strenuousExerciseLast48Hours", "cramps.nightsPerWeek",
                        "cramps.weeksSinceOnset", "cramps.durationMinutes", "patient.pregnancyWeeks",
                        "patient.postpartumWeeks");
        assertThat(java.util.Arrays.stream(Symptom.values()).filter(s -> !s.isSafetyInput()))
                .containsExactly(Symptom.URGE_TO_MOVE_LEGS_AT_REST);
    }

    @Test
    void unknownNotRecordedEntry_isNamedByIndex() {
        rejects(b -> b.notRecorded("cramps.sites").notRecorded("cramps.colour"), "notRecorded[1]",
                InputDiagnostic.UNKNOWN_NOT_RECORDED_INPUT);
        rejects(b -> b.notRecorded("symptoms.LEG_ITCH"), "notRecorded[0]", InputDiagnostic.UNKNOWN_NOT_RECORDED_INPUT);
        rejects(b -> b.notRecorded("patient.*"), "notRecorded[0]", InputDiagnostic.UNKNOWN_NOT_RECORDED_INPUT);
    }

    @Test
    void pregnancyAndPostpartum_goTogether() {
        rejects(b -> b.notRecorded(CaseField.PREGNANCY_WEEKS), "notRecorded", InputDiagnostic.PREGNANCY_NOT_RECORDED_ALONE);
    }

    @Test
    void aNotRecordedFieldWithAValue_isRejected() {
        rejects(b -> b.notRecorded(CaseField.NIGHTS_PER_WEEK), "cramps.nightsPerWeek", InputDiagnostic.NOT_RECORDED_HAS_VALUE);
        rejects(b -> b.symptom(Symptom.CHEST_PAIN).symptomNotRecorded(Symptom.CHEST_PAIN), "symptoms[0]",
                InputDiagnostic.NOT_RECORDED_HAS_VALUE);
        rejects(b -> b.patient(new Patient(30, Sex.FEMALE, null, null, false)).pregnancyNotRecorded(), "patient.pregnant",
                InputDiagnostic.NOT_RECORDED_HAS_VALUE);
    }

    @Test
    void aMissingFieldNotListed_isMissing() {
        rejects(b -> b.cramps(new Cramps(2, BigDecimal.ONE, Set.of(CrampSite.CALF), null, BigDecimal.ONE)), "cramps.side",
                InputDiagnostic.MISSING);
        rejects(b -> b.cramps(null).notRecorded("cramps.side"), "cramps.sites", InputDiagnostic.MISSING);
        rejects(b -> b.history(History.builder().build()), "history.smoker", InputDiagnostic.MISSING);
    }

    @Test
    void pregnantFlag_mustAgreeWithTheWeeks() {
        rejects(b -> b.patient(new Patient(30, Sex.FEMALE, 20, null, false)), "patient", InputDiagnostic.CONTRADICTORY_PREGNANCY);
        rejects(b -> b.patient(new Patient(30, Sex.FEMALE, null, 3, true)), "patient", InputDiagnostic.CONTRADICTORY_PREGNANCY);
        assertThat(valid().patient(new Patient(30, Sex.FEMALE, null, null, true)).build().patient().pregnant()).isTrue();
    }

    // ------------------------------------------------------------ lab age (catalogue 12)

    @Test
    void aLabOlderThanItsWindow_isStaleAndNotCurrent() {
        PatientCase c = valid()
                .lab(new LabResult(LabTest.POTASSIUM, new BigDecimal("2.3"), "mmol/L", null, 31))
                .lab(new LabResult(LabTest.SODIUM, new BigDecimal("131"), "mmol/L", null, 30))
                .lab(new LabResult(LabTest.HBA1C, new BigDecimal("50"), "mmol/mol", null, 181))
                .build();
        assertThat(c.labs()).hasSize(3);
        assertThat(c.currentLabs()).extracting(NormalisedLab::test).containsExactly(LabTest.SODIUM);
        assertThat(c.staleLabs()).containsExactly(new StaleLab(LabTest.HBA1C, 181, 180), new StaleLab(LabTest.POTASSIUM, 31, 30));
    }

    @Test
    void theFreshnessWindows_areThoseOfCatalogue12() {
        for (LabTest test : LabTest.values()) {
            int expected = switch (test) {
                case EGFR, HAEMOGLOBIN -> 90;
                case HBA1C -> 180;
                case TSH -> 365;
                default -> 30;
            };
            assertThat(test.freshnessDays()).as(test.name()).isEqualTo(expected);
        }
    }

    @Test
    void aStaleLabIsStillValidated() {
        rejects(b -> b.lab(new LabResult(LabTest.POTASSIUM, new BigDecimal("3.2"), "mg/dL", null, 400)), "labs[0].unit",
                InputDiagnostic.UNSUPPORTED_UNIT);
        rejects(b -> b.lab(new LabResult(LabTest.POTASSIUM, new BigDecimal("3.2"), "mmol/L", null, 36501)),
                "labs[0].daysSinceTaken", InputDiagnostic.OUT_OF_RANGE);
        rejects(b -> b.lab(new LabResult(LabTest.POTASSIUM, new BigDecimal("3.2"), "mmol/L", null, -1)),
                "labs[0].daysSinceTaken", InputDiagnostic.OUT_OF_RANGE);
    }

    // ------------------------------------------------------------ the input seam

    @Test
    void aReaderReportsStructuralErrors_andTheModelDoesNotRepeatThem() {
        assertThatThrownBy(() -> valid().cramps(new Cramps(2, BigDecimal.ONE, Set.of(CrampSite.CALF), null, BigDecimal.ONE))
                .inputError("cramps.side", InputDiagnostic.UNKNOWN_CODE, "unknown side 'UP'").build())
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.errors())
                        .containsExactly(new ValidationError("cramps.side", InputDiagnostic.UNKNOWN_CODE, "unknown side 'UP'")));
    }

    @Test
    void aLocatorNamesModelErrorsInTheSourceFormat() {
        assertThatThrownBy(() -> valid().lab(new LabResult(LabTest.POTASSIUM, new BigDecimal("3.2"), "mg/dL"))
                .locatedBy(path -> path.replace("labs[0].unit", "Bundle.entry[3].resource.valueQuantity.code"))
                .sourceError("Bundle.entry[5]", InputDiagnostic.UNKNOWN_CODE, "an example").build())
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.errors())
                        .extracting(ValidationError::field)
                        .containsExactly("Bundle.entry[5]", "Bundle.entry[3].resource.valueQuantity.code"));
    }
}
