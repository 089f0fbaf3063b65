package org.legcrampcds.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.legcrampcds.model.LabTest;
import org.legcrampcds.rules.Threshold;
import org.legcrampcds.rules.Thresholds;

/**
 * How prose follows {@code thresholds.csv}. A finding text names a threshold by its id in braces,
 * {@code eGFR < {EGFR_CKD_G4_PLUS}}, and the rule base renders the table's value into it when it is
 * built, so a text never states a value the rules no longer apply. The other half is the check that
 * prose does not state a threshold as a plain number: a number equal to a threshold's value counts
 * as stating it when its sentence names the threshold's test ({@code eGFR}, {@code potassium},
 * {@code K}) or the number carries the threshold's unit ({@code 3.5 mmol/L}, {@code 5×ULN}). A
 * number in another context ({@code over 60} years, {@code 30-60 minutes}) is not a lab threshold
 * and is left alone.
 */
final class ThresholdMentions {

    /** A threshold named in a text: {@code {K_LOW}}. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z][A-Z0-9_]*)}");

    /** A number standing alone: not part of a name such as {@code HbA1c} or {@code CK_5X}. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)(?![\\w]|\\.\\d)");

    /** Sentence ends: a threshold's test must be named in the sentence that states its value. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:])\\s+|\\R");

    /** How prose names each test: its words, case-insensitive, and its symbols, case as written. */
    private static final Map<LabTest, Pattern> NAMES = new EnumMap<>(LabTest.class);

    static {
        name(LabTest.POTASSIUM, "potassium|hypokalaemia|hyperkalaemia|hypokalemia|hyperkalemia", "K");
        name(LabTest.SODIUM, "sodium|hyponatraemia|hypernatraemia|hyponatremia|hypernatremia", "Na");
        name(LabTest.MAGNESIUM, "magnesium|hypomagnesaemia|hypermagnesaemia|hypomagnesemia", "Mg");
        name(LabTest.ADJUSTED_CALCIUM, "calcium|hypocalcaemia|hypercalcaemia|hypocalcemia|hypercalcemia", "Ca");
        name(LabTest.GLUCOSE, "glucose|blood sugar|hypoglycaemia|hyperglycaemia|hypoglycemia|hyperglycemia", "BG");
        name(LabTest.HBA1C, "hba1c|a1c", "HbA1c");
        name(LabTest.CK, "creatine kinase|creatine phosphokinase", "CK|CPK");
        name(LabTest.EGFR, "egfr|gfr|kidney function|renal function", "eGFR");
        name(LabTest.TSH, "tsh|thyroid", "TSH");
        name(LabTest.HAEMOGLOBIN, "haemoglobin|hemoglobin|anaemia|anemia", "Hb|Hgb");
    }

    private ThresholdMentions() {
    }

    private static void name(LabTest test, String words, String symbols) {
        NAMES.put(test, Pattern.compile("\\b(?:(?i:" + words + ")|" + symbols + ")\\b"));
    }

    /**
     * The text with every placeholder replaced by its threshold's value as the table writes it
     * ({@code 0.70}, {@code 30}); the id of each placeholder the table does not define goes to
     * {@code unknown}, and the placeholder is left as written.
     */
    static String render(String text, Thresholds thresholds, Consumer<String> unknown) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (m.find()) {
            Threshold threshold = thresholds.find(m.group(1));
            if (threshold == null) {
                unknown.accept(m.group(1));
            }
            m.appendReplacement(rendered, Matcher.quoteReplacement(threshold == null ? m.group() : threshold.value().toPlainString()));
        }
        m.appendTail(rendered);
        return rendered.toString();
    }

    /** A number in prose that states a threshold's value. */
    record Stated(String number, Threshold threshold) {
        /** What to write instead, for a message. */
        String advice(String instead) {
            return "states " + number + ", the value of " + threshold.id() + " in " + RuleFile.THRESHOLDS + ": " + instead;
        }
    }

    /**
     * Every number of {@code prose} (placeholders aside) that states a threshold of the table, in
     * order. With {@code aboutLabs} (the criterion of a rule on labs) every number equal to a
     * threshold's value counts, whatever its context.
     */
    static List<Stated> stated(String prose, Thresholds thresholds, boolean aboutLabs) {
        List<Stated> stated = new ArrayList<>();
        String withoutPlaceholders = PLACEHOLDER.matcher(prose).replaceAll(" ");
        for (String sentence : SENTENCE_END.split(withoutPlaceholders)) {
            Matcher number = NUMBER.matcher(sentence);
            while (number.find()) {
                BigDecimal value = new BigDecimal(number.group(1));
                String after = sentence.substring(number.end());
                for (Threshold threshold : thresholds.all()) {
                    if (threshold.value().compareTo(value) == 0 && (aboutLabs || inContext(threshold, sentence, after))) {
                        stated.add(new Stated(number.group(1), threshold));
                        break;
                    }
                }
            }
        }
        return stated;
    }

    /** Whether a number equal to the threshold's value, followed by {@code after}, is about its test. */
    private static boolean inContext(Threshold threshold, String sentence, String after) {
        String next = after.stripLeading().toLowerCase(Locale.ROOT);
        if (threshold.isMultipleOfUpperLimit()) {
            return next.startsWith("×") || next.startsWith("x uln") || next.startsWith("xuln") || next.startsWith("times");
        }
        return next.startsWith(threshold.unit().toLowerCase(Locale.ROOT)) || NAMES.get(threshold.test()).matcher(sentence).find();
    }
}
