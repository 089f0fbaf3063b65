package org.legcrampcds.cdshooks.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One service of discovery.
 *
 * @param hook        the hook it answers, for example {@code patient-view}
 * @param id          its id, the last segment of {@code POST /cds-services/{id}}
 * @param prefetch    prefetch key → FHIR query template, in the order advertised
 */
public record CdsServiceJson(String hook, String id, String title, String description, Map<String, String> prefetch) {

    public CdsServiceJson {
        prefetch = Collections.unmodifiableMap(new LinkedHashMap<>(prefetch));
    }
}
