package org.legcrampcds.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * Whatever arrives (nulls, negative or huge numbers, odd units, listed names under wrong classes),
 * building a case either succeeds or fails with an {@link InvalidCaseException} naming a field:
 * never any other exception.
 */
@Tag("slow") // property test; jqwik's tag, which JUnit Platform filters like JUnit's (skipped by -Dquick)
class ValidationPropertiesTest {

    @Property(tries = 2000)
    void anyInput_isAcceptedOrRejectedWithAFieldNeverAnotherException(@ForAll("builders") PatientCase.Builder builder) {
        try {
            PatientCase built = builder.build();
            assertThat(built.labs()).allSatisfy(lab -> assertThat(lab.test().isPlausible(lab.value())).isTrue());
        } catch (InvalidCaseException e) {
            assertThat(e.errors()).isNotEmpty().allSatisfy(error -> {
                assertThat(error.field()).isNotBlank();
                assertThat(error.reason()).isNotBlank();
            });
        }
    }

    @Provide
    Arbitrary<PatientCase.Builder> builders() {
        Arbitrary<BigDecimal> anyNumber = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("100000")).ofScale(3),
                Arbitraries.of(BigDecimal.ZERO, new BigDecimal("1E+9"), new BigDecimal("-0.0001"), new BigDecimal("1E-30")))
                .injectNull(0.1);
        Arbitrary<Integer> anyInt = Arbitraries.integers().between(-10, 40000).injectNull(0.1);
        Arbitrary<Patient> patient = Combinators.combine(Arbitraries.integers().between(-5, 200),
                Arbitraries.of(Sex.class).injectNull(0.1), anyInt, anyInt).as(Patient::new).injectNull(0.05);
        Arbitrary<Cramps> cramps = Combinators.combine(Arbitraries.integers().between(-2, 10), anyNumber,
                Arbitraries.of(CrampSite.class).set(), Arbitraries.of(Side.class).injectNull(0.1), anyNumber)
                .as(Cramps::new).injectNull(0.05);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<History> history = Combinators.combine(anyNumber, flag, flag, flag, anyNumber, anyNumber, anyNumber, flag)
                .as((a, b, c, d, e, f, g, h) -> new History(a, b, c, d, e, f, g, h, !h)).injectNull(0.05);
        Arbitrary<Medication> medication = Combinators.combine(
                Arbitraries.of("furosemide", " Warfarin ", "omeprazole", "", "  ", "quinine sulfate").injectNull(0.1),
                Arbitraries.of(DrugClass.class).injectNull(0.1), anyInt).as(Medication::new);
        Arbitrary<LabResult> lab = Combinators.combine(Arbitraries.of(LabTest.class).injectNull(0.05), anyNumber,
                Arbitraries.of("mmol/L", "mg/dL", "%", "U/L", " MEQ / L ", "µIU/mL", "g/dL", "", "furlongs").injectNull(0.05),
                anyNumber.injectNull(0.7)).as(LabResult::new);
        return Combinators.combine(patient, cramps, history, Arbitraries.of(Symptom.class).set(), medication.list().ofMaxSize(3),
                lab.list().ofMaxSize(4)).as((p, c, h, s, m, l) -> {
                    PatientCase.Builder b = PatientCase.builder().patient(p).cramps(c).history(h).symptoms(List.copyOf(s));
                    m.forEach(b::medication);
                    l.forEach(b::lab);
                    return b;
                });
    }

    @Property(tries = 200)
    void validCasesStayImmutable(@ForAll Set<Symptom> symptoms) {
        PatientCase c = PatientCase.builder().patient(new Patient(40, Sex.MALE, null, null))
                .cramps(new Cramps(1, BigDecimal.ONE, Set.of(CrampSite.FOOT), Side.LEFT, BigDecimal.ONE))
                .history(new History(BigDecimal.ZERO, false, false, false, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, false, false))
                .symptoms(symptoms).build();
        assertThat(c.symptoms()).containsExactlyInAnyOrderElementsOf(symptoms);
    }
}
