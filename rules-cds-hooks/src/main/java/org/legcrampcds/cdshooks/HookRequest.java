package org.legcrampcds.cdshooks;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.hl7.fhir.r4.model.MedicationRequest;

/**
 * One CDS Hooks call, read and checked (interfaces.md §7).
 *
 * @param service      the service called
 * @param patientId    {@code context.patientId}, a FHIR id
 * @param fhirServer   where absent prefetch is fetched from, or null
 * @param accessToken  the {@code fhirAuthorization} bearer token for {@code fhirServer}, or null; never logged
 * @param draftOrders  the draft MedicationRequests judged (order-sign, order-select), each with an id
 * @param prefetch     the advertised prefetch keys the call carried, with their values (JSON null included)
 */
record HookRequest(HookService service, String patientId, URI fhirServer, String accessToken,
                   List<MedicationRequest> draftOrders, Map<PrefetchKey, JsonNode> prefetch) {

    HookRequest {
        draftOrders = List.copyOf(draftOrders);
        prefetch = prefetch.isEmpty() ? Map.of() : new EnumMap<>(prefetch);
    }

    Optional<URI> server() {
        return Optional.ofNullable(fhirServer);
    }

    @Override
    public String toString() {
        // Never the token, never the patient.
        return "HookRequest[" + service.id() + "]";
    }
}
