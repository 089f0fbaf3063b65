package org.legcrampcds.cdshooks.json;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/** The FHIR R4 OperationOutcome of every error answer of the service. */
public record OperationOutcomeJson(String resourceType, List<Issue> issue) {

    /** The code system of the service's diagnostic codes in {@code issue.details.coding}. */
    public static final String DIAGNOSTIC_SYSTEM = "urn:org.legcrampcds:diagnostic";

    public OperationOutcomeJson {
        issue = List.copyOf(issue);
    }

    public static OperationOutcomeJson of(List<Issue> issues) {
        return new OperationOutcomeJson("OperationOutcome", issues);
    }

    /**
     * One issue.
     *
     * @param severity    {@code error} or {@code fatal}
     * @param code        the FHIR issue type, for example {@code invalid} or {@code not-found}
     * @param details     the diagnostic code, or null (a failed JWT check says nothing on purpose)
     * @param diagnostics {@code field: CODE reason}, or null
     * @param expression  the field at fault, FHIRPath-like, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Issue(String severity, String code, @Nullable Details details, @Nullable String diagnostics,
                        @Nullable List<String> expression) {

        public Issue {
            expression = expression == null ? null : List.copyOf(expression);
        }

        /** The diagnostic code of this issue, or null. */
        @JsonIgnore
        public @Nullable String diagnosticCode() {
            return details == null || details.coding().isEmpty() ? null : details.coding().get(0).code();
        }
    }

    /** {@code issue.details}: the diagnostic code as a coding, and the text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Details(List<Coding> coding, @Nullable String text) {

        public Details {
            coding = List.copyOf(coding);
        }
    }

    /** A coding of the diagnostic system. */
    public record Coding(String system, String code) {
    }
}
