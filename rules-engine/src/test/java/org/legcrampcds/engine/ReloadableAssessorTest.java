package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.PatientCase;

import net.jqwik.api.Arbitrary;

/** Safe reload: build and self-test first, swap atomically, never serve a broken or mixed rule base. */
@Tag("slow") // builds many rule bases: among the longest of the module (skipped by -Dquick)
class ReloadableAssessorTest {

    private static final RuleSource BUILT_IN = RuleSource.builtIn();
    private static final RuleSource LOWER_POTASSIUM = ThresholdTableTest.withTable(
            t -> t.replace("K_LOW,POTASSIUM,<,3.5,", "K_LOW,POTASSIUM,<,3.0,"));
    private static final RuleSource BROKEN = ThresholdTableTest.withTable(t -> t.replace("K_LOW,POTASSIUM,<,3.5,", "K_LOW,POTASSIUM,<,high,"));

    @Test
    void goodCandidate_isSwappedIn() {
        ReloadableAssessor service = ReloadableAssessor.serving(Engines.builtIn());
        ReloadResult result = service.reload(LOWER_POTASSIUM, SelfTest.none());
        assertThat(result.swapped()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(service.current().rulesetVersion()).isEqualTo(result.servingVersion()).isNotEqualTo(Engines.builtIn().rulesetVersion());
    }

    @Test
    void candidateThatDoesNotBuild_keepsTheOldRules_andReturnsItsDiagnostics() {
        ReloadableAssessor service = ReloadableAssessor.serving(Engines.builtIn());
        ReloadResult result = service.reload(BROKEN, SelfTest.none());
        assertThat(result.swapped()).isFalse();
        assertThat(result.servingVersion()).isEqualTo(Engines.builtIn().rulesetVersion());
        assertThat(result.problems()).extracting(RuleProblem::toString).anyMatch(p -> p.startsWith("thresholds.csv:2: LCC-R025"));
        assertThat(service.current()).isSameAs(Engines.builtIn());
    }

    @Test
    void candidateThatFailsItsSelfTest_keepsTheOldRules() {
        ReloadableAssessor service = ReloadableAssessor.serving(Engines.builtIn());
        ReloadResult result = service.reload(LOWER_POTASSIUM, candidate -> List.of("K-3.2.json: CAUSE_HYPOKALAEMIA expected, not produced"));
        assertThat(result.swapped()).isFalse();
        assertThat(result.selfTestFailures()).containsExactly("K-3.2.json: CAUSE_HYPOKALAEMIA expected, not produced");
        assertThat(service.current()).isSameAs(Engines.builtIn());
    }

    @Test
    void selfTestThatThrows_isAFailure_notAnEscape() {
        ReloadableAssessor service = ReloadableAssessor.serving(Engines.builtIn());
        ReloadResult result = service.reload(LOWER_POTASSIUM, candidate -> {
            throw new IllegalStateException("fixture folder gone");
        });
        assertThat(result.swapped()).isFalse();
        assertThat(result.selfTestFailures()).singleElement().asString().contains("fixture folder gone");
    }

    /**
     * Reloads back and forth, with a broken candidate in between, while four threads assess: every
     * result must equal the sequential result of the rule base whose version it names.
     */
    @Test
    void reloadsUnderLoad_everyResultIsTheSequentialResultOfTheVersionItNames() throws Exception {
        CrampAssessor a = Engines.builtIn();
        CrampAssessor b = CrampAssessor.on(RuleBase.build(LOWER_POTASSIUM));
        Map<String, CrampAssessor> byVersion = Map.of(a.rulesetVersion(), a, b.rulesetVersion(), b);
        List<PatientCase> cases = randomCases(300);
        ReloadableAssessor service = ReloadableAssessor.serving(a);

        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, Integer> seenVersions = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch started = new CountDownLatch(4);
        List<Future<List<String>>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int seed = t;
            workers.add(pool.submit(() -> {
                List<String> wrong = new ArrayList<>();
                Random random = new Random(seed);
                started.countDown();
                while (running.get()) {
                    PatientCase c = cases.get(random.nextInt(cases.size()));
                    Assessment result = service.assess(c);
                    seenVersions.merge(result.rulesetVersion(), 1, Integer::sum);
                    CrampAssessor named = byVersion.get(result.rulesetVersion());
                    if (named == null || !named.assess(c).equals(result)) {
                        wrong.add(result.rulesetVersion() + " " + c.id().orElse("?"));
                    }
                }
                return wrong;
            }));
        }
        started.await();
        int swaps = 0;
        for (int i = 0; i < 4; i++) {
            swaps += service.reload(i % 2 == 0 ? LOWER_POTASSIUM : BUILT_IN, SelfTest.none()).swapped() ? 1 : 0;
            assertThat(service.reload(BROKEN, SelfTest.none()).swapped()).isFalse();
        }
        running.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        for (Future<List<String>> worker : workers) {
            assertThat(worker.get()).as("results that differ from their version's sequential result").isEmpty();
        }
        assertThat(swaps).isEqualTo(4);
        assertThat(seenVersions.keySet()).as("both rule bases served").containsExactlyInAnyOrderElementsOf(byVersion.keySet());
    }

    private static List<PatientCase> randomCases(int n) {
        Arbitrary<PatientCase> patients = RandomPatients.patients();
        return patients.sampleStream().limit(n).toList();
    }
}
