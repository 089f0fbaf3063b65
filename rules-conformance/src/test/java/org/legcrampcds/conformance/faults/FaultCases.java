package org.legcrampcds.conformance.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.legcrampcds.json.CaseReader;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.reference.RandomCaseJson;

/**
 * Random valid cases from fixed seeds, shared by the fault tests.
 *
 * <p>A partial record costs one extra evaluation of the derive and red-flag rules per unanswered
 * safety question (README, Performance). The generator makes about one case in seven an EHR-style
 * extract ({@code cramps.*}, {@code history.*}, {@code symptoms.*} not recorded: some 50 unanswered
 * inputs, 5-15 ms an assessment on the 2-core build machine), and some more leave all symptoms or
 * all of the history unanswered; together they would take most of the build's time budget. The
 * {@code affordable} cases are all those with at most {@value #MANY_UNANSWERED} unanswered inputs
 * and one in {@value #EXPENSIVE_KEPT_ONE_IN} of the others, so that every path (complete records,
 * partial records, EHR extracts) is still run.
 */
final class FaultCases {

    static final int EXPENSIVE_KEPT_ONE_IN = 8;
    private static final int MANY_UNANSWERED = 6;

    private FaultCases() {
    }

    /** {@code count} random valid case documents, one line each, the same for the same seed. */
    static List<String> texts(long seed, int count) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            texts.add(RandomCaseJson.generateString(random));
        }
        return texts;
    }

    /** {@code count} random valid case documents, {@link #affordable} ones only, the same for the same seed. */
    static List<String> affordableTexts(long seed, int count) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count);
        int expensive = 0;
        while (texts.size() < count) {
            String text = RandomCaseJson.generateString(random);
            if (unanswered(read(text)) <= MANY_UNANSWERED || expensive++ % EXPENSIVE_KEPT_ONE_IN == 0) {
                texts.add(text);
            }
        }
        return texts;
    }

    /** The same cases, read and validated as the command line reads them. */
    static List<PatientCase> affordableCases(long seed, int count) {
        return affordableTexts(seed, count).stream().map(FaultCases::read).toList();
    }

    static PatientCase read(String text) {
        return CaseReader.readCase(text, null);
    }

    /** The inputs the case leaves unanswered. */
    static int unanswered(PatientCase c) {
        return c.notRecordedFields().size() + c.notRecordedSymptoms().size();
    }
}
