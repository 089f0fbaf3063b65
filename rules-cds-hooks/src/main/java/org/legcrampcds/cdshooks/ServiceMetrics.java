package org.legcrampcds.cdshooks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.engine.ReloadResult;

/**
 * The service's metrics for {@code GET /metrics}, in the Prometheus text format through Micrometer
 * (interfaces.md §7, 2.3): calls by service and status with a latency histogram, FHIR-fetch failures
 * by cause, rule reloads by outcome and the {@code rulesetVersion} served. Tags hold only bounded,
 * patient-free values: a service id is one of the three or {@code other}.
 */
final class ServiceMetrics {

    /** The Prometheus text format's content type (version 0.0.4). */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Supplier<@Nullable String> servingVersion;
    private final MultiGauge serving;

    ServiceMetrics(Supplier<@Nullable String> servingVersion) {
        this.servingVersion = servingVersion;
        this.serving = MultiGauge.builder("lcc.rules.serving")
                .description("1 for the rulesetVersion the service answers with").register(registry);
    }

    /** One answered call of a hook or feedback endpoint. */
    void call(String serviceId, String endpoint, int status, Duration took) {
        String service = HookService.byId(serviceId).map(HookService::id).orElse("other");
        Timer.builder("lcc.cds.calls").description("CDS Hooks calls answered, by service, endpoint and HTTP status")
                .tags("service", service, "endpoint", endpoint, "status", Integer.toString(status))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(took);
    }

    /** A call that failed for want of FHIR data (412), by its code and cause. */
    void fhirFailure(HookException failure) {
        for (HookException.Issue issue : failure.issues()) {
            if (issue.code().equals(CdsHooksDiagnostic.FHIR_SERVER_FAILED.code())
                    || issue.code().equals(CdsHooksDiagnostic.PREFETCH_UNAVAILABLE.code())) {
                Counter.builder("lcc.fhir.fetch.failures").description("Calls whose FHIR data could not be had, by cause")
                        .tags("code", issue.code(), "cause", cause(issue)).register(registry).increment();
                return;
            }
        }
    }

    /** A stable cause from a fetch failure's reason (the reasons are the service's own words, no patient data). */
    static String cause(HookException.Issue issue) {
        if (issue.code().equals(CdsHooksDiagnostic.PREFETCH_UNAVAILABLE.code())) {
            return "no-fhir-server";
        }
        String reason = issue.reason().toLowerCase(Locale.ROOT);
        if (reason.contains("in time") || reason.contains("deadline") || reason.contains("timed out")) {
            return "timeout";
        }
        if (reason.contains("connection") || reason.contains("reached")) {
            return "connection";
        }
        if (reason.contains("answered http")) {
            return "http-status";
        }
        if (reason.contains("page") || reason.contains("next")) {
            return "paging";
        }
        if (reason.contains("not fhir")) {
            return "not-fhir";
        }
        if (reason.contains("bytes") || reason.contains("mb") || reason.contains("too large")) {
            return "too-large";
        }
        return "other";
    }

    /** One attempt to reload a watched rule directory. */
    void reloaded(ReloadResult result) {
        Counter.builder("lcc.rules.reloads").description("Rule directory reloads, by outcome")
                .tags("outcome", result.swapped() ? "swapped" : !result.problems().isEmpty() ? "not-built" : "self-test-failed")
                .register(registry).increment();
    }

    /** The text of {@code GET /metrics}. */
    String scrape() {
        String version = servingVersion.get();
        serving.register(version == null ? List.of()
                : List.of(MultiGauge.Row.of(Tags.of("rulesetVersion", version), 1)), true);
        return registry.scrape();
    }
}
