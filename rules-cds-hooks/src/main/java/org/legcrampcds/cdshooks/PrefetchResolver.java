package org.legcrampcds.cdshooks;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.legcrampcds.fhir.FhirCaseMapper.LocatedResource;

/**
 * Turns a call's prefetch into the patient's resources (interfaces.md §7): a key that is present is
 * used as it is (null or an OperationOutcome: no data, not asked again); an absent key is fetched
 * from {@code fhirServer}; a search Bundle with a next page is followed, on that server only. Keys
 * are fetched at once, not one after the other, within the call's {@link FhirServerLimits}: the first
 * key that fails or crosses a bound stops the others, and the call is answered 412 at once.
 */
final class PrefetchResolver {

    private final FhirJson fhir;
    private final FhirServerClient client;
    private final List<String> observationCodes;

    PrefetchResolver(FhirJson fhir, FhirServerClient client, List<String> observationCodes) {
        this.fhir = fhir;
        this.client = client;
        this.observationCodes = List.copyOf(observationCodes);
    }

    /**
     * Every resource of every advertised key, each once (by type and id, the first seen), without
     * the draft orders, which the caller adds apart.
     *
     * @throws HookException 412 when a key cannot be had, 400 when a value is not FHIR
     */
    List<LocatedResource> resolve(HookRequest request, Set<String> draftReferences) {
        Map<PrefetchKey, List<LocatedResource>> byKey = new EnumMap<>(PrefetchKey.class);
        try (FhirServerClient.Fetch fetch = client.begin()) {
            Map<PrefetchKey, CompletableFuture<List<LocatedResource>>> pending = new EnumMap<>(PrefetchKey.class);
            CompletableFuture<Void> firstFailure = new CompletableFuture<>();
            for (PrefetchKey key : PrefetchKey.values()) {
                CompletableFuture<List<LocatedResource>> future = resolve(request, key, fetch);
                future.whenComplete((r, failure) -> {
                    if (failure != null) {
                        firstFailure.completeExceptionally(failure);
                    }
                });
                pending.put(key, future);
            }
            // Whichever comes first: every key, or the first failure (which stops the others' reads).
            CompletableFuture<Object> done = CompletableFuture.anyOf(
                    CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new)), firstFailure);
            // At the deadline, the first key still unanswered is the one named.
            fetch.await(done, () -> pending.entrySet().stream().filter(e -> !e.getValue().isDone())
                    .map(e -> "prefetch." + e.getKey().key()).findFirst().orElse("fhirServer"));
            for (Map.Entry<PrefetchKey, CompletableFuture<List<LocatedResource>>> e : pending.entrySet()) {
                String field = "prefetch." + e.getKey().key();
                byKey.put(e.getKey(), fetch.await(e.getValue(), () -> field));
            }
        }
        Map<String, LocatedResource> unique = new LinkedHashMap<>();
        int anonymous = 0;
        for (List<LocatedResource> resources : byKey.values()) {
            for (LocatedResource r : resources) {
                String id = r.resource().getIdElement().getIdPart();
                String reference = id == null ? "#" + anonymous++ : r.resource().fhirType() + "/" + id;
                if (!draftReferences.contains(reference)) {
                    unique.putIfAbsent(reference, r);
                }
                // Another patient's record must never be assessed as this one's.
                if (r.resource() instanceof org.hl7.fhir.r4.model.Patient && id != null && !id.equals(request.patientId())) {
                    throw HookException.malformed(r.location() + ".id", "a Patient other than context.patientId");
                }
            }
        }
        return List.copyOf(unique.values());
    }

    private CompletableFuture<List<LocatedResource>> resolve(HookRequest request, PrefetchKey key, FhirServerClient.Fetch fetch) {
        String field = "prefetch." + key.key();
        if (request.prefetch().containsKey(key)) {
            JsonNode value = request.prefetch().get(key);
            if (value.isNull()) {
                return CompletableFuture.completedFuture(List.of());
            }
            return collect(request, fhir.parse(value, field), field, new ArrayList<>(), 1, fetch);
        }
        URI server = request.server().orElseThrow(() -> new HookException(412, CdsHooksDiagnostic.PREFETCH_UNAVAILABLE,
                field, "not prefetched, and the request names no fhirServer to fetch it from"));
        String query = key.template(observationCodes).replace(PrefetchKey.PATIENT_ID, request.patientId());
        return fetch.get(FhirServerClient.resolve(server, query), request.accessToken(), field)
                .thenCompose(resource -> collect(request, resource, field, new ArrayList<>(), 1, fetch));
    }

    private CompletableFuture<List<LocatedResource>> collect(HookRequest request, Resource resource, String field,
                                                             List<LocatedResource> into, int page, FhirServerClient.Fetch fetch) {
        if (resource instanceof OperationOutcome) {
            return CompletableFuture.completedFuture(into);
        }
        if (!(resource instanceof Bundle bundle)) {
            into.add(new LocatedResource(resource, field));
            return CompletableFuture.completedFuture(into);
        }
        String pageField = page == 1 ? field : field + ".page[" + page + "]";
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource entry = bundle.getEntry().get(i).getResource();
            // A search's own OperationOutcome (mode outcome) is a message, not the patient's data.
            if (entry != null && !(entry instanceof OperationOutcome)) {
                into.add(new LocatedResource(entry, pageField + ".entry[" + i + "].resource"));
            }
        }
        Bundle.BundleLinkComponent next = bundle.getLink(Bundle.LINK_NEXT);
        if (next == null || next.getUrl() == null || next.getUrl().isBlank()) {
            return CompletableFuture.completedFuture(into);
        }
        URI server = request.server().orElseThrow(() -> new HookException(412, CdsHooksDiagnostic.PREFETCH_UNAVAILABLE,
                field, "the search Bundle has a next page, and the request names no fhirServer to fetch it from"));
        URI nextUrl = nextPage(server, next.getUrl(), field);
        // Fetch.get counts the page against the call's bound of requests.
        return fetch.get(nextUrl, request.accessToken(), field)
                .thenCompose(r -> collect(request, r, field, into, page + 1, fetch));
    }

    /** The bearer token goes to the EHR's own server only, never to a link that leads elsewhere. */
    private static URI nextPage(URI server, String link, String field) {
        URI url;
        try {
            url = server.resolve(link);
        } catch (IllegalArgumentException e) {
            throw FhirServerClient.failed(field, "the next-page link is not a URL");
        }
        String base = server.toString().endsWith("/") ? server.toString() : server + "/";
        if (!url.toString().startsWith(base)) {
            throw FhirServerClient.failed(field, "the next-page link leaves fhirServer");
        }
        return url;
    }
}
