package org.legcrampcds.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.legcrampcds.engine.BenchmarkAssessors;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.PatientCase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * {@link CrampAssessor#assess} on one shared assessor (the production shape: the rule base built once
 * per trial, shared by every thread), over the example-case mixes, each thread taking the cases
 * round-robin; one operation is one assessment.
 *
 * <ul>
 *   <li>the <em>complete</em> mix: every example case whose {@code notRecorded} is empty;</li>
 *   <li>the <em>partial</em> mix: every example case whose {@code notRecorded} is non-empty, so that
 *       {@code dataRequired} is worked out too.</li>
 * </ul>
 *
 * Throughput (operations per second) and latency (sampled time per operation, in µs), with one and
 * two threads.
 */
@Fork(1)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
public class AssessMixBenchmark {

    /** One assessor and the case mixes, shared by all threads of a trial. */
    @State(Scope.Benchmark)
    public static class Shared {
        /** The built-in rules as {@code precompiled} or {@code run-time} compiled DRL (see BenchmarkAssessors). */
        @Param({"precompiled"})
        public String rules;

        /** The engine's execution strategy; empty means the library's default. */
        @Param({""})
        public String execution;

        CrampAssessor assessor;
        PatientCase[] complete;
        PatientCase[] partial;

        @Setup(Level.Trial)
        public void setUp() {
            assessor = BenchmarkAssessors.builtIn(rules, execution.isEmpty() ? BenchmarkAssessors.bestExecution() : execution);
            complete = cases(ExampleCases.complete());
            partial = cases(ExampleCases.partial());
        }

        private static PatientCase[] cases(List<ExampleCases.ExampleCase> mix) {
            return mix.stream().map(ExampleCases.ExampleCase::patientCase).toArray(PatientCase[]::new);
        }
    }

    /** Each thread's place in the round-robin; threads start at different cases. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup(Level.Trial)
        public void setUp(ThreadParams thread) {
            next = thread.getThreadIndex() * 7;
        }

        PatientCase take(PatientCase[] mix) {
            int i = next;
            next = i == Integer.MAX_VALUE ? 0 : i + 1;
            return mix[i % mix.length];
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public Assessment completeMixThroughput1Thread(Shared shared, Cursor cursor) {
        return shared.assessor.assess(cursor.take(shared.complete));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Assessment completeMixThroughput2Threads(Shared shared, Cursor cursor) {
        return shared.assessor.assess(cursor.take(shared.complete));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public Assessment completeMixLatency1Thread(Shared shared, Cursor cursor) {
        return shared.assessor.assess(cursor.take(shared.complete));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public Assessment completeMixLatency2Threads(Shared shared, Cursor cursor) {
        return shared.assessor.assess(cursor.take(shared.complete));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public Assessment partialMixThroughput1Thread(Shared shared, Cursor cursor) {
        return shared.assessor.assess(cursor.take(shared.partial));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public Assessment partialMixLatency1Thread(Shared shared, Cursor cursor) {
        return shared.assessor.assess(cursor.take(shared.partial));
    }
}
