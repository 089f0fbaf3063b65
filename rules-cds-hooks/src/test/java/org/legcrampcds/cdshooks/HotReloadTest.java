package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcrampcds.engine.RuleSource;
import org.legcrampcds.engine.SelfTest;
import org.legcrampcds.fhir.FhirCaseMapper;
import org.legcrampcds.model.PatientCase;
import org.slf4j.LoggerFactory;

/**
 * Rules replaced while serving (interfaces.md §7, issue 9 item 3): a change that builds and passes
 * the directory's fixtures is swapped in; one that does not compile, or that breaks a fixture, is
 * not, and the service keeps answering on the rules it had. Calls in flight during a swap answer on
 * one rule base each: every card of one answer names the same rulesetVersion.
 */
class HotReloadTest {

    @TempDir
    Path rules;

    private static final String BODY = Json.write(TestService.call("patient-view", "p1",
            TestPatient.fromBundle("interfaces-example").prefetch()));

    private static Set<String> versions(TestService service) {
        TestService.Response response = service.post("/cds-services/" + TestService.PATIENT_VIEW, "application/json", BODY, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Set<String> versions = new HashSet<>();
        response.cards().cards().forEach(card -> versions.add(card.extension().rulesetVersion()));
        return versions;
    }

    private static String awaitVersionOtherThan(TestService service, String old) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Set<String> now = versions(service);
            assertThat(now).hasSize(1);
            if (!now.contains(old)) {
                return now.iterator().next();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("still serving " + old + " after 60 s");
    }

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    /** The engine's reloader, which logs each refused candidate (package-private there, so named). */
    private static final String RELOADER = "org.legcrampcds.engine.RuleReloader";

    /**
     * The self-test the application hands in (the command line's is the fixtures of {@code tests/}):
     * here the interfaces example, a woman of 67, must keep CAUSE_AGE.
     */
    private static SelfTest causeAgeAt67() throws IOException {
        String bundle;
        try (var in = HotReloadTest.class.getResourceAsStream("/bundles/interfaces-example.bundle.json")) {
            bundle = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        PatientCase patient = FhirCaseMapper.create().read(bundle, java.time.LocalDate.of(2026, 12, 1), null, "interfaces-example")
                .patientCaseOrThrow();
        return candidate -> candidate.assess(patient).codes().contains("CAUSE_AGE") ? List.of()
                : List.of("interfaces-example: CAUSE_AGE expected, not found");
    }

    @BeforeEach
    void listen() {
        log.start();
        ((Logger) LoggerFactory.getLogger(RELOADER)).addAppender(log);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(RELOADER)).detachAppender(log);
    }

    /** The reloader's "not swapped in" lines: a refused candidate is known only once it was built and tested. */
    private List<String> refusals() {
        synchronized (log) {
            return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("not swapped in")).toList();
        }
    }

    private void awaitRefusals(int count) throws InterruptedException {
        for (int i = 0; i < 600 && refusals().size() < count; i++) {
            Thread.sleep(100);
        }
        assertThat(refusals()).hasSizeGreaterThanOrEqualTo(count);
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = rules.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    @Test
    void aGoodChange_isServed_aBrokenOne_isNot_andCallsInFlightStayOnOneRuleBase() throws Exception {
        RuleSource.builtIn().writeTo(rules);
        SelfTest selfTest = causeAgeAt67();
        try (TestService service = TestService.start(b -> b.rulesDirectory(rules, selfTest))) {
            String first = versions(service).iterator().next();

            // Calls keep coming while the rules change.
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService callers = Executors.newFixedThreadPool(2);
            List<Future<List<String>>> mixed = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                mixed.add(callers.submit(() -> {
                    List<String> problems = new ArrayList<>();
                    while (running.get()) {
                        Set<String> v = versions(service);
                        if (v.size() != 1) {
                            problems.add("one answer, several rule bases: " + v);
                        }
                    }
                    return problems;
                }));
            }

            edit("30-causes.drl", "rule \"CAUSE-AGE-01 Older age\"", "// reviewed\nrule \"CAUSE-AGE-01 Older age\"");
            String second = awaitVersionOtherThan(service, first);

            // Does not compile: the second rule base stays.
            edit("30-causes.drl", "ruleflow-group \"cause\"\nwhen\n    Indicator( state == State.AGE_60_PLUS )",
                    "ruleflow-group \"cause\"\nwhen\n    NoSuchFact( )");
            awaitRefusals(1);
            assertThat(versions(service)).containsExactly(second);

            // Compiles, but fails the self-test (CAUSE_AGE at 67): the second rule base stays.
            edit("30-causes.drl", "NoSuchFact( )", "Indicator( state == State.AGE_60_PLUS )");
            edit("10-derive.drl", "ageYears >= 60, $age", "ageYears >= 99, $age");
            awaitRefusals(2);
            assertThat(refusals()).anyMatch(m -> m.contains("1 self-test failure"));
            assertThat(versions(service)).containsExactly(second);

            running.set(false);
            for (Future<List<String>> f : mixed) {
                assertThat(f.get()).isEmpty();
            }
            callers.shutdown();

            // Every attempt is counted by outcome (interfaces.md §7, 2.3).
            assertThat(service.get("/metrics").body()).contains("lcc_rules_reloads_total{outcome=\"swapped\"}",
                    "lcc_rules_reloads_total{outcome=\"not-built\"}", "lcc_rules_reloads_total{outcome=\"self-test-failed\"}",
                    "lcc_rules_serving{rulesetVersion=\"" + second + "\"} 1");
        }
    }
}
