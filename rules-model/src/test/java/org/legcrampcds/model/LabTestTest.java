package org.legcrampcds.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unit conversion and rounding exactly as catalogue §2.6 and §2.8. */
class LabTestTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = ';', value = {
            // The catalogue's worked examples (case HB-22 and section 2.8 item 1)
            "MAGNESIUM; 1.1; mg/dL; 0.45",
            "ADJUSTED_CALCIUM; 8.4; mg/dL; 2.10",
            "GLUCOSE; 52; mg/dL; 2.9",
            "HBA1C; 8.1; %; 65",
            "ADJUSTED_CALCIUM; 7.59516; mg/dL; 1.90",
            // Half-up at the exact midpoint, where binary floating point would round down
            "ADJUSTED_CALCIUM; 4.39; mEq/L; 2.20",
            "MAGNESIUM; 1.9; mg/dL; 0.78",
            "MAGNESIUM; 1.70; mg/dL; 0.70",
            "MAGNESIUM; 1.4; mEq/L; 0.70",
            "POTASSIUM; 3.2; mEq/L; 3.20",
            "HAEMOGLOBIN; 12.95; g/dL; 130",
            "HAEMOGLOBIN; 12.94; g/dL; 129",
            "HBA1C; 6.5; %; 48",
            "CK; 1234.5; IU/L; 1235",
            "TSH; 4.005; uIU/mL; 4.01",
            "EGFR; 29.5; mL/min/1.73m2; 30",
    })
    void convertsAndRoundsHalfUp(LabTest test, String value, String unit, String expected) {
        assertThat(test.toCanonical(new BigDecimal(value), unit)).isEqualByComparingTo(expected)
                .hasScaleOf(test.decimals());
    }

    @ParameterizedTest(name = "{0} accepts ''{1}''")
    @CsvSource(delimiter = ';', value = {
            "MAGNESIUM; MG/DL", "MAGNESIUM; ' mg / dl '", "TSH; µIU/mL", "TSH; μIU/mL", "EGFR; ml/min/1.73 m²",
            "EGFR; mL/min/1.73m2", "CK; iu/l", "HAEMOGLOBIN; G/DL"})
    void matchesUnitsIgnoringCaseSpaceAndMicroSign(LabTest test, String unit) {
        assertThat(test.accepts(unit)).isTrue();
    }

    @ParameterizedTest(name = "{0} rejects ''{1}''")
    @CsvSource(delimiter = ';', value = {"POTASSIUM; mg/dL", "SODIUM; g/L", "GLUCOSE; mmol/mol", "HBA1C; mmol/L"})
    void rejectsUnlistedUnits(LabTest test, String unit) {
        assertThat(test.accepts(unit)).isFalse();
        assertThatThrownBy(() -> test.toCanonical(BigDecimal.ONE, unit))
                .hasMessage("unsupported unit '" + unit + "' for " + test);
    }

    @ParameterizedTest(name = "{0}: {1} plausible = {2}")
    @CsvSource(delimiter = ';', value = {
            "POTASSIUM; 1.00; true", "POTASSIUM; 10.00; true", "POTASSIUM; 0.99; false", "POTASSIUM; 10.01; false",
            "EGFR; 0; true", "CK; 0; false", "GLUCOSE; 60.1; false"})
    void checksPlausibilityOnTheRoundedValue(LabTest test, String canonical, boolean plausible) {
        assertThat(test.isPlausible(new BigDecimal(canonical))).isEqualTo(plausible);
    }
}
