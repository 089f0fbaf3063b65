package org.legcrampcds.cdshooks;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.legcrampcds.cdshooks.json.CdsResponseJson;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.fhir.FhirCaseMapper.LocatedResource;

/**
 * One hook call from JSON body to cards: read the request, resolve its prefetch, assess on the
 * rule base current when the call began, write the cards. Errors are {@link HookException}s.
 */
final class HookHandler {

    private final Supplier<? extends CrampAssessor> assessors;
    private final HookRequestReader reader;
    private final PrefetchResolver prefetch;
    private final HookAssessor assessor;
    private final Cards cards;

    HookHandler(Supplier<? extends CrampAssessor> assessors, HookRequestReader reader, PrefetchResolver prefetch,
                HookAssessor assessor, Cards cards) {
        this.assessors = assessors;
        this.reader = reader;
        this.prefetch = prefetch;
        this.assessor = assessor;
        this.cards = cards;
    }

    CdsResponseJson handle(HookService service, JsonNode body) {
        // Read once: a rule base swapped in meanwhile serves the next call, never half of this one.
        CrampAssessor rules = assessors.get();
        HookRequest request = reader.read(service, body);
        Set<String> drafts = request.draftOrders().stream().map(HookAssessor::reference).collect(Collectors.toSet());
        List<LocatedResource> resources = prefetch.resolve(request, drafts);
        HookAssessor.Result result = assessor.assess(rules, request, resources);
        return new CdsResponseJson(cards.cards(result, service.judgesDraftOrders(), rules.ruleBase()::citation));
    }
}
