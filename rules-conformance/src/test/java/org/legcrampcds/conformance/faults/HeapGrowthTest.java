package org.legcrampcds.conformance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.Engines;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.PatientCase;

/**
 * Guards against a memory leak per assessment: a Drools session that is not disposed (the
 * {@code KieBase} keeps every live session), an event listener or a what-if session of
 * {@code dataRequired} left registered, or a cache keyed by case or fact that grows without bound.
 * A long-running service shares one assessor for months, so anything an assessment leaves behind
 * eventually fills the heap. After a warm-up (Drools' lazy constraint compilation, the JIT, class
 * loading and any bounded cache are then settled), the live heap after 20,000 more assessments, each
 * of a distinct case, must stay within a small bound of the live heap after the warm-up.
 */
@Tag("slow") // heap growth over 20,000 assessments (skipped by -Dquick)
class HeapGrowthTest {

    private static final long SEED = 0xC0FFEE_2026L;
    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 20_000;
    private static final int THREADS = 2;

    /**
     * Why 1 MB. Measured on the build machine: the live heap of the test JVM after full collections
     * is 30-55 MB (the rule base, the case pool, the test framework, other test classes' statics);
     * consecutive readings agree to within a kilobyte, and over the 20,000 assessments it grows by
     * 4-20 KB. A leak grows with the count instead: one {@link Assessment} retained per assessment
     * adds 3-7 KB each (60-140 MB in all), a case with its facts 1-2 KB, a Drools session left
     * undisposed more, and even keeping just each case's id string (as a map keyed by case would)
     * adds about 100 bytes each, 1.9 MB in all. 1 MB (about 50 bytes per assessment) fails all of
     * these and stays some 50 times above the noise measured (region rounding, a late
     * reference-processing batch, a lazily created but bounded JDK or Drools cache). It assumes
     * {@code System.gc()} runs a full collection, the JVM's default.
     */
    private static final long BOUND_BYTES = 1024L * 1024;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void liveHeapDoesNotGrowWithTheNumberOfAssessments() throws Exception {
        CrampAssessor assessor = Engines.builtIn();
        List<String> pool = casePool();
        assertThat(pool).hasSizeGreaterThan(50).allSatisfy(text -> assertThat(text).startsWith("{\"id\":\"RND-"));

        assessAll(assessor, pool, 0, WARM_UP);
        long afterWarmUp = liveHeap();
        assessAll(assessor, pool, WARM_UP, MEASURED);
        long afterRun = liveHeap();

        assertThat(afterRun - afterWarmUp)
                .as("live heap growth over %d assessments (after warm-up %d KB, after the run %d KB)", MEASURED,
                        afterWarmUp >> 10, afterRun >> 10)
                .isLessThanOrEqualTo(BOUND_BYTES);
        assertThat(pool).isNotEmpty(); // the pool stays reachable to the end, so it is in both readings
    }

    /**
     * Random cases, as one-line JSON: complete records with at most one symptom, condition,
     * medicine or lab (an assessment costs about 0.5 ms on the 2-core build machine) and, one in
     * ten, partial records with at most two unanswered inputs (1-2 ms: a what-if session per
     * unanswered safety question), so that the leak paths of both are exercised within the time the
     * build allows. A leak is per assessment (a session, a listener, a result), not per fact, so
     * small cases find it as well.
     */
    private static List<String> casePool() {
        List<String> complete = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        for (String text : FaultCases.affordableTexts(SEED, 3_000)) {
            PatientCase c = FaultCases.read(text);
            int facts = c.symptoms().size() + c.conditions().size() + c.medications().size() + c.labs().size();
            if (c.isRecordComplete() && facts <= 1) {
                complete.add(text);
            } else if (!c.isRecordComplete() && facts <= 1 && FaultCases.unanswered(c) <= 2) {
                partial.add(text);
            }
        }
        List<String> pool = new ArrayList<>(complete);
        pool.addAll(partial.subList(0, Math.min(partial.size(), complete.size() / 9)));
        return pool;
    }

    /**
     * Assessments {@code first} to {@code first + count - 1} over the pool, shared out between
     * threads as a service would. Each is of a case of its own, read afresh with an id of its own
     * (the pool's case with the assessment's number in its id), so that anything kept per case,
     * per id or per fact object would grow with the count too.
     */
    private static void assessAll(CrampAssessor assessor, List<String> pool, int first, int count) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int start = first + t;
                results.add(threads.submit(() -> {
                    int findings = 0;
                    for (int i = start; i < first + count; i += THREADS) {
                        String text = pool.get(i % pool.size()).replaceFirst("\"id\":\"RND-", "\"id\":\"RND-" + i + "-");
                        Assessment a = assessor.assess(FaultCases.read(text));
                        findings += a.findings().size();
                    }
                    return findings;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(4, TimeUnit.MINUTES)).isNotNegative();
            }
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /**
     * The used heap after full collections: the minimum of several readings, each after
     * {@code System.gc()}, because a collection may leave some garbage (and a concurrent
     * reference-processing thread may still hold some) but never leaves live data uncounted.
     */
    private static long liveHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            min = Math.min(min, memory.getHeapMemoryUsage().getUsed());
        }
        return min;
    }
}
