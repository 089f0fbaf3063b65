package org.legcrampcds.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.legcrampcds.model.CaseField;
import org.legcrampcds.model.DataRequired;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.Symptom;
import org.legcrampcds.model.Urgency;

/**
 * Catalogue §11.4: for each not-recorded safety input, evaluate the red flags once more with only
 * that input at its firing value; the red flags that then fire and did not before are the reason to
 * ask about it.
 */
final class DataRequiredFinder {

    private DataRequiredFinder() {
    }

    /**
     * @param patientCase the case as recorded
     * @param recorded    its facts
     * @param actual      the red flags of the case as recorded, code to urgency
     * @param redFlags    the red flags of a set of facts, code to urgency
     * @return one entry per question that would raise a red flag, in the order of §11.4
     */
    static List<DataRequired> find(PatientCase patientCase, CaseFacts recorded, Map<String, Urgency> actual,
            Function<CaseFacts, Map<String, Urgency>> redFlags) {
        List<Question> questions = new ArrayList<>();
        for (CaseField field : patientCase.notRecordedFields()) {
            if (field.isSafetyInput()) {
                questions.add(ask(field.path(), redFlags.apply(recorded.withFiringValue(field)), actual));
            }
        }
        for (Symptom symptom : patientCase.notRecordedSymptoms()) {
            if (symptom.isSafetyInput()) {
                questions.add(ask("symptoms." + symptom.name(), redFlags.apply(recorded.withSymptom(symptom)), actual));
            }
        }
        return questions.stream()
                .filter(q -> !q.raised().isEmpty())
                .sorted(Comparator.comparing((Question q) -> q.raised().get(0).urgency()).thenComparing(Question::input))
                .map(q -> new DataRequired(q.input(), q.raised().stream().map(Raised::code).toList()))
                .toList();
    }

    private static Question ask(String input, Map<String, Urgency> whatIf, Map<String, Urgency> actual) {
        List<Raised> raised = whatIf.entrySet().stream()
                .filter(e -> !actual.containsKey(e.getKey()))
                .map(e -> new Raised(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Raised::urgency).thenComparing(Raised::code))
                .toList();
        return new Question(input, raised);
    }

    private record Raised(String code, Urgency urgency) {
    }

    private record Question(String input, List<Raised> raised) {
    }
}
