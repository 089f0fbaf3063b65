package org.legcrampcds.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static void rejects(UnaryOperator<PatientCase.Builder> change, String field, String reason) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> {
                    assertThat(e.errors()).contains(new ValidationError(field, reason));
                    assertThat(e.getMessage()).startsWith(e.field() + ": " + e.reason());
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
                        new ValidationError("patient", "missing object"),
                        new ValidationError("cramps", "missing object"),
                        new ValidationError("history", "missing object")));
    }

    @Test
    void ageOutsideAdultRange_isRejected() {
        rejects(b -> b.patient(new Patient(17, Sex.MALE, null, null)), "patient.ageYears",
                "out of range: must be an integer between 18 and 120");
        rejects(b -> b.patient(new Patient(121, Sex.MALE, null, null)), "patient.ageYears",
                "out of range: must be an integer between 18 and 120");
    }

    @Test
    void pregnantAndPostpartum_isContradictory() {
        rejects(b -> b.patient(new Patient(30, Sex.FEMALE, 20, 2)), "patient", "contradictory pregnancy state");
    }

    @Test
    void missingSex_isAMissingField() {
        rejects(b -> b.patient(new Patient(30, null, null, null)), "patient.sex", "missing field");
    }

    @Test
    void crampNumbersOutOfRange_areRejected() {
        rejects(b -> b.cramps(new Cramps(8, BigDecimal.ONE, Set.of(CrampSite.FOOT), Side.LEFT, BigDecimal.ONE)),
                "cramps.nightsPerWeek", "out of range: must be an integer between 0 and 7");
        rejects(b -> b.cramps(new Cramps(1, BigDecimal.ZERO, Set.of(CrampSite.FOOT), Side.LEFT, BigDecimal.ONE)),
                "cramps.durationMinutes", "out of range: must be greater than 0 and at most 240");
        rejects(b -> b.cramps(new Cramps(1, BigDecimal.ONE, Set.of(), Side.LEFT, BigDecimal.ONE)),
                "cramps.sites", "out of range: must name at least one site");
    }

    @Test
    void historyNumberOutOfRange_isRejected() {
        rejects(b -> b.history(new History(new BigDecimal("337"), false, false, false, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, false, false)), "history.longTravelHoursLast14Days", "out of range: must be between 0 and 336");
    }

    @Test
    void listedDrugWithAnotherClass_isRejected() {
        rejects(b -> b.medication(new Medication(" Furosemide ", DrugClass.OTHER, null)), "medications[0].drugClass",
                "must be LOOP_DIURETIC");
    }

    @Test
    void blankMedicationName_isAMissingField() {
        rejects(b -> b.medication(new Medication("  ", DrugClass.OTHER, null)), "medications[0].name", "missing field");
    }

    @Test
    void unsupportedUnit_isRejectedNamingTheTest() {
        rejects(b -> b.lab(new LabResult(LabTest.POTASSIUM, new BigDecimal("3.2"), "mg/dL")), "labs[0].unit",
                "unsupported unit 'mg/dL' for POTASSIUM");
    }

    @Test
    void implausibleConvertedValue_isRejected() {
        rejects(b -> b.lab(new LabResult(LabTest.POTASSIUM, new BigDecimal("32"), "mmol/L")), "labs[0].value",
                "implausible value: 32.00 mmol/L is outside 1.0-10.0");
    }

    @Test
    void duplicateLab_isReportedAtTheLaterIndex() {
        rejects(b -> b.lab(new LabResult(LabTest.SODIUM, new BigDecimal("140"), "mmol/L"))
                .lab(new LabResult(LabTest.POTASSIUM, new BigDecimal("4"), "mmol/L"))
                .lab(new LabResult(LabTest.SODIUM, new BigDecimal("139"), "mmol/L")), "labs[2].test", "duplicate lab test");
    }

    @Test
    void upperLimitOnlyForCkAndTsh() {
        rejects(b -> b.lab(new LabResult(LabTest.POTASSIUM, new BigDecimal("4"), "mmol/L", new BigDecimal("5"))), "labs[0]",
                "upperLimitOfNormal not allowed for POTASSIUM");
        rejects(b -> b.lab(new LabResult(LabTest.CK, new BigDecimal("100"), "U/L", BigDecimal.ZERO)),
                "labs[0].upperLimitOfNormal", "out of range: must be greater than 0");
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
}
