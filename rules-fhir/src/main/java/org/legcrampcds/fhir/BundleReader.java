package org.legcrampcds.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.legcrampcds.model.InvalidCaseException;
import org.legcrampcds.model.Unmapped;

/**
 * Reads a FHIR R4 JSON Bundle into its resources, one entry at a time, so that a malformed value is
 * reported at {@code Bundle.entry[i].resource.<element>}. Unknown elements (an EHR's extensions
 * and local additions) are tolerated; invalid values are rejected; a key given twice in one object
 * is rejected with its path (last-one-wins could silently change a clinical value). One
 * {@link FhirContext} per process: creating one is expensive, using one is thread-safe.
 *
 * <p>Only the resources the mapping reads are parsed by HAPI (interfaces.md §6 (2.3), reading cost):
 * resources of another type, Observations whose codes are in no table, and resources whose
 * {@code subject} or {@code patient} names another patient are reported from the JSON tree (type,
 * id, reason) without a parse. A realistic record of thousands of Claims, Encounters and vital
 * signs costs little more than reading its JSON once.
 */
final class BundleReader {

    /** The process's FHIR R4 context, shared (HAPI: expensive to create, thread-safe to use). */
    static final FhirContext FHIR = FhirContext.forR4Cached();

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The resource types the mapping reads; every other type is reported unparsed. */
    static final Set<String> READ_TYPES = Set.of("Patient", "Condition", "Observation", "MedicationStatement",
            "MedicationRequest", "QuestionnaireResponse", "Procedure");

    /** A resource of the Bundle with where it is. */
    record Entry(Resource resource, String location) {
    }

    /**
     * A Bundle read: the resources parsed for the mapping, and those reported without a parse.
     *
     * @param entries the parsed resources, in Bundle order
     * @param skipped the resources not parsed, each with its reason, in Bundle order
     */
    record Read(List<Entry> entries, List<Unmapped> skipped) {
    }

    private BundleReader() {
    }

    /**
     * @param json  the document
     * @param codes the code tables, which say which Observations the mapping reads
     * @return the entries' resources, in Bundle order, and those not parsed
     * @throws InvalidCaseException with {@link FhirDiagnostic#NOT_A_FHIR_BUNDLE},
     *                              {@link FhirDiagnostic#DUPLICATE_KEY} or
     *                              {@link FhirDiagnostic#MALFORMED_ELEMENT}, located
     */
    static Read read(String json, CodeTables codes) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonParseException e) {
            JsonParser parser = e.getProcessor();
            if (parser != null && String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
                throw rejected(path(parser.getParsingContext()), FhirDiagnostic.DUPLICATE_KEY,
                        "duplicate key '" + parser.getParsingContext().getCurrentName()
                                + "': a key given twice could silently change a value");
            }
            throw rejected("Bundle", FhirDiagnostic.NOT_A_FHIR_BUNDLE, "not JSON: " + oneLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw rejected("Bundle", FhirDiagnostic.NOT_A_FHIR_BUNDLE, "not JSON: " + oneLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject() || !root.path("resourceType").isTextual()) {
            throw rejected("Bundle", FhirDiagnostic.NOT_A_FHIR_BUNDLE, "not a FHIR resource: no resourceType");
        }
        if (!"Bundle".equals(root.get("resourceType").textValue())) {
            throw rejected("Bundle", FhirDiagnostic.NOT_A_FHIR_BUNDLE,
                    "a " + root.get("resourceType").textValue() + ", not a Bundle");
        }
        JsonNode entries = root.path("entry");
        if (!entries.isMissingNode() && !entries.isArray()) {
            throw rejected("Bundle.entry", FhirDiagnostic.NOT_A_FHIR_BUNDLE, "entry is not an array");
        }
        TheirPatient patient = thePatient(entries);
        List<Entry> resources = new ArrayList<>();
        List<Unmapped> skipped = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String location = "Bundle.entry[" + i + "].resource";
            JsonNode resource = entries.get(i).path("resource");
            if (!resource.isObject() || !resource.path("resourceType").isTextual()) {
                throw rejected(location, FhirDiagnostic.NOT_A_FHIR_BUNDLE, "entry without a resource");
            }
            Unmapped notRead = notRead(resource, patient, codes);
            if (notRead != null) {
                skipped.add(notRead);
            } else {
                resources.add(parse(resource, location));
            }
        }
        return new Read(resources, skipped);
    }

    /** The one Patient's id and fullUrl, when the Bundle has exactly one (else the mapping rejects it). */
    private record TheirPatient(@Nullable String id, @Nullable String fullUrl) {
    }

    private static @Nullable TheirPatient thePatient(JsonNode entries) {
        TheirPatient found = null;
        for (JsonNode entry : entries) {
            JsonNode resource = entry.path("resource");
            if ("Patient".equals(resource.path("resourceType").textValue())) {
                if (found != null) {
                    return null;
                }
                found = new TheirPatient(resource.path("id").textValue(), entry.path("fullUrl").textValue());
            }
        }
        return found;
    }

    /**
     * Why a resource is reported without a parse, or null when the mapping reads it: another
     * patient's, a type the mapping does not read (a valid R4 type: anything else goes to HAPI, to
     * be rejected as not FHIR R4), an Observation whose codes are in no table.
     */
    private static @Nullable Unmapped notRead(JsonNode resource, @Nullable TheirPatient patient, CodeTables codes) {
        String type = resource.get("resourceType").textValue();
        if ("Patient".equals(type) || !FHIR.getResourceTypes().contains(type)) {
            return null;
        }
        String name = type + "/" + (resource.path("id").isTextual() ? resource.get("id").textValue() : "(no id)");
        if (patient != null) {
            String reference = reference(resource, "subject");
            if (reference == null) {
                reference = reference(resource, "patient");
            }
            if (PatientReferences.namesAnotherPatient(reference, patient.id(), patient.fullUrl())) {
                return new Unmapped(name, Unmapped.Reason.OTHER_PATIENT,
                        type + " of another patient (" + reference + "): never used for this one");
            }
        }
        if (!READ_TYPES.contains(type)) {
            return new Unmapped(name, Unmapped.Reason.UNSUPPORTED_TYPE, type + " is not read by the mapping");
        }
        if ("Observation".equals(type)) {
            List<String> codings = new ArrayList<>();
            boolean inTable = false;
            for (JsonNode coding : resource.path("code").path("coding")) {
                String system = coding.path("system").textValue();
                String code = coding.path("code").textValue();
                codings.add(system + "|" + code);
                inTable |= codes.readsObservation(system, code);
            }
            if (!inTable) {
                return new Unmapped(name, Unmapped.Reason.NO_MAPPING,
                        "no table entry for " + (codings.isEmpty() ? "(no coding)" : String.join(", ", codings)));
            }
        }
        return null;
    }

    /** The {@code reference} text of a resource's reference element, or null. */
    private static @Nullable String reference(JsonNode resource, String element) {
        JsonNode reference = resource.path(element).path("reference");
        return reference.isTextual() ? reference.textValue() : null;
    }

    /** A parser's place as a FHIRPath-like location: {@code Bundle.entry[3].resource.valueQuantity.value}. */
    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                path.insert(0, "[" + Math.max(0, at.getCurrentIndex()) + "]");
            } else if (at.inObject() && at.getCurrentName() != null) {
                path.insert(0, "." + at.getCurrentName());
            }
        }
        return "Bundle" + path;
    }

    /** Parses one resource; its errors are located under {@code location}. */
    private static Entry parse(JsonNode resource, String location) {
        IParser parser = FHIR.newJsonParser().setParserErrorHandler(new RejectInvalidValues(location));
        try {
            IBaseResource parsed = parser.parseResource(resource.toString());
            if (!(parsed instanceof Resource r)) {
                throw rejected(location, FhirDiagnostic.NOT_A_FHIR_BUNDLE, "not an R4 resource");
            }
            return new Entry(r, location);
        } catch (Malformed e) {
            // HAPI names only the element; the JSON tree gives the whole path to the value.
            String path = e.value == null ? null : find(resource, e.element, e.value, "");
            throw rejected(path == null ? e.location : location + path, FhirDiagnostic.MALFORMED_ELEMENT, e.getMessage());
        } catch (DataFormatException e) {
            throw rejected(location, FhirDiagnostic.NOT_A_FHIR_BUNDLE, "not valid FHIR R4: " + oneLine(e.getMessage()));
        }
    }

    /** The path (".a.b[2].c") of the first value with this text under an element of this name, or null. */
    private static String find(JsonNode node, String element, String value, String path) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                JsonNode child = field.getValue();
                String at = path + "." + field.getKey();
                if (field.getKey().equals(element) && child.isValueNode() && value.equals(child.asText())) {
                    return at;
                }
                String found = find(child, element, value, at);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode child = node.get(i);
                if (child.isValueNode() && value.equals(child.asText()) && path.endsWith("." + element)) {
                    return path + "[" + i + "]";
                }
                String found = find(child, element, value, path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static InvalidCaseException rejected(String location, FhirDiagnostic diagnostic, String reason) {
        return new InvalidCaseException(location, diagnostic, reason);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /** An invalid value found while parsing, with its location. */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient String location;
        private final transient String element;
        private final transient String value;

        Malformed(String location, String element, String value, String message) {
            super(message, null, false, false);
            this.location = location;
            this.element = element;
            this.value = value;
        }
    }

    /**
     * HAPI's parser error handler: tolerate what a real EHR payload carries (unknown elements and
     * attributes, extensions), reject what would be guessed (a value of the wrong type or format).
     */
    private record RejectInvalidValues(String resourceLocation) implements IParserErrorHandler {

        @Override
        public void invalidValue(IParseLocation at, String value, String error) {
            throw new Malformed(where(at), at == null ? null : at.getParentElementName(), value,
                    "malformed value '" + value + "': " + oneLine(error));
        }

        @Override
        public void incorrectJsonType(IParseLocation at, String elementName, BaseJsonLikeValue.ValueType expected,
                                      BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                      BaseJsonLikeValue.ScalarType foundScalar) {
            throw new Malformed(resourceLocation + "." + path(at, elementName), null, null,
                    "wrong JSON type: expected " + expected + (expectedScalar == null ? "" : " " + expectedScalar)
                            + ", found " + found + (foundScalar == null ? "" : " " + foundScalar));
        }

        @Override
        public void unknownElement(IParseLocation at, String elementName) {
            // Tolerated: EHR payloads carry elements of other versions and profiles.
        }

        @Override
        public void unknownAttribute(IParseLocation at, String attributeName) {
            // Tolerated, as above.
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation at, String elementName) {
            throw new Malformed(resourceLocation + "." + path(at, elementName), null, null, "element repeats but may occur once");
        }

        @Override
        public void missingRequiredElement(IParseLocation at, String elementName) {
            // The mapping checks what it needs itself and reports it with its own code.
        }

        @Override
        public void containedResourceWithNoId(IParseLocation at) {
            // Contained resources are not read.
        }

        @Override
        public void unknownReference(IParseLocation at, String reference) {
            // References are resolved by the mapping, which reports what it cannot use.
        }

        @Override
        public void invalidInternalReference(IParseLocation at, String reference) {
            // As above.
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation at) {
            // Extensions are not read.
        }

        private String where(IParseLocation at) {
            return resourceLocation + (at == null || at.getParentElementName() == null ? "" : "." + at.getParentElementName());
        }

        private static String path(IParseLocation at, String elementName) {
            return at == null || at.getParentElementName() == null ? elementName : at.getParentElementName() + "." + elementName;
        }
    }
}
