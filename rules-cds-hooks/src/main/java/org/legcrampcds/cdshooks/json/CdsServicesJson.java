package org.legcrampcds.cdshooks.json;

import java.util.List;

/** The discovery document of {@code GET /cds-services}: every service offered. */
public record CdsServicesJson(List<CdsServiceJson> services) {

    public CdsServicesJson {
        services = List.copyOf(services);
    }
}
