package org.legcrampcds.cdshooks;

import java.io.Reader;
import java.io.StringReader;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;

import com.fasterxml.jackson.databind.JsonNode;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/** FHIR R4 JSON to HAPI resources, with errors located at the request's field. */
final class FhirJson {

    // One FhirContext per process: it is costly to build and thread-safe.
    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    Resource parse(JsonNode node, String field) {
        return parse(Json.write(node), field);
    }

    Resource parse(String json, String field) {
        return parse(new StringReader(json), field);
    }

    /** Reads the resource as it streams in; anything HAPI cannot read is a malformed field, never a 500. */
    Resource parse(Reader json, String field) {
        // A parser is cheap and not thread-safe: one per call.
        IParser parser = CONTEXT.newJsonParser();
        try {
            IBaseResource resource = parser.parseResource(json);
            if (!(resource instanceof Resource r)) {
                throw HookException.malformed(field, "not a FHIR R4 resource");
            }
            return r;
        } catch (HookException e) {
            throw e;
        } catch (DataFormatException e) {
            throw HookException.malformed(field, "not FHIR R4 JSON: " + e.getMessage());
        } catch (RuntimeException e) {
            // HAPI's own Jackson refusing a bound, or a body it chokes on: the class only, no content.
            throw HookException.malformed(field, "not FHIR R4 JSON (" + e.getClass().getSimpleName() + ")");
        }
    }
}
