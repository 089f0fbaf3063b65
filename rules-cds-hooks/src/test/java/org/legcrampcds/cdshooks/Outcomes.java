package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on error answers: an OperationOutcome, its codes and fields, and never a stack trace. */
final class Outcomes {

    private Outcomes() {
    }

    static JsonNode assertOutcome(TestService.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/fhir+json");
        assertThat(response.body()).doesNotContain("Exception", "\tat ", ".java:");
        JsonNode outcome = response.json();
        assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(outcome.path("issue").size()).isPositive();
        return outcome;
    }

    static List<String> codes(JsonNode outcome) {
        List<String> codes = new ArrayList<>();
        outcome.path("issue").forEach(i -> codes.add(i.path("details").path("coding").path(0).path("code").asText()));
        return codes;
    }

    static List<String> fields(JsonNode outcome) {
        List<String> fields = new ArrayList<>();
        outcome.path("issue").forEach(i -> fields.add(i.path("expression").path(0).asText()));
        return fields;
    }
}
