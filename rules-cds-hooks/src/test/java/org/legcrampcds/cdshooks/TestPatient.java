package org.legcrampcds.cdshooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One patient's record, from a test Bundle, by resource type: what a CDS client prefetches or the
 * fake FHIR server answers.
 */
final class TestPatient {

    /** The prefetch key of each resource type, as discovery advertises them. */
    static final Map<String, String> KEY_BY_TYPE = Map.of("Patient", "patient", "Condition", "conditions",
            "Observation", "observations", "MedicationStatement", "medicationStatements",
            "MedicationRequest", "medicationRequests", "QuestionnaireResponse", "questionnaireResponses",
            "Procedure", "procedures");

    private final Map<String, List<JsonNode>> byType = new LinkedHashMap<>();

    private TestPatient() {
    }

    /** The resources of {@code bundles/NAME.bundle.json}. */
    static TestPatient fromBundle(String name) {
        try (InputStream in = TestPatient.class.getResourceAsStream("/bundles/" + name + ".bundle.json")) {
            TestPatient patient = new TestPatient();
            for (JsonNode entry : Json.MAPPER.readTree(in).path("entry")) {
                patient.add(entry.get("resource"));
            }
            return patient;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A man of 76 on the given resources only, with no questionnaire: a partial record. */
    static TestPatient man(JsonNode... resources) {
        TestPatient patient = new TestPatient();
        patient.add(Json.object().put("resourceType", "Patient").put("id", "p9").put("gender", "male").put("birthDate", "1950-03-02"));
        for (JsonNode r : resources) {
            patient.add(r);
        }
        return patient;
    }

    TestPatient add(JsonNode resource) {
        byType.computeIfAbsent(resource.get("resourceType").asText(), t -> new ArrayList<>()).add(resource);
        return this;
    }

    String id() {
        return byType.get("Patient").get(0).get("id").asText();
    }

    List<JsonNode> resources(String type) {
        return byType.getOrDefault(type, List.of());
    }

    /** The full prefetch: the Patient, and a searchset Bundle per advertised search. */
    ObjectNode prefetch() {
        ObjectNode prefetch = Json.object();
        KEY_BY_TYPE.forEach((type, key) -> prefetch.set(key, type.equals("Patient") ? resources(type).get(0) : searchset(resources(type))));
        return prefetch;
    }

    static ObjectNode searchset(List<JsonNode> resources) {
        ObjectNode bundle = Json.object().put("resourceType", "Bundle").put("type", "searchset").put("total", resources.size());
        resources.forEach(r -> bundle.withArray("entry").addObject().set("resource", r));
        if (resources.isEmpty()) {
            bundle.putArray("entry");
        }
        return bundle;
    }

    /** An active MedicationStatement of an RxNorm ingredient. */
    static ObjectNode medicationStatement(String id, String rxnorm, String display) {
        ObjectNode statement = Json.object().put("resourceType", "MedicationStatement").put("id", id).put("status", "active");
        statement.putObject("medicationCodeableConcept").putArray("coding").addObject()
                .put("system", "http://www.nlm.nih.gov/research/umls/rxnorm").put("code", rxnorm).put("display", display);
        statement.putObject("subject").put("reference", "Patient/p9");
        statement.putObject("effectivePeriod").put("start", "2025-01-10");
        return statement;
    }

    /** A draft order of an RxNorm ingredient, as order-sign sends it. */
    static ObjectNode draftOrder(String id, String rxnorm, String display) {
        ObjectNode order = Json.object().put("resourceType", "MedicationRequest").put("id", id).put("status", "draft")
                .put("intent", "order");
        order.putObject("medicationCodeableConcept").putArray("coding").addObject()
                .put("system", "http://www.nlm.nih.gov/research/umls/rxnorm").put("code", rxnorm).put("display", display);
        order.putObject("subject").put("reference", "Patient/p1");
        return order;
    }

    static ObjectNode draftOrders(JsonNode... orders) {
        ObjectNode bundle = Json.object().put("resourceType", "Bundle").put("type", "collection");
        for (JsonNode order : orders) {
            bundle.withArray("entry").addObject().set("resource", order);
        }
        return bundle;
    }
}
