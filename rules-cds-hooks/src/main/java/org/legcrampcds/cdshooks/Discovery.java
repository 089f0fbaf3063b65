package org.legcrampcds.cdshooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.legcrampcds.cdshooks.json.CdsServiceJson;
import org.legcrampcds.cdshooks.json.CdsServicesJson;

/** The discovery document of {@code GET /cds-services} (CDS Hooks 2.0, interfaces.md §7). */
final class Discovery {

    private Discovery() {
    }

    static CdsServicesJson document(List<String> observationCodes) {
        return new CdsServicesJson(java.util.Arrays.stream(HookService.values()).map(service -> {
            Map<String, String> prefetch = new LinkedHashMap<>();
            for (PrefetchKey key : PrefetchKey.values()) {
                prefetch.put(key.key(), key.template(observationCodes));
            }
            return new CdsServiceJson(service.hook(), service.id(), service.title(), service.description(), prefetch);
        }).toList());
    }
}
