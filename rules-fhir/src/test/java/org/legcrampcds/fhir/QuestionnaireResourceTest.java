package org.legcrampcds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ca.uhn.fhir.parser.StrictErrorHandler;

import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.junit.jupiter.api.Test;
import org.legcrampcds.model.CaseField;
import org.legcrampcds.model.Symptom;

/**
 * The project's own Questionnaire is a valid FHIR R4 resource (parsed strictly by HAPI), its
 * canonical URL is the one the mapping reads, and its items are exactly the case paths: every
 * cramp and history field and one boolean item per symptom.
 */
class QuestionnaireResourceTest {

    @Test
    void theQuestionnaireParsesStrictly_andAsksForEveryCaseInput() throws IOException {
        Questionnaire questionnaire;
        try (InputStream in = getClass().getResourceAsStream(
                "/org/legcrampcds/fhir/questionnaire/Questionnaire-leg-cramp-assessment.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            questionnaire = BundleReader.FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                    .parseResource(Questionnaire.class, json);
        }
        assertThat(questionnaire.getUrl()).endsWith(QuestionnaireMapper.QUESTIONNAIRE);

        List<QuestionnaireItemComponent> questions = new ArrayList<>();
        collect(questionnaire.getItem(), questions);
        List<String> linkIds = questions.stream().map(QuestionnaireItemComponent::getLinkId).toList();
        List<String> expected = new ArrayList<>(Arrays.stream(CaseField.values())
                .filter(f -> !f.group().equals("patient")).map(CaseField::path).toList());
        Arrays.stream(Symptom.values()).forEach(s -> expected.add("symptoms." + s.name()));
        assertThat(linkIds).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(questions).filteredOn(q -> q.getLinkId().startsWith("symptoms."))
                .allSatisfy(q -> assertThat(q.getType()).isEqualTo(Questionnaire.QuestionnaireItemType.BOOLEAN));
    }

    private static void collect(List<QuestionnaireItemComponent> items, List<QuestionnaireItemComponent> questions) {
        for (QuestionnaireItemComponent item : items) {
            if (item.getType() != Questionnaire.QuestionnaireItemType.GROUP) {
                questions.add(item);
            }
            collect(item.getItem(), questions);
        }
    }
}
