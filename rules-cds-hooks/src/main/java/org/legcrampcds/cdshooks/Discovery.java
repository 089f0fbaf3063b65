package org.legcrampcds.cdshooks;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The discovery document of {@code GET /cds-services} (CDS Hooks 2.0, interfaces.md §7). */
final class Discovery {

    private Discovery() {
    }

    static ObjectNode document(List<String> observationCodes) {
        ObjectNode root = Json.object();
        ArrayNode services = root.putArray("services");
        for (HookService service : HookService.values()) {
            ObjectNode node = services.addObject()
                    .put("hook", service.hook())
                    .put("id", service.id())
                    .put("title", service.title())
                    .put("description", service.description());
            ObjectNode prefetch = node.putObject("prefetch");
            for (PrefetchKey key : PrefetchKey.values()) {
                prefetch.put(key.key(), key.template(observationCodes));
            }
        }
        return root;
    }
}
