package org.legcrampcds.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.legcrampcds.fhir.FhirCaseMapper;

/**
 * FHIR input of one run: tells a Bundle from a case, and maps Bundles at the run's as-of date with
 * one mapper, created on first use (loading HAPI FHIR costs time a run of case files need not pay).
 */
final class FhirInput {

    private static final JsonFactory JSON = new JsonFactory();

    private final LocalDate asOf;
    private FhirCaseMapper mapper;

    FhirInput(LocalDate asOf) {
        this.asOf = asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf;
    }

    LocalDate asOf() {
        return asOf;
    }

    FhirCaseMapper mapper() {
        if (mapper == null) {
            mapper = FhirCaseMapper.create();
        }
        return mapper;
    }

    /**
     * Whether the document is a FHIR resource: a top-level {@code resourceType} (interfaces.md §2
     * reads a Bundle as FHIR; any other resource goes the same way, to be told it is not a Bundle,
     * rather than to the case reader, which would list every FHIR key as unknown).
     */
    static boolean isFhirResource(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("resourceType".equals(name)) {
                    return value == JsonToken.VALUE_STRING;
                }
                parser.skipChildren();
            }
            return false;
        } catch (java.io.IOException e) {
            return false;   // Not JSON at all: the case reader reports it as malformed.
        }
    }
}
