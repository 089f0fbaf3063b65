package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.legcrampcds.engine.PatientFixture.quietPatient;
import static org.legcrampcds.model.Symptom.CALF_TENDERNESS;
import static org.legcrampcds.model.Symptom.CHEST_PAIN;
import static org.legcrampcds.model.Symptom.NUMBNESS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;


import org.junit.jupiter.api.Test;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.PatientCase;

/**
 * The parallel batch API: outcomes in input order and equal to one-by-one assessment, at most the
 * window in flight, failures kept to their case, and nothing special about empty input or one thread.
 */
class ParallelAssessorTest {

    private static final CrampAssessor ASSESSOR = Engines.builtIn();

    /** Cases with and without red flags and interlocks, repeated. */
    private static final List<PatientCase> MIXED = IntStream.range(0, 60).mapToObj(i -> fixture(i % 5)).toList();

    @Test
    void oneThread_givesTheSameOutcomes_andNeverRunsTwoAtOnce() throws InterruptedException {
        List<PatientCase> cases = MIXED;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Assessment> got = new ArrayList<>();

        ParallelAssessor.of(ASSESSOR).withThreads(1).mapInOrder(cases.iterator(), (assessor, c) -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                return assessor.assess(c);
            } finally {
                running.decrementAndGet();
            }
        }, (c, e) -> null, got::add);

        assertThat(got).isEqualTo(cases.stream().map(ASSESSOR::assess).toList());
        assertThat(mostAtOnce).hasValue(1);
    }

    @Test
    void resultsComeInInputOrder_evenWhenLaterInputsFinishFirst() throws InterruptedException {
        // Early inputs take longest, so the pool finishes them last.
        List<Integer> inputs = IntStream.range(0, 200).boxed().toList();
        List<Integer> got = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();

        ParallelAssessor.of(ASSESSOR).withThreads(4).withWindow(16).mapInOrder(inputs.iterator(), (assessor, i) -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                sleep(i % 16 == 0 ? 20 : 0);
                return i;
            } finally {
                running.decrementAndGet();
            }
        }, (i, e) -> -1, got::add);

        assertThat(got).isEqualTo(inputs);
        // The work really ran in parallel, so the ordering was put to the test.
        assertThat(mostAtOnce.get()).isGreaterThan(1).isLessThanOrEqualTo(4);
    }

    @Test
    void atMostTheWindowIsInFlight_andTheInputIsReadOnlyAsFastAsOutcomesAreTaken() {
        int window = 8;
        AtomicInteger pulled = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        // An endless input: only back-pressure keeps this test from running out of memory.
        Iterator<Integer> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                int n = pulled.incrementAndGet();
                mostInFlight.accumulateAndGet(n - delivered.get(), Math::max);
                return n;
            }
        };
        RuntimeException enough = new IllegalStateException("enough");

        assertThatThrownBy(() -> ParallelAssessor.of(ASSESSOR).withThreads(3).withWindow(window).mapInOrder(endless,
                (assessor, i) -> i, (i, e) -> -1, i -> {
                    sleep(1);
                    if (delivered.incrementAndGet() == 500) {
                        throw enough;
                    }
                })).isSameAs(enough);

        assertThat(mostInFlight).hasValue(window);
        assertThat(pulled.get()).isLessThanOrEqualTo(500 + window);
    }

    @Test
    void aFailingCase_becomesAFailedOutcomeInItsPlace_andTheOthersAreAssessed() throws InterruptedException {
        PatientCase dvt = quietPatient().symptoms(CALF_TENDERNESS, CHEST_PAIN).travelHours("11").build();
        PatientCase diuretic = quietPatient().age(67).conditions(Condition.HEART_FAILURE)
                .medication("furosemide", DrugClass.LOOP_DIURETIC, 70).lab(LabTest.POTASSIUM, "3.2", "mmol/L").build();
        List<PatientCase> cases = Arrays.asList(dvt, null, diuretic, null, dvt);

        List<CaseOutcome> outcomes = ParallelAssessor.of(ASSESSOR).withThreads(2).assessAll(cases);

        assertThat(outcomes).hasSize(5);
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(CaseOutcome.Failed.class,
                f -> assertThat(f.failure()).isInstanceOf(NullPointerException.class).hasMessageContaining("patientCase"));
        assertThat(outcomes.get(3)).isInstanceOf(CaseOutcome.Failed.class);
        for (int i : new int[] {0, 2, 4}) {
            assertThat(outcomes.get(i)).isInstanceOfSatisfying(CaseOutcome.Assessed.class,
                    a -> assertThat(a.assessment()).isEqualTo(ASSESSOR.assess(a.patientCase())));
        }
    }

    @Test
    void workThatThrows_isAnsweredByOnFailure_forThatInputOnly() throws InterruptedException {
        List<String> got = new ArrayList<>();

        ParallelAssessor.of(ASSESSOR).withThreads(2).mapInOrder(List.of(1, 2, 3, 4, 5, 6).iterator(), (assessor, i) -> {
            if (i % 3 == 0) {
                throw new IllegalStateException("defect " + i);
            }
            return "ok " + i;
        }, (i, e) -> "failed " + i + ": " + e.getMessage(), got::add);

        assertThat(got).containsExactly("ok 1", "ok 2", "failed 3: defect 3", "ok 4", "ok 5", "failed 6: defect 6");
    }

    @Test
    void anErrorInTheWork_stopsTheBatch() {
        AssertionError jvmTrouble = new AssertionError("the JVM is in trouble");
        List<Integer> got = new ArrayList<>();

        assertThatThrownBy(() -> ParallelAssessor.of(ASSESSOR).withThreads(2).mapInOrder(List.of(1, 2, 3).iterator(),
                (assessor, i) -> {
                    if (i == 2) {
                        throw jvmTrouble;
                    }
                    return i;
                }, (i, e) -> -1, got::add)).isSameAs(jvmTrouble);
        assertThat(got).containsExactly(1);
    }

    @Test
    void anInputThatFailsToRead_stopsTheReading_afterTheCasesAlreadyReadAreHandedOn() {
        NoSuchElementException broken = new NoSuchElementException("the input broke");
        Iterator<Integer> breaksAfterFive = new Iterator<>() {
            private int next = 1;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (next > 5) {
                    throw broken;
                }
                return next++;
            }
        };
        List<Integer> got = new ArrayList<>();

        assertThatThrownBy(() -> ParallelAssessor.of(ASSESSOR).withThreads(2).mapInOrder(breaksAfterFive,
                (assessor, i) -> i * 10, (i, e) -> -1, got::add)).isSameAs(broken);
        assertThat(got).containsExactly(10, 20, 30, 40, 50);
    }

    @Test
    void emptyInput_givesNoOutcome() throws InterruptedException {
        List<Object> got = new ArrayList<>();

        assertThat(ParallelAssessor.of(ASSESSOR).assessAll(List.of())).isEmpty();
        ParallelAssessor.of(ASSESSOR).assessInOrder(Stream.empty(), got::add);
        ParallelAssessor.of(ASSESSOR).mapInOrder(Collections.emptyIterator(), (a, i) -> i, (i, e) -> i, got::add);

        assertThat(got).isEmpty();
    }

    @Test
    void aStream_isAssessedInOrder() throws InterruptedException {
        List<PatientCase> cases = MIXED.subList(0, 40);
        List<CaseOutcome> got = new ArrayList<>();

        ParallelAssessor.of(ASSESSOR).assessInOrder(cases.stream(), got::add);

        assertThat(got).extracting(CaseOutcome::patientCase).containsExactlyElementsOf(cases);
    }

    @Test
    void everyBatch_stopsItsWorkerThreads() throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            ParallelAssessor.of(ASSESSOR).withThreads(3).assessAll(MIXED.subList(0, 3));
        }
        // Worker threads end shortly after their batch; allow them a moment.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (workerThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(workerThreads()).isZero();
    }

    @Test
    void settings_areChecked_andDefaultToOneThreadPerProcessor() {
        ParallelAssessor parallel = ParallelAssessor.of(ASSESSOR);

        assertThat(parallel.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(parallel.window()).isEqualTo(parallel.threads() * ParallelAssessor.DEFAULT_WINDOW_PER_THREAD);
        assertThat(parallel.withThreads(3).window()).isEqualTo(3 * ParallelAssessor.DEFAULT_WINDOW_PER_THREAD);
        assertThat(parallel.withWindow(5).window()).isEqualTo(5);
        assertThat(parallel.assessor()).isSameAs(ASSESSOR);
        assertThatThrownBy(() -> parallel.withThreads(0)).hasMessage("threads must be at least 1, was 0");
        assertThatThrownBy(() -> parallel.withWindow(0)).hasMessage("window must be at least 1, was 0");
    }

    private static PatientCase fixture(int which) {
        return switch (which) {
            case 0 -> quietPatient().symptoms(CALF_TENDERNESS, CHEST_PAIN).travelHours("11").build();
            case 1 -> quietPatient().age(67).conditions(Condition.HEART_FAILURE).medication("furosemide", DrugClass.LOOP_DIURETIC, 70)
                    .lab(LabTest.POTASSIUM, "3.2", "mmol/L").lab(LabTest.MAGNESIUM, "1.9", "mg/dL").toesPointed().build();
            case 2 -> quietPatient().pregnantWeeks(30).medication("quinine sulfate", DrugClass.QUININE).symptoms(NUMBNESS).build();
            case 3 -> quietPatient().conditions(Condition.DIALYSIS).lab(LabTest.EGFR, "12", "mL/min/1.73m2")
                    .medication("magnesium oxide", DrugClass.MAGNESIUM_SUPPLEMENT).build();
            default -> quietPatient().build();
        };
    }

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("lcc-assess-")).count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
