package org.legcrampcds.conformance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.Engines;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.PatientCase;

/**
 * Guards against shared mutable state in the engine: one {@link CrampAssessor} assessing random
 * cases (complete and partial records, so with the what-if evaluations of {@code dataRequired}) on
 * many threads at once, while two other threads compile fresh assessors (Drools' JVM-wide
 * {@code KieServices}, {@code KieRepository} and class loading) and assess with them, must give
 * exactly the results of a sequential run, and nothing may throw. A race shows up as a wrong or
 * missing finding, a mixed-up {@code caseId}, evidence from another patient or an exception.
 * (The fresh assessors are built from the same rules, so a mix-up of rule bases between builds
 * cannot show here: {@link RuleBaseIsolationTest} looks for that.)
 */
@Tag("slow") // soak (skipped by -Dquick)
class ConcurrencySoakTest {

    private static final long SEED = 0x50A4_2026L;
    private static final int CASES = 100;
    private static final int WORKERS = 8;
    private static final int ASSESSMENTS_PER_WORKER = 300;
    /** Workers go on while a fresh assessor is still being built or used, up to this many each. */
    private static final int MAX_ASSESSMENTS_PER_WORKER = ASSESSMENTS_PER_WORKER * 5 / 4;
    private static final int BUILDERS = 2;
    /** Each worker's step through the cases, prime to their number, so that each visits all of them in its own order. */
    private static final int[] STRIDES = {1, 3, 7, 9, 11, 13, 17, 19};

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sharedAndFreshlyBuiltAssessors_giveTheSequentialResults_underContention() throws Exception {
        List<PatientCase> cases = FaultCases.affordableCases(SEED, CASES);
        CrampAssessor shared = Engines.builtIn();
        List<Assessment> expected = cases.stream().map(shared::assess).toList();

        Queue<String> mismatches = new ConcurrentLinkedQueue<>();
        AtomicInteger buildersBusy = new AtomicInteger(BUILDERS);
        CyclicBarrier start = new CyclicBarrier(WORKERS + BUILDERS);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + BUILDERS);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                workers.add(pool.submit(() -> {
                    start.await();
                    int done = 0;
                    while (done < ASSESSMENTS_PER_WORKER || buildersBusy.get() > 0 && done < MAX_ASSESSMENTS_PER_WORKER) {
                        // Each worker walks the cases in its own order, so that different cases run side by side.
                        int k = (worker * 37 + done * STRIDES[worker]) % CASES;
                        check(mismatches, "shared assessor, worker " + worker, k, expected.get(k), shared.assess(cases.get(k)));
                        done++;
                    }
                    return done;
                }));
            }
            List<Future<String>> builders = new ArrayList<>();
            for (int b = 0; b < BUILDERS; b++) {
                int builder = b;
                builders.add(pool.submit(() -> {
                    try {
                        start.await();
                        CrampAssessor fresh = CrampAssessor.builder().build();
                        for (int i = 0; i < CASES; i++) {
                            int k = (i + builder * CASES / 2) % CASES;
                            check(mismatches, "fresh assessor " + builder, k, expected.get(k), fresh.assess(cases.get(k)));
                        }
                        return fresh.rulesetVersion();
                    } finally {
                        buildersBusy.decrementAndGet();
                    }
                }));
            }
            int total = 0;
            for (Future<Integer> worker : workers) {
                total += worker.get(4, TimeUnit.MINUTES);
            }
            for (Future<String> builder : builders) {
                assertThat(builder.get(4, TimeUnit.MINUTES)).isEqualTo(shared.rulesetVersion());
            }
            assertThat(total).isGreaterThanOrEqualTo(WORKERS * ASSESSMENTS_PER_WORKER);
        } finally {
            pool.shutdownNow();
        }
        assertThat(mismatches).as("assessments that differ from the sequential run").isEmpty();
    }

    private static void check(Queue<String> mismatches, String who, int k, Assessment expected, Assessment actual) {
        if (!actual.equals(expected) && mismatches.size() < 20) {
            mismatches.add(who + ", case " + k + " (" + expected.caseId() + "): expected " + expected + "\n  but was " + actual);
        }
    }
}
