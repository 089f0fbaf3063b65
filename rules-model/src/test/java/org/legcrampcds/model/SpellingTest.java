package org.legcrampcds.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void sameName_isNoDistance() {
        assertThat(Spelling.distance("labs", "labs")).isZero();
    }

    @Test
    void oneMissingLetter_oneSwappedLetter_andAnEmptyName_countEachEdit() {
        assertThat(Spelling.distance("lab", "labs")).isEqualTo(1);
        assertThat(Spelling.distance("MG_LO", "MG_LOW")).isEqualTo(1);
        assertThat(Spelling.distance("K_LOW", "K_HIGH")).isEqualTo(4);
        assertThat(Spelling.distance("", "sex")).isEqualTo(3);
        assertThat(Spelling.distance("kitten", "sitting")).isEqualTo(3);
    }
}
