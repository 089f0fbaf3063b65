package org.legcrampcds.cdshooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads the JSON body of a hook call into a {@link HookRequest}; every problem is a 400 naming
 * the field ({@code context.patientId}) and {@link CdsHooksDiagnostic#MALFORMED_REQUEST}.
 */
final class HookRequestReader {

    /** FHIR's id type: it is also put into URLs of the FHIR server, so nothing else may pass. */
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final FhirJson fhir;

    HookRequestReader(FhirJson fhir) {
        this.fhir = fhir;
    }

    HookRequest read(HookService service, JsonNode body) {
        if (!body.isObject()) {
            throw HookException.malformed("$", "the request must be a JSON object");
        }
        String hook = requiredText(body, "hook", "hook");
        if (!hook.equals(service.hook())) {
            throw new HookException(400, CdsHooksDiagnostic.WRONG_HOOK, "hook",
                    "service '" + service.id() + "' answers hook '" + service.hook() + "', not '" + hook + "'");
        }
        requiredText(body, "hookInstance", "hookInstance");
        URI fhirServer = fhirServer(body.get("fhirServer"));
        String token = accessToken(body.get("fhirAuthorization"));
        JsonNode context = body.get("context");
        if (context == null || !context.isObject()) {
            throw HookException.malformed("context", "an object is required");
        }
        String patientId = requiredText(context, "patientId", "context.patientId");
        if (!FHIR_ID.matcher(patientId).matches()) {
            throw HookException.malformed("context.patientId", "not a FHIR id (1-64 of A-Z, a-z, 0-9, '-' and '.')");
        }
        List<MedicationRequest> drafts = service.judgesDraftOrders() ? draftOrders(context, service) : List.of();
        return new HookRequest(service, patientId, fhirServer, token, drafts, prefetch(body.get("prefetch")));
    }

    private static String requiredText(JsonNode parent, String name, String field) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw HookException.malformed(field, "missing: a string is required");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw HookException.malformed(field, "a non-empty string is required");
        }
        return node.asText();
    }

    private static URI fhirServer(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw HookException.malformed("fhirServer", "a URL string is required");
        }
        try {
            URI uri = new URI(node.asText());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw HookException.malformed("fhirServer", "an absolute http or https base URL without query is required");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw HookException.malformed("fhirServer", "not a URL");
        }
    }

    private static String accessToken(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw HookException.malformed("fhirAuthorization", "an object is required");
        }
        JsonNode type = node.get("token_type");
        if (type != null && !(type.isTextual() && type.asText().equalsIgnoreCase("Bearer"))) {
            throw HookException.malformed("fhirAuthorization.token_type", "must be 'Bearer'");
        }
        return requiredText(node, "access_token", "fhirAuthorization.access_token");
    }

    private List<MedicationRequest> draftOrders(JsonNode context, HookService service) {
        JsonNode node = context.get("draftOrders");
        if (node == null || node.isNull()) {
            throw HookException.malformed("context.draftOrders", "missing: " + service.hook() + " needs a Bundle of draft orders");
        }
        if (!node.isObject() || !"Bundle".equals(node.path("resourceType").asText())) {
            throw HookException.malformed("context.draftOrders", "a FHIR Bundle is required");
        }
        Bundle bundle = (Bundle) fhir.parse(node, "context.draftOrders");
        Set<String> selected = selections(context, service);
        List<MedicationRequest> drafts = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource resource = bundle.getEntry().get(i).getResource();
            // Other draft orders (a ServiceRequest, say) are outside what the rules read.
            if (resource instanceof MedicationRequest request) {
                if (!request.hasIdElement() || request.getIdElement().getIdPart() == null) {
                    throw HookException.malformed("context.draftOrders.entry[" + i + "].resource.id",
                            "a draft order needs an id, so that a card can refer to it");
                }
                String reference = "MedicationRequest/" + request.getIdElement().getIdPart();
                if (selected == null || selected.contains(reference)) {
                    drafts.add(request);
                }
            }
        }
        return drafts;
    }

    /** order-select judges only the selected orders; null means every draft order. */
    private static Set<String> selections(JsonNode context, HookService service) {
        JsonNode node = context.get("selections");
        if (service != HookService.ORDER_SELECT || node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw HookException.malformed("context.selections", "an array of references is required");
        }
        Set<String> selected = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw HookException.malformed("context.selections[" + i + "]", "a reference string is required");
            }
            selected.add(node.get(i).asText());
        }
        return selected;
    }

    private static Map<PrefetchKey, JsonNode> prefetch(JsonNode node) {
        Map<PrefetchKey, JsonNode> values = new EnumMap<>(PrefetchKey.class);
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw HookException.malformed("prefetch", "an object is required");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            // Keys the service did not advertise are ignored (interfaces.md §7).
            PrefetchKey.byKey(entry.getKey()).ifPresent(key -> {
                JsonNode value = entry.getValue();
                if (!value.isNull() && !value.isObject()) {
                    throw HookException.malformed("prefetch." + key.key(), "a FHIR resource or null is required");
                }
                values.put(key, value);
            });
        }
        return values;
    }
}
