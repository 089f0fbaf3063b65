package org.legcrampcds.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Sanity properties of {@link RandomCaseJson} (and invariants of the reference's results). */
class RandomCaseJsonTest {

    @Property(tries = 1000)
    void generatedCasesAreValidAndExact(@ForAll long seed) throws Exception {
        ObjectNode c = RandomCaseJson.generate(new Random(seed));
        assertThat(CaseValidity.violations(c)).as("violations of %s", c).isEmpty();
        // the same document through JSON text: still valid, same result (exact decimals)
        String text = ReferenceEvaluator.MAPPER.writeValueAsString(c);
        JsonNode reparsed = ReferenceEvaluator.parse(text);
        assertThat(CaseValidity.violations(reparsed)).as("violations of %s", text).isEmpty();
        assertThat(ReferenceEvaluator.evaluate(reparsed)).isEqualTo(ReferenceEvaluator.evaluate(c));
        // deterministic per seed
        assertThat(RandomCaseJson.generate(new Random(seed))).isEqualTo(c);
    }

    @Property(tries = 1000)
    void resultInvariants(@ForAll long seed) {
        ObjectNode c = RandomCaseJson.generate(new Random(seed));
        ReferenceResult r = ReferenceEvaluator.evaluate(c);
        ReferenceConformanceTest.assertOrdered(r);
        boolean emergency = r.findings().stream().anyMatch(f -> Catalogue.urgencyOf(f).equals("EMERGENCY"));
        assertThat(r.findings().contains("SAFETY_EMERGENCY_FIRST")).isEqualTo(emergency);
        if (emergency) {
            assertThat(r.findings()).noneMatch(f -> f.startsWith("SC_"));
        }
        boolean partial = c.has("notRecorded") && c.get("notRecorded").size() > 0;
        assertThat(r.recordComplete()).isEqualTo(!partial);
        if (!partial) {
            assertThat(r.dataRequired()).isEmpty();
        }
        boolean anySc = r.findings().stream().anyMatch(f -> f.startsWith("SC_")) || !r.suppressed().isEmpty();
        if (!anySc) {
            // no SELF_CARE at all only under an unrecorded safety input (SC_STRETCHING etc. always fire)
            assertThat(partial).isTrue();
        }
        for (DataRequired d : r.dataRequired()) {
            assertThat(d.forCodes()).isNotEmpty().allMatch(f -> f.startsWith("RF_"));
            assertThat(d.forCodes()).noneMatch(r.findings()::contains);
            if (!d.forCodes().isEmpty()) {
                // a safety input is not recorded, so no SELF_CARE code anywhere
                assertThat(anySc).isFalse();
            }
        }
        for (int i = 1; i < r.staleLabs().size(); i++) {
            assertThat(r.staleLabs().get(i - 1).test()).isLessThan(r.staleLabs().get(i).test());
        }
        for (StaleLab s : r.staleLabs()) {
            assertThat(s.daysSinceTaken()).isGreaterThan(s.maxDays());
        }
    }

    @Test
    void everyCodeFiresAndPartialRecordsAskForData() {
        Random random = new Random(20261201L);
        int n = 5000;
        Map<String, Integer> fired = new TreeMap<>();
        for (String code : Catalogue.ALL_CODES) {
            fired.put(code, 0);
        }
        int partial = 0;
        int partialWithData = 0;
        int withStale = 0;
        int gated = 0;
        Map<String, Integer> urgency = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            ObjectNode c = RandomCaseJson.generate(random);
            ReferenceResult r = ReferenceEvaluator.evaluate(c);
            for (String f : r.findings()) {
                fired.merge(f, 1, Integer::sum);
            }
            urgency.merge(r.highestUrgency(), 1, Integer::sum);
            if (!r.recordComplete()) {
                partial++;
                if (!r.dataRequired().isEmpty()) {
                    partialWithData++;
                }
                if (r.findings().stream().noneMatch(f -> f.startsWith("SC_")) && r.suppressed().isEmpty()) {
                    gated++;
                }
            }
            if (!r.staleLabs().isEmpty()) {
                withStale++;
            }
        }
        StringBuilder sb = new StringBuilder("[coverage] over " + n + " generated cases (findings after suppression):\n");
        fired.forEach((k, v) -> sb.append(String.format("[coverage] %-40s %5d%n", k, v)));
        sb.append("[coverage] highestUrgency ").append(urgency).append('\n');
        sb.append(String.format("[coverage] partial records %d (%.1f%%), with dataRequired %d (%.1f%% of partial), "
                + "self-care gated %d; cases with stale labs %d%n", partial, 100.0 * partial / n, partialWithData,
                100.0 * partialWithData / partial, gated, withStale));
        // every code fires, and fires often (at least 0.5% of cases)
        assertThat(fired).as(sb.toString()).allSatisfy((code, count) -> assertThat(count).as(code).isGreaterThanOrEqualTo(n / 200));
        assertThat(partial).isBetween(n * 2 / 5, n * 3 / 5);
        assertThat(partialWithData).isGreaterThan(partial * 3 / 10);
        assertThat(withStale).isGreaterThan(n / 10);
    }

    @Test
    void generatorCoversTheValidityCornerCases() {
        Random random = new Random(7L);
        int crampsOmitted = 0;
        int crampsNull = 0;
        int historyOmitted = 0;
        int pregnantTrueNoWeeks = 0;
        int pregnantFalse = 0;
        int uln = 0;
        int exactThresholdK = 0;
        for (int i = 0; i < 5000; i++) {
            ObjectNode c = RandomCaseJson.generate(random);
            if (!c.has("cramps")) {
                crampsOmitted++;
            } else if (c.get("cramps").isNull()) {
                crampsNull++;
            }
            if (!c.has("history")) {
                historyOmitted++;
            }
            JsonNode p = c.get("patient");
            if (p.has("pregnant") && p.get("pregnant").booleanValue()
                    && (!p.has("pregnancyWeeks") || p.get("pregnancyWeeks").isNull())) {
                pregnantTrueNoWeeks++;
            }
            if (p.has("pregnant") && !p.get("pregnant").booleanValue()) {
                pregnantFalse++;
            }
            for (JsonNode l : c.path("labs")) {
                if (l.has("upperLimitOfNormal")) {
                    uln++;
                }
                if (l.get("test").textValue().equals("POTASSIUM")
                        && Catalogue.toCanonical("POTASSIUM", l.get("value").decimalValue(), l.get("unit").textValue())
                                .compareTo(new java.math.BigDecimal("3.5")) == 0) {
                    exactThresholdK++;
                }
            }
        }
        assertThat(List.of(crampsOmitted, crampsNull, historyOmitted, pregnantTrueNoWeeks, pregnantFalse, uln,
                exactThresholdK)).allMatch(x -> x > 10);
    }
}
