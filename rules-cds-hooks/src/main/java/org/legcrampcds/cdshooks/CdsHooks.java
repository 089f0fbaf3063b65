package org.legcrampcds.cdshooks;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.cdshooks.json.CdsResponseJson;
import org.legcrampcds.cdshooks.json.CdsServicesJson;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.fhir.FhirCaseMapper;

/**
 * What the service answers, apart from HTTP: discovery, a hook call's cards and feedback, each a
 * record or a {@link HookException}. The HTTP layer ({@link HttpLayer}) only adapts requests to
 * these calls and their answers to JSON.
 */
final class CdsHooks {

    private final Supplier<@Nullable CrampAssessor> assessors;
    private final HookHandler hooks;
    private final FeedbackHandler feedback = new FeedbackHandler();
    private final CdsServicesJson discovery;

    /**
     * @param assessors the rule base serving now, read once per call; null while none is loaded
     * @param sourceUrl the URL of every card's source, or null
     * @param limits    how much one call may read from the EHR's {@code fhirServer}, and for how long
     */
    CdsHooks(Supplier<@Nullable CrampAssessor> assessors, Clock clock, Supplier<@Nullable String> sourceUrl,
             FhirServerLimits limits) {
        this.assessors = assessors;
        FhirCaseMapper mapper = FhirCaseMapper.create();
        FhirJson fhir = new FhirJson();
        PrefetchResolver prefetch = new PrefetchResolver(fhir, new FhirServerClient(fhir, limits), mapper.observationCodes());
        this.hooks = new HookHandler(this::serving, new HookRequestReader(fhir), prefetch, new HookAssessor(mapper, clock),
                new Cards(sourceUrl));
        this.discovery = Discovery.document(mapper.observationCodes());
    }

    CdsServicesJson discovery() {
        return discovery;
    }

    /**
     * The page of {@code GET /cds-services/rule-base}, every card's {@code source.url}: the rule base
     * serving and the citation of each source its findings may name. 503 while none is loaded.
     */
    Map<String, Object> ruleBase() {
        CrampAssessor rules = serving();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("name", "leg-cramp-cds rules");
        page.put("rulesetVersion", rules.rulesetVersion());
        page.put("sources", rules.ruleBase().citations());
        return page;
    }

    /** The {@code rulesetVersion} serving now, or null while no rule base is loaded. */
    @Nullable String servingVersion() {
        CrampAssessor serving = assessors.get();
        return serving == null ? null : serving.rulesetVersion();
    }

    /** The rule base serving now, or 503 while none is loaded. */
    CrampAssessor serving() {
        CrampAssessor serving = assessors.get();
        if (serving == null) {
            throw new HookException(503, CdsHooksDiagnostic.NOT_READY, null, "the rule base is not loaded yet: try again shortly");
        }
        return serving;
    }

    CdsResponseJson call(HookService service, JsonNode body) {
        return hooks.handle(service, body);
    }

    void feedback(HookService service, JsonNode body) {
        feedback.handle(service, body);
    }
}
