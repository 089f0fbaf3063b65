package org.legcrampcds.engine;

import static org.legcrampcds.engine.Assess.doesNotFire;
import static org.legcrampcds.engine.Assess.fires;
import static org.legcrampcds.engine.PatientFixture.quietPatient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.legcrampcds.model.LabTest;

/**
 * Found by the example case CAUSE_HYPOCALCAEMIA.near-miss: Drools compiles a plain decimal literal
 * such as {@code value < 2.20} through {@code double}, into {@code new BigDecimal(2.2)}, which is
 * 2.2000000000000001776..., so an adjusted calcium of exactly 2.20 mmol/L counted as low. The
 * catalogue (§2.8) requires exact decimal comparison; every threshold is now a BigDecimal literal
 * ({@code 2.20B}). Each row puts a value exactly on a strict threshold, where it must not fire.
 */
class DecimalThresholdRegressionTest {

    @ParameterizedTest(name = "{0} {1} {2} does not fire {3}")
    @CsvSource(delimiter = ';', value = {
            "ADJUSTED_CALCIUM; 2.20; mmol/L; CAUSE_HYPOCALCAEMIA",
            "ADJUSTED_CALCIUM; 4.39; mEq/L; CAUSE_HYPOCALCAEMIA",
            "ADJUSTED_CALCIUM; 1.90; mmol/L; RF_SEVERE_ELECTROLYTE_DISTURBANCE",
            "MAGNESIUM; 0.70; mmol/L; CAUSE_HYPOMAGNESAEMIA",
            "MAGNESIUM; 0.50; mmol/L; RF_SEVERE_ELECTROLYTE_DISTURBANCE",
            "POTASSIUM; 3.50; mmol/L; CAUSE_HYPOKALAEMIA",
            "GLUCOSE; 3.9; mmol/L; CAUSE_MEDICAL_CONDITION",
            "GLUCOSE; 3.0; mmol/L; RF_CRITICAL_LAB_VALUE",
            "TSH; 4.0; mU/L; CAUSE_MEDICAL_CONDITION",
    })
    void valueExactlyOnAStrictThreshold_doesNotFire(LabTest test, String value, String unit, String code) {
        doesNotFire(quietPatient().lab(test, value, unit), code);
    }

    @ParameterizedTest(name = "{0} {1} {2} fires {3}")
    @CsvSource(delimiter = ';', value = {
            "ADJUSTED_CALCIUM; 2.19; mmol/L; CAUSE_HYPOCALCAEMIA",
            "MAGNESIUM; 0.69; mmol/L; CAUSE_HYPOMAGNESAEMIA",
            "MAGNESIUM; 2.00; mmol/L; RF_CRITICAL_LAB_VALUE",
            "GLUCOSE; 11.1; mmol/L; CAUSE_MEDICAL_CONDITION",
            "TSH; 4.01; mU/L; CAUSE_MEDICAL_CONDITION",
    })
    void valueJustAcrossTheThreshold_fires(LabTest test, String value, String unit, String code) {
        fires(quietPatient().lab(test, value, unit), code);
    }

    @Test
    void fluidIntakeOfExactly12Litres_isNotLow() {
        doesNotFire(quietPatient().fluidLitres("1.2"), "CAUSE_DEHYDRATION");
        fires(quietPatient().fluidLitres("1.19"), "CAUSE_DEHYDRATION");
    }
}
